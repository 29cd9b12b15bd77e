package io.socialmall.catalog;

import java.time.Instant;
import java.util.List;

import io.socialmall.core.MediaStorage;
import io.socialmall.core.Money;

/**
 * A product on sale as listings and the search index need it: what a tile shows, plus the text and
 * facts to find and sort it by.
 * @param categoryPath the ids from the top-level category down to the product's own (empty without one)
 * @param categoryNames the names of those categories, Chinese and English
 * @param skuIds its SKUs, to look up units sold
 */
public record ProductListing(long id, long supplierId, String supplierName, Long categoryId, List<Long> categoryPath,
		List<String> categoryNames, String title, String titleEn, String description, Money minPrice, String imageKey,
		List<Long> skuIds, Instant createdAt, Instant publishedAt) {

	public ProductListing {
		categoryPath = List.copyOf(categoryPath);
		categoryNames = List.copyOf(categoryNames);
		skuIds = List.copyOf(skuIds);
	}

	public String imageUrl() {
		return MediaStorage.url(imageKey);
	}

	public String thumbnailUrl() {
		return MediaStorage.thumbnailUrl(imageKey);
	}
}
