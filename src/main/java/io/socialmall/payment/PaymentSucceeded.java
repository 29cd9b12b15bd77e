package io.socialmall.payment;

import java.time.Instant;

import io.socialmall.core.Money;

/**
 * The provider confirmed (by a verified callback) that the payer paid. Published once per intent, inside
 * the transaction that records it: synchronous listeners (ordering, ledger) commit with it.
 */
public record PaymentSucceeded(long paymentIntentId, String reference, long payerId, Money amount, String provider,
		String providerTransactionId, Instant at) {
}
