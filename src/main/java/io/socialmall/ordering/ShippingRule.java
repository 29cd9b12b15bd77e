package io.socialmall.ordering;

import io.socialmall.core.Money;

/**
 * How a supplier charges shipping on one order: a flat fee, free when the goods reach {@code freeOver}.
 * @param freeOver goods total from which shipping is free; {@code null}: never free
 * @param custom false when the supplier has not set a rule and the platform default applies
 */
public record ShippingRule(Money flatFee, Money freeOver, boolean custom) {

	/** The fee for an order whose goods cost {@code goods}. */
	public Money feeFor(Money goods) {
		if (freeOver != null && goods.compareTo(freeOver) >= 0) {
			return Money.zero(goods.currency());
		}
		return flatFee;
	}
}
