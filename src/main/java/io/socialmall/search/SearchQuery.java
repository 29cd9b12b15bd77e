package io.socialmall.search;

import io.socialmall.core.DomainException;
import io.socialmall.core.PageRequest;

/**
 * A search or a category listing.
 * @param text words to find (Chinese in either script, English, or both); null or blank lists everything
 * @param categoryId only products in this category or below it
 * @param minPrice lowest price in fen (inclusive) of a product's cheapest SKU
 * @param maxPrice highest price in fen (inclusive)
 * @param sort null: by relevance with text, newest first without
 */
public record SearchQuery(String text, Long categoryId, Long minPrice, Long maxPrice, SearchSort sort, PageRequest page) {

	/** Pages past this many results are refused: deep paging is costly and nobody reads that far. */
	public static final int MAX_RESULTS = 10_000;

	public SearchQuery {
		text = text == null || text.isBlank() ? null : text.strip();
		if (text != null && text.length() > 100) {
			throw DomainException.invalid("q", "at most 100 characters");
		}
		if (minPrice != null && minPrice < 0) {
			throw DomainException.invalid("minPrice", "must be 0 or more");
		}
		if (maxPrice != null && maxPrice < 0) {
			throw DomainException.invalid("maxPrice", "must be 0 or more");
		}
		if (minPrice != null && maxPrice != null && minPrice > maxPrice) {
			throw DomainException.invalid("maxPrice", "must not be below minPrice");
		}
		if (page == null) {
			page = new PageRequest(0, 20);
		}
		if (page.offset() + page.size() > MAX_RESULTS) {
			throw DomainException.invalid("page", "too far: narrow the search instead");
		}
		if (sort == null) {
			sort = text == null ? SearchSort.NEWEST : SearchSort.RELEVANCE;
		}
		else if (sort == SearchSort.RELEVANCE && text == null) {
			sort = SearchSort.NEWEST;
		}
	}

	public static SearchQuery text(String text) {
		return new SearchQuery(text, null, null, null, null, null);
	}

	public static SearchQuery category(Long categoryId, SearchSort sort, PageRequest page) {
		return new SearchQuery(null, categoryId, null, null, sort, page);
	}
}
