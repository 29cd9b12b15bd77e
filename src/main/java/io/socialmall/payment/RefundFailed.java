package io.socialmall.payment;

import java.time.Instant;

import io.socialmall.core.Money;

/** The provider refused a refund after every retry; an operator must look at it. */
public record RefundFailed(long refundId, long paymentIntentId, String reference, Money amount, String reason,
		Instant at) {
}
