package io.socialmall.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.socialmall.core.Page;
import io.socialmall.core.PageRequest;

/**
 * Read access to products and SKUs for other modules (cart, checkout, search) and public pages.
 * "Public" means what a visitor may see: never drafts, never products of unverified suppliers.
 */
public interface Catalog {

	Optional<SkuSnapshot> sku(long skuId);

	/** The SKUs that exist among {@code skuIds}, by id, in one query. */
	Map<Long, SkuSnapshot> skus(Collection<Long> skuIds);

	/**
	 * A product as the public may see it: drafts and products of unverified suppliers are not found; a product
	 * taken off sale is still shown (links to it keep working) but is not purchasable. Served from a cache;
	 * stock is always current.
	 */
	Optional<ProductDetails> publicProduct(long productId);

	/** The product's listing if it is on sale and its supplier verified. */
	Optional<ProductListing> listing(long productId);

	/**
	 * Products on sale of verified suppliers with an id above {@code afterId}, in id order, at most
	 * {@code limit} of them: page through the whole catalogue by passing the last id seen (rebuilding a search
	 * index does). An empty list means the end.
	 */
	List<ProductListing> listings(long afterId, int limit);

	/**
	 * Ids of products (in any state) changed at or after {@code since}, oldest change first, at most
	 * {@code limit}: an index that was down catches up with them.
	 */
	List<Long> changedSince(java.time.Instant since, int limit);

	/** A verified supplier's products on sale, newest first; nothing for an unverified supplier. */
	Page<ProductListing> supplierListings(long supplierId, PageRequest page);
}
