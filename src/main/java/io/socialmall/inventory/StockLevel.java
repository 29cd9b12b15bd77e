package io.socialmall.inventory;

/**
 * Units of one SKU: {@code available} can be ordered, {@code reserved} are held by unpaid orders,
 * {@code sold} were paid for.
 */
public record StockLevel(long skuId, int available, int reserved, int sold) {

	public boolean inStock() {
		return available > 0;
	}
}
