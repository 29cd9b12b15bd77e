package io.socialmall.ordering;

import java.time.Instant;

import io.socialmall.core.Money;

/** An order in a list. */
public record OrderSummary(long id, String orderNo, long checkoutId, long buyerId, long supplierId,
		OrderStatus status, Money total, int itemCount, String summary, Instant createdAt, Instant dueAt) {
}
