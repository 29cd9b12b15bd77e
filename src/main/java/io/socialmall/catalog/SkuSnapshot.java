package io.socialmall.catalog;

import io.socialmall.core.Money;

/**
 * What cart and checkout need to know of one SKU right now.
 * @param purchasable on sale: the product is published and its supplier is verified
 * @param returnableWithoutReason false when the supplier flagged the product "no return without reason"
 */
public record SkuSnapshot(long skuId, long productId, long supplierId, String title, String specText, Money price,
		String imageUrl, boolean purchasable, boolean returnableWithoutReason, String code) {
}
