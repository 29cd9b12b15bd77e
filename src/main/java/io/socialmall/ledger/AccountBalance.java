package io.socialmall.ledger;

/**
 * An account's balance in one currency, summed from its postings.
 * @param code e.g. {@code SUPPLIER_PAYABLE:42}
 * @param debits the sum of its debits (positive)
 * @param credits the sum of its credits, as a positive number
 * @param balance {@code debits - credits}: positive for a debit balance, negative for a credit balance
 */
public record AccountBalance(String code, AccountKind kind, long ownerId, String currency, long debits, long credits,
		long balance) {
}
