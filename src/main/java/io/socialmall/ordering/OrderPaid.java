package io.socialmall.ordering;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.socialmall.core.Money;

/**
 * An order was paid. Published inside the payment's transaction. The split is exact:
 * {@code supplierAmount = total - platformFee - resellerMargin + platformSubsidy}, and the lines' margins add up
 * to {@code resellerMargin}, their subsidies to {@code platformSubsidy}.
 * @param total goods (after discounts) + shipping, what the buyer paid for this order
 * @param shippingFee the part of {@code total} that is shipping
 * @param platformFee the platform's fee, frozen when the order was created
 * @param supplierAmount what the supplier is owed
 * @param resellerMargin what resellers earn on the order's lines (each line names its reseller)
 * @param platformSubsidy the discounts the platform pays for
 * @param discount all discounts on the order (platform- and supplier-funded)
 */
public record OrderPaid(long orderId, String orderNo, long buyerId, long supplierId, long paymentIntentId,
		Money total, Money shippingFee, Money platformFee, Money supplierAmount, Money resellerMargin,
		Money platformSubsidy, Money discount, List<OrderLineInfo> lines, Instant at) {

	public OrderPaid {
		lines = List.copyOf(lines);
	}

	/** An order without margin, subsidy or discount: {@code supplierAmount = total - platformFee}. */
	public OrderPaid(long orderId, String orderNo, long buyerId, long supplierId, long paymentIntentId, Money total,
			Money shippingFee, Money platformFee, Money supplierAmount, List<OrderLineInfo> lines, Instant at) {
		this(orderId, orderNo, buyerId, supplierId, paymentIntentId, total, shippingFee, platformFee, supplierAmount,
				Money.zero(total.currency()), Money.zero(total.currency()), Money.zero(total.currency()), lines, at);
	}

	/** The margin of each reseller on the order's lines (only resellers with a margin). */
	public Map<Long, Money> marginsByReseller() {
		return byReseller(lines);
	}

	static Map<Long, Money> byReseller(List<OrderLineInfo> lines) {
		Map<Long, Money> margins = new LinkedHashMap<>();
		for (OrderLineInfo line : lines) {
			if (line.resellerId() != null && !line.margin().isZero()) {
				margins.merge(line.resellerId(), line.margin(), Money::plus);
			}
		}
		return margins;
	}
}
