package io.socialmall.inventory;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Stock of every SKU. Every change is one conditional UPDATE in the caller's transaction: never a read in
 * Java followed by a write, so concurrent buyers can neither oversell nor undersell. Multi-SKU calls lock
 * rows in SKU-id order, so two orders for the same SKUs cannot deadlock.
 */
public interface Inventory {

	/** Creates the stock record of a new SKU. Idempotent: an existing record is left alone. */
	void initialise(long skuId, int available);

	/**
	 * Adds (or, when negative, removes) available units, as a supplier does when restocking or counting.
	 * @throws io.socialmall.core.DomainException {@code stock-negative} if fewer units are available than removed
	 */
	StockLevel adjust(long skuId, int delta);

	StockLevel level(long skuId);

	Map<Long, StockLevel> levels(Collection<Long> skuIds);

	/** Moves units from available to reserved for an order being created. All or nothing. */
	void reserve(List<SkuQuantity> lines) throws SoldOut;

	/** Moves reserved units to sold when their order is paid. */
	void commit(List<SkuQuantity> lines);

	/** Moves reserved units back to available when their unpaid order is cancelled. */
	void release(List<SkuQuantity> lines);

	/** Moves sold units back to available (a paid order cancelled before shipping, or returned goods). */
	void restock(List<SkuQuantity> lines);
}
