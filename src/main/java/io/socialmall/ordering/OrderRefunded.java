package io.socialmall.ordering;

import java.time.Instant;
import java.util.List;

import io.socialmall.core.Money;

/**
 * Money of a paid order is going back to the buyer (cancellation after payment, or an approved return):
 * the refund was requested from the provider in the same transaction.
 * @param amount refunded to the buyer
 * @param platformFeeShare the part of the platform fee given back, in proportion to the amount
 * @param supplierShare {@code amount - platformFeeShare}, taken back from the supplier
 * @param lines the refunded lines with the quantity and amount refunded of each
 */
public record OrderRefunded(long orderId, String orderNo, long buyerId, long supplierId, long refundId,
		Money amount, Money platformFeeShare, Money supplierShare, List<OrderLineInfo> lines, Instant at) {
}
