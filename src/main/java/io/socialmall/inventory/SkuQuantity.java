package io.socialmall.inventory;

/** A number of units of one SKU. */
public record SkuQuantity(long skuId, int quantity) {

	public SkuQuantity {
		if (quantity <= 0) {
			throw new IllegalArgumentException("quantity must be positive");
		}
	}
}
