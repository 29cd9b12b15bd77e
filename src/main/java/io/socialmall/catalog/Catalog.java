package io.socialmall.catalog;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Read access to products and SKUs for other modules (cart, checkout, search).
 */
public interface Catalog {

	Optional<SkuSnapshot> sku(long skuId);

	/** The SKUs that exist among {@code skuIds}, by id, in one query. */
	Map<Long, SkuSnapshot> skus(Collection<Long> skuIds);

	/** A product as the public may see it: drafts and products of unverified suppliers are not found. */
	Optional<ProductDetails> publicProduct(long productId);
}
