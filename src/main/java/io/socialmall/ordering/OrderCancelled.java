package io.socialmall.ordering;

import java.time.Instant;

/**
 * An order was cancelled: by the buyer or the payment timeout before payment, or by the buyer after
 * payment and before shipment (then an {@link OrderRefunded} follows).
 */
public record OrderCancelled(long orderId, String orderNo, long buyerId, long supplierId, boolean wasPaid,
		String reason, Instant at) {
}
