package io.socialmall.catalog;

import java.time.Instant;

/** A SKU's price changed (kept in the price history). */
public record SkuPriceChanged(long skuId, long productId, long oldPrice, long newPrice, Instant at) {
}
