package io.socialmall.catalog;

import java.time.Instant;

import io.socialmall.core.MediaStorage;
import io.socialmall.core.Money;

/** A line of a supplier's product list: price range and stock summed over the product's SKUs. */
public record ProductSummary(long id, String title, ProductStatus status, Money minPrice, Money maxPrice, int skuCount,
		int available, int reserved, int sold, String imageKey, Instant updatedAt) {

	public String thumbnailUrl() {
		return MediaStorage.thumbnailUrl(imageKey);
	}
}
