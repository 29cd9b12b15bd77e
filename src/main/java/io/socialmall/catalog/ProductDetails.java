package io.socialmall.catalog;

import java.time.Instant;
import java.util.List;

import io.socialmall.core.MediaStorage;
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

	/** The media keys of the pictures, main picture first. */
	public List<String> imageKeys() {
		return imageUrls.stream().map(url -> url.substring("/media/".length())).toList();
	}

	public List<String> thumbnailUrls() {
		return imageKeys().stream().map(MediaStorage::thumbnailUrl).toList();
	}

	/** The SKU with this id, or null. */
	public Sku sku(long skuId) {
		return skus.stream().filter(s -> s.id() == skuId).findFirst().orElse(null);
	}

	public Money minPrice() {
		return skus.stream().map(Sku::price).min(Money::compareTo).orElse(null);
	}

	public Money maxPrice() {
		return skus.stream().map(Sku::price).max(Money::compareTo).orElse(null);
	}

	/** One SKU of the product with its price and how many units can be ordered now. */
	public record Sku(long id, List<String> specValues, Money price, int available, String code) {

		public String specText() {
			return String.join(" / ", specValues);
		}
	}
}
