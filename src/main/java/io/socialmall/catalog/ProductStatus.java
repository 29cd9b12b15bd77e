package io.socialmall.catalog;

/** A product is drafted, then published (on sale) or unpublished (off sale). */
public enum ProductStatus {
	DRAFT, ON_SALE, OFF_SALE
}
