package io.socialmall.ordering;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.socialmall.core.Money;

/**
 * Money of a paid order is going back to the buyer (cancellation after payment, or an approved return):
 * the refund was requested from the provider in the same transaction. Every part of the order's split goes
 * back in proportion (cumulatively, so a full refund gives back exactly everything):
 * {@code supplierShare = amount - platformFeeShare - resellerMarginShare + platformSubsidyShare}.
 * @param amount refunded to the buyer
 * @param platformFeeShare the part of the platform fee given back, in proportion to the amount
 * @param supplierShare taken back from the supplier
 * @param resellerMarginShare the resellers' margin given back (per line, in proportion to each line's refund)
 * @param platformSubsidyShare the platform's subsidy coming back to it (per line, likewise)
 * @param lines the refunded lines with the quantity, amount, margin and subsidy refunded of each
 */
public record OrderRefunded(long orderId, String orderNo, long buyerId, long supplierId, long refundId,
		Money amount, Money platformFeeShare, Money supplierShare, Money resellerMarginShare,
		Money platformSubsidyShare, List<OrderLineInfo> lines, Instant at) {

	public OrderRefunded {
		lines = List.copyOf(lines);
	}

	/** A refund of an order without margin or subsidy: {@code supplierShare = amount - platformFeeShare}. */
	public OrderRefunded(long orderId, String orderNo, long buyerId, long supplierId, long refundId, Money amount,
			Money platformFeeShare, Money supplierShare, List<OrderLineInfo> lines, Instant at) {
		this(orderId, orderNo, buyerId, supplierId, refundId, amount, platformFeeShare, supplierShare,
				Money.zero(amount.currency()), Money.zero(amount.currency()), lines, at);
	}

	/** The margin each reseller gives back with this refund (only resellers with a share). */
	public Map<Long, Money> marginsByReseller() {
		return OrderPaid.byReseller(lines);
	}
}
