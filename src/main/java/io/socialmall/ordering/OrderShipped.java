package io.socialmall.ordering;

import java.time.Instant;

/** The supplier handed the order to a carrier. */
public record OrderShipped(long orderId, String orderNo, long buyerId, long supplierId, String carrier,
		String trackingNumber, Instant at) {
}
