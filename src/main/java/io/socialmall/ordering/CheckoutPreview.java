package io.socialmall.ordering;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.socialmall.core.Money;

/**
 * What a checkout of the given cart lines would create now: one group (order) per supplier with its shipping
 * fee, and the totals. Nothing is reserved until the buyer submits.
 */
public record CheckoutPreview(List<Group> groups, Money goods, Money shipping, Money total) {

	public CheckoutPreview {
		groups = List.copyOf(groups);
	}

	@JsonIgnore
	public boolean isEmpty() {
		return groups.isEmpty();
	}

	/** Every line can be ordered now. */
	public boolean orderable() {
		return !groups.isEmpty() && groups.stream().flatMap(g -> g.lines().stream()).allMatch(Line::purchasable);
	}

	/** Lines the buyer must confirm as not returnable without reason. */
	public List<Line> nonReturnableLines() {
		return groups.stream().flatMap(g -> g.lines().stream()).filter(l -> !l.returnableWithoutReason()).toList();
	}

	public List<Long> skuIds() {
		return groups.stream().flatMap(g -> g.lines().stream()).map(Line::skuId).toList();
	}

	/** The future order of one supplier. */
	public record Group(long supplierId, String supplierName, List<Line> lines, Money goods, Money shippingFee,
			Money total, ShippingRule rule) {

		public Group {
			lines = List.copyOf(lines);
		}
	}

	/** One line at today's price; {@code addedPrice} is what the cart remembered. */
	public record Line(long skuId, long productId, String title, String specText, String imageUrl, Money unitPrice,
			Money addedPrice, int quantity, Money amount, boolean returnableWithoutReason, boolean purchasable,
			int available) {

		public boolean priceChanged() {
			return !unitPrice.equals(addedPrice);
		}
	}
}
