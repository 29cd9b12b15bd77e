package io.socialmall.payment;

import java.time.Instant;

import io.socialmall.core.Money;

/** A refund of (part of) a payment. {@code reference} is the requesting module's unique key. */
public record RefundView(long id, long paymentIntentId, String reference, Money amount, RefundStatus status,
		String reason, Instant requestedAt, Instant completedAt) {
}
