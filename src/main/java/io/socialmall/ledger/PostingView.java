package io.socialmall.ledger;

/** One posting of an entry: the account and the signed amount (debit +, credit −) in minor units. */
public record PostingView(String account, AccountKind kind, long ownerId, long amount) {
}
