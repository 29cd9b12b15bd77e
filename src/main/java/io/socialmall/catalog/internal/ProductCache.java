package io.socialmall.catalog.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.socialmall.catalog.ProductChanged;
import io.socialmall.catalog.ProductDetails;

/**
 * Products as the product page shows them, without stock (stock is read fresh on every request). An entry
 * is dropped right after a change to its product commits; Caffeine makes a load that raced with the change
 * finish before the entry is dropped, so a stale product cannot stay. The time limit bounds staleness on
 * other nodes, which do not see this node's events.
 */
@Component
class ProductCache {

	private final Cache<Long, Optional<ProductDetails>> cache;

	ProductCache(@Value("${socialmall.catalog.cache.size:20000}") long size,
			@Value("${socialmall.catalog.cache.ttl:PT10M}") Duration ttl) {
		this.cache = Caffeine.newBuilder().maximumSize(size).expireAfterWrite(ttl).build();
	}

	Optional<ProductDetails> get(long productId, Function<Long, Optional<ProductDetails>> loader) {
		return cache.get(productId, loader);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(ProductChanged changed) {
		cache.invalidate(changed.productId());
	}

	void clear() {
		cache.invalidateAll();
	}
}
