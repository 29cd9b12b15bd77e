package io.socialmall.catalog;

import io.socialmall.inventory.StockLevel;

/**
 * A supplier's own products. Every method takes the supplier's id and treats another supplier's product
 * as not found.
 */
public interface ProductManagement {

	ProductDetails create(long supplierId, ProductDraft draft);

	ProductDetails product(long supplierId, long productId);

	/** Puts the product on sale; buyers can order it once the supplier is also verified. */
	ProductDetails publish(long supplierId, long productId);

	ProductDetails unpublish(long supplierId, long productId);

	/** Changes a SKU's price and records the change in the price history. */
	ProductDetails changePrice(long supplierId, long skuId, long newPrice);

	/** Adds or removes available units of a SKU. */
	StockLevel adjustStock(long supplierId, long skuId, int delta);
}
