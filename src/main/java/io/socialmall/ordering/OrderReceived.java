package io.socialmall.ordering;

import java.time.Instant;

/** The buyer confirmed receipt (or it was confirmed automatically); the return window starts now. */
public record OrderReceived(long orderId, String orderNo, long buyerId, long supplierId, boolean automatic,
		Instant at) {
}
