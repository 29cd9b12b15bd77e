package io.socialmall.cart;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.socialmall.core.Money;

/**
 * A cart as its owner sees it.
 * @param token the guest cart's token (keep it in the {@code X-Cart-Token} header or cookie); {@code null} for
 *        a member's cart
 * @param selectedTotal what the selected, purchasable lines cost at today's prices (before shipping)
 */
public record CartView(String token, List<CartItemView> items, int selectedCount, Money selectedTotal) {

	public CartView {
		items = List.copyOf(items);
	}

	@JsonIgnore
	public boolean isEmpty() {
		return items.isEmpty();
	}

	/** Some line's price changed since it was added. */
	public boolean priceChanged() {
		return items.stream().anyMatch(CartItemView::priceChanged);
	}

	public int itemCount() {
		return items.stream().mapToInt(CartItemView::quantity).sum();
	}
}
