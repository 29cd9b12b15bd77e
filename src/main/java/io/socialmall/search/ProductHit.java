package io.socialmall.search;

import java.time.Instant;

import io.socialmall.core.MediaStorage;
import io.socialmall.core.Money;

/**
 * A product found, with what a result tile shows, read from the index alone (no database query).
 * @param price the lowest price among its SKUs
 * @param sales units sold over all its SKUs
 */
public record ProductHit(long id, String title, String titleEn, Money price, String imageKey, long sales,
		long supplierId, String supplierName, Long categoryId, Instant publishedAt) {

	public String imageUrl() {
		return MediaStorage.url(imageKey);
	}

	public String thumbnailUrl() {
		return MediaStorage.thumbnailUrl(imageKey);
	}
}
