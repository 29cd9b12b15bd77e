package io.socialmall.catalog;

import java.util.List;

import io.socialmall.core.Page;
import io.socialmall.core.PageRequest;
import io.socialmall.inventory.StockLevel;

/**
 * A supplier's own products. Every method takes the supplier's id and treats another supplier's product
 * or SKU as not found.
 */
public interface ProductManagement {

	/**
	 * Creates a draft. The SKUs must be exactly the combinations of the spec values ({@link SpecDraft#combinations}),
	 * each once; without specs, exactly one SKU.
	 * @throws io.socialmall.core.DomainException {@code invalid-input} naming the offending field
	 */
	ProductDetails create(long supplierId, ProductDraft draft);

	ProductDetails product(long supplierId, long productId);

	/** The supplier's products, newest first, with price range and stock. */
	Page<ProductSummary> products(long supplierId, PageRequest page);

	/** Changes title, English title, description, category and the return flag. */
	ProductDetails update(long supplierId, long productId, ProductEdit edit);

	/** Puts the product on sale; buyers can order it once the supplier is also verified. */
	ProductDetails publish(long supplierId, long productId);

	ProductDetails unpublish(long supplierId, long productId);

	/** Changes a SKU's price and records the change in the price history. */
	ProductDetails changePrice(long supplierId, long skuId, long newPrice);

	/** Sets or clears a SKU's own code. */
	ProductDetails changeSkuCode(long supplierId, long skuId, String code);

	/** Adds or removes available units of a SKU. */
	StockLevel adjustStock(long supplierId, long skuId, int delta);

	/** Every price each SKU of the product has had, newest first. */
	List<PriceChange> priceHistory(long supplierId, long productId);

	/**
	 * Stores a picture (PNG, JPEG or WebP, checked by content) and appends it to the product's pictures; the
	 * first picture is the product's main picture.
	 */
	ProductDetails addImage(long supplierId, long productId, byte[] content);

	/**
	 * Puts the product's pictures in the given order and drops those not listed. The files are kept: product
	 * records are retained for years (E-Commerce Law Art. 31).
	 * @param imageKeys keys of the product's current pictures (see {@link ProductDetails#imageKeys()})
	 */
	ProductDetails arrangeImages(long supplierId, long productId, List<String> imageKeys);
}
