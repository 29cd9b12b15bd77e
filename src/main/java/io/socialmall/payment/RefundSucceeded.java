package io.socialmall.payment;

import java.time.Instant;

import io.socialmall.core.Money;

/** The provider returned the money to the payer. Published once per refund. */
public record RefundSucceeded(long refundId, long paymentIntentId, String reference, long payerId, Money amount,
		Instant at) {
}
