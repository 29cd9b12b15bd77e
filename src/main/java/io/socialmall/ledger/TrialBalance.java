package io.socialmall.ledger;

/**
 * All postings of the ledger added up: {@code debits} and {@code credits} are equal and {@code sum} is zero
 * in a sound ledger, since every entry is balanced.
 */
public record TrialBalance(long entries, long debits, long credits, long sum) {
}
