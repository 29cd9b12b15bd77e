package io.socialmall.cart;

import java.time.Instant;

import io.socialmall.core.Money;

/**
 * One line of a cart with the SKU as it is now.
 * @param addedPrice the unit price when the buyer added the SKU
 * @param price the unit price now (what checkout charges)
 * @param priceChange {@code price - addedPrice}: negative when it got cheaper
 * @param available units that can be ordered now
 * @param purchasable on sale now; a line that is not cannot be checked out
 * @param returnableWithoutReason false when the buyer must confirm at checkout that no-reason returns do not apply
 * @param source where the buyer picked the SKU (e.g. {@code shop:123}); {@code null} for the product page. The
 *        same SKU from two sources is two lines.
 */
public record CartItemView(long skuId, long productId, long supplierId, String title, String specText,
		String imageUrl, int quantity, Money addedPrice, Money price, Money priceChange, Money lineTotal,
		int available, boolean purchasable, boolean returnableWithoutReason, boolean selected, Instant addedAt, String source) {

	public boolean priceChanged() {
		return !priceChange.isZero();
	}

	/** Fewer units are available than the line asks for. */
	public boolean insufficientStock() {
		return available < quantity;
	}
}
