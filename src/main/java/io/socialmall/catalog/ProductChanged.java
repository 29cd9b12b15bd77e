package io.socialmall.catalog;

/** A product was created or its title, prices, status or images changed: indexes and caches refresh. */
public record ProductChanged(long productId) {
}
