package io.socialmall.catalog;

import java.time.Instant;

import io.socialmall.core.Money;

/** One entry of a SKU's price history: the price it had from {@code changedAt} on. */
public record PriceChange(long skuId, String specText, Money price, long changedBy, Instant changedAt) {
}
