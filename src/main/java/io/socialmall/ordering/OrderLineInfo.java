package io.socialmall.ordering;

import io.socialmall.core.Money;

/**
 * One line of an order as events carry it, with what was frozen on it at checkout. In {@link OrderRefunded}
 * {@code quantity}, {@code amount}, {@code margin} and {@code subsidy} are what that refund gives back.
 * @param unitPrice what the buyer was charged per unit, before discounts
 * @param amount what the buyer paid for the line (unit price times quantity, less the line's share of discounts)
 * @param listPrice the catalog price at checkout
 * @param discount the line's share of the checkout's discounts
 * @param supplierUnitPrice what the supplier is owed per unit
 * @param resellerId the reseller the line was sold through, or {@code null}
 * @param margin the reseller's margin: (unit price minus supplier unit price) times quantity
 * @param subsidy the part of {@code discount} the platform pays
 * @param commissionBps the commission rate frozen at checkout, in basis points of {@code amount}
 * @param priceSource why the line cost what it did: {@code catalog}, {@code shop}, {@code flash} and so on
 * @param source where the buyer picked the SKU (the cart line's source, e.g. {@code shop:123}), or {@code null}
 */
public record OrderLineInfo(long lineId, long productId, long skuId, int quantity, Money unitPrice, Money amount,
		Money listPrice, Money discount, Money supplierUnitPrice, Long resellerId, Money margin, Money subsidy,
		int commissionBps, String priceSource, String source) {

	/** A line at the catalog price without discount, reseller or commission. */
	public OrderLineInfo(long lineId, long productId, long skuId, int quantity, Money unitPrice, Money amount) {
		this(lineId, productId, skuId, quantity, unitPrice, amount, unitPrice, Money.zero(unitPrice.currency()), unitPrice,
				null, Money.zero(unitPrice.currency()), Money.zero(unitPrice.currency()), 0, "catalog", null);
	}
}
