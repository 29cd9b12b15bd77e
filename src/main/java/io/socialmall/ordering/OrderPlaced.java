package io.socialmall.ordering;

import java.time.Instant;
import java.util.List;

import io.socialmall.core.Money;

/** An order was created and its stock reserved; it waits for payment. */
public record OrderPlaced(long orderId, String orderNo, long checkoutId, long buyerId, long supplierId, Money total,
		List<OrderLineInfo> lines, Instant at) {
}
