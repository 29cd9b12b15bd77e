package io.socialmall.search.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

import io.socialmall.catalog.Catalog;
import io.socialmall.catalog.ProductChanged;
import io.socialmall.catalog.ProductListing;
import io.socialmall.core.Page;
import io.socialmall.inventory.Inventory;
import io.socialmall.inventory.StockLevel;
import io.socialmall.ordering.OrderLineInfo;
import io.socialmall.ordering.OrderPaid;
import io.socialmall.ordering.OrderRefunded;
import io.socialmall.search.ProductHit;
import io.socialmall.search.ProductSearch;
import io.socialmall.search.SearchQuery;

/**
 * Keeps the index in step with the catalog: after a product change or a paid or refunded order commits, the
 * product is read again from the catalog (with its units sold from inventory) and re-indexed, or removed
 * when it is no longer on sale. Re-reading instead of applying the event makes a repeated or late event
 * harmless. One lock orders the steps that read from the database and write to the index, so a rebuild and an event
 * cannot overwrite newer data with older.
 */
@Service
class SearchService implements ProductSearch, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SearchService.class);
	private static final int BATCH = 500;

	private final Catalog catalog;
	private final Inventory inventory;
	private final Clock clock;
	private final ProductIndex index;
	private final ReentrantLock writes = new ReentrantLock();

	SearchService(Catalog catalog, Inventory inventory, Clock clock,
			@Value("${socialmall.data-dir:./data}") String dataDir,
			@Value("${socialmall.search.commit-interval:PT5S}") Duration commitInterval) {
		this.catalog = catalog;
		this.inventory = inventory;
		this.clock = clock;
		this.index = new ProductIndex(Path.of(dataDir).resolve("index").resolve("products"), clock,
				commitInterval.toMillis());
	}

	@Override
	public Page<ProductHit> search(SearchQuery query) {
		return index.search(query);
	}

	@Override
	public int rebuild() {
		writes.lock();
		try {
			index.deleteAll();
			int count = 0;
			long after = 0;
			List<ProductListing> batch;
			while (!(batch = catalog.listings(after, BATCH)).isEmpty()) {
				Map<Long, StockLevel> levels = inventory
					.levels(batch.stream().flatMap(p -> p.skuIds().stream()).toList());
				for (ProductListing product : batch) {
					index.upsert(product, sales(product, levels));
				}
				count += batch.size();
				after = batch.get(batch.size() - 1).id();
			}
			index.commit();
			index.refresh();
			return count;
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		finally {
			writes.unlock();
		}
	}

	/** Re-reads the products from the catalog and indexes them as they are now. */
	void reindex(Collection<Long> productIds) {
		writes.lock();
		try {
			for (long id : new LinkedHashSet<>(productIds)) {
				catalog.listing(id).ifPresentOrElse(
						product -> index.upsert(product, sales(product, inventory.levels(product.skuIds()))),
						() -> index.delete(id));
			}
			index.refresh();
		}
		finally {
			writes.unlock();
		}
	}

	@ApplicationModuleListener
	void on(ProductChanged changed) {
		reindex(List.of(changed.productId()));
	}

	@ApplicationModuleListener
	void on(OrderPaid paid) {
		reindex(paid.lines().stream().map(OrderLineInfo::productId).toList());
	}

	@ApplicationModuleListener
	void on(OrderRefunded refunded) {
		reindex(refunded.lines().stream().map(OrderLineInfo::productId).toList());
	}

	/**
	 * A new index is built from the database; an existing one catches up with products changed since shortly
	 * before its last commit (changes indexed but not yet committed when the node stopped).
	 */
	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (index.createdNew()) {
			int count = rebuild();
			log.info("search index built from the database: {} products", count);
		}
		else if (index.lastCommit() != null) {
			List<Long> changed = catalog.changedSince(index.lastCommit().minus(Duration.ofMinutes(10)), 100_000);
			reindex(changed);
			log.info("search index opened; re-read {} products changed since its last commit", changed.size());
		}
	}

	int size() {
		return index.size();
	}

	ProductIndex index() {
		return index;
	}

	private static long sales(ProductListing product, Map<Long, StockLevel> levels) {
		long sold = 0;
		for (Long skuId : product.skuIds()) {
			StockLevel level = levels.get(skuId);
			if (level != null) {
				sold += level.sold();
			}
		}
		return sold;
	}

	@Override
	public void destroy() {
		index.close();
	}
}
