package io.socialmall.ordering;

import java.time.Instant;

/** The return window of a received order passed: the sale is final (commissions settle on this). */
public record OrderCompleted(long orderId, String orderNo, long buyerId, long supplierId, Instant at) {
}
