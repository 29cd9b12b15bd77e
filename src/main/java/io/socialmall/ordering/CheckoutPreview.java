package io.socialmall.ordering;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.socialmall.core.Money;

/**
 * What a checkout of the given cart lines would create now, priced by every {@link CheckoutParticipant}: one
 * group (order) per supplier with its shipping fee, the discounts, and the totals. Nothing is reserved until
 * the buyer submits.
 * @param goods what the goods cost after discounts
 * @param discount all discounts together
 * @param discounts each discount with its label and amount
 */
public record CheckoutPreview(List<Group> groups, Money goods, Money shipping, Money total, Money discount,
		List<AppliedDiscount> discounts) {

	public CheckoutPreview {
		groups = List.copyOf(groups);
		discounts = List.copyOf(discounts);
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
		return groups.stream().flatMap(g -> g.lines().stream()).map(Line::skuId).distinct().toList();
	}

	/**
	 * The future order of one supplier.
	 * @param goods what its goods cost after discounts
	 */
	public record Group(long supplierId, String supplierName, List<Line> lines, Money goods, Money shippingFee,
			Money total, ShippingRule rule, Money discount) {

		public Group {
			lines = List.copyOf(lines);
		}
	}

	/**
	 * One line at today's price as the participants set it; {@code addedPrice} is what the cart remembered.
	 * @param unitPrice what is charged per unit before discounts
	 * @param amount unit price times quantity less {@code discount}
	 * @param listPrice the catalog price
	 * @param source where the buyer picked it (e.g. {@code shop:123}), or {@code null}
	 * @param priceSource why it costs what it does: {@code catalog}, {@code shop}, {@code flash} and so on
	 */
	public record Line(long skuId, long productId, String title, String specText, String imageUrl, Money unitPrice,
			Money addedPrice, int quantity, Money amount, boolean returnableWithoutReason, boolean purchasable,
			int available, Money listPrice, Money discount, String source, String priceSource) {

		public boolean priceChanged() {
			return addedPrice != null && !unitPrice.equals(addedPrice);
		}
	}

	/** A discount of the checkout as the buyer sees it. */
	public record AppliedDiscount(String ref, String label, Money amount) {
	}
}
