package io.socialmall.payment;

import java.time.Instant;

import io.socialmall.core.Money;

/**
 * One payment a buyer makes, e.g. for a whole checkout.
 * @param reference the paying module's own key, unique, e.g. {@code checkout:123}
 */
public record PaymentIntent(long id, String reference, long payerId, Money amount, PaymentStatus status,
		String provider, String providerTransactionId, String description, Instant createdAt, Instant succeededAt) {
}
