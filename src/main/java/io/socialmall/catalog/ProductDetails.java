package io.socialmall.catalog;

import java.time.Instant;
import java.util.List;

import io.socialmall.core.Money;

/** A product with its specs, SKUs (with stock) and images, as a product page shows it. */
public record ProductDetails(long id, long supplierId, Long categoryId, String title, String titleEn,
		String description, ProductStatus status, boolean returnableWithoutReason, boolean supplierVerified,
		List<SpecDraft> specs, List<Sku> skus, List<String> imageUrls, Instant createdAt, Instant publishedAt) {

	public boolean purchasable() {
		return status == ProductStatus.ON_SALE && supplierVerified;
	}

	public String imageUrl() {
		return imageUrls.isEmpty() ? null : imageUrls.get(0);
	}

	/** One SKU of the product with its price and how many units can be ordered now. */
	public record Sku(long id, List<String> specValues, Money price, int available, String code) {

		public String specText() {
			return String.join(" / ", specValues);
		}
	}
}
