package io.socialmall.inventory.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.socialmall.core.DomainException;
import io.socialmall.inventory.Inventory;
import io.socialmall.inventory.SkuQuantity;
import io.socialmall.inventory.SoldOut;
import io.socialmall.inventory.StockLevel;

@Service
@Transactional(propagation = Propagation.MANDATORY)
class JdbcInventory implements Inventory {

	private final JdbcClient jdbc;

	JdbcInventory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void initialise(long skuId, int available) {
		if (available < 0) {
			throw DomainException.invalid("stock", "must be 0 or more");
		}
		jdbc.sql("INSERT INTO sku_stock (sku_id, available, reserved, sold) VALUES (:sku, :available, 0, 0) ON CONFLICT DO NOTHING")
			.param("sku", skuId)
			.param("available", available)
			.update();
	}

	@Override
	public StockLevel adjust(long skuId, int delta) {
		int updated = jdbc.sql("UPDATE sku_stock SET available = available + :delta WHERE sku_id = :sku AND available + :delta >= 0")
			.param("delta", delta)
			.param("sku", skuId)
			.update();
		if (updated == 0) {
			level(skuId);
			throw DomainException.unprocessable("stock-negative", "fewer units are available than you tried to remove");
		}
		return level(skuId);
	}

	@Override
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public StockLevel level(long skuId) {
		return jdbc.sql("SELECT sku_id, available, reserved, sold FROM sku_stock WHERE sku_id = :sku")
			.param("sku", skuId)
			.query((rs, n) -> new StockLevel(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
			.optional()
			.orElseThrow(() -> DomainException.notFound("SKU stock"));
	}

	@Override
	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	public Map<Long, StockLevel> levels(Collection<Long> skuIds) {
		if (skuIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, StockLevel> levels = new HashMap<>();
		jdbc.sql("SELECT sku_id, available, reserved, sold FROM sku_stock WHERE sku_id IN (:skus)")
			.param("skus", skuIds)
			.query((rs, n) -> new StockLevel(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
			.list()
			.forEach(level -> levels.put(level.skuId(), level));
		return levels;
	}

	@Override
	public void reserve(List<SkuQuantity> lines) {
		for (SkuQuantity line : inLockOrder(lines)) {
			int updated = jdbc.sql("""
					UPDATE sku_stock SET available = available - :qty, reserved = reserved + :qty
					WHERE sku_id = :sku AND available >= :qty""")
				.param("qty", line.quantity())
				.param("sku", line.skuId())
				.update();
			if (updated == 0) {
				// the caller's transaction rolls back, undoing the lines reserved before this one
				throw new SoldOut(line.skuId());
			}
		}
	}

	@Override
	public void commit(List<SkuQuantity> lines) {
		move(lines, "reserved = reserved - :qty, sold = sold + :qty", "reserved >= :qty");
	}

	@Override
	public void release(List<SkuQuantity> lines) {
		move(lines, "reserved = reserved - :qty, available = available + :qty", "reserved >= :qty");
	}

	@Override
	public void restock(List<SkuQuantity> lines) {
		move(lines, "sold = sold - :qty, available = available + :qty", "sold >= :qty");
	}

	private void move(List<SkuQuantity> lines, String set, String guard) {
		for (SkuQuantity line : inLockOrder(lines)) {
			int updated = jdbc.sql("UPDATE sku_stock SET " + set + " WHERE sku_id = :sku AND " + guard)
				.param("qty", line.quantity())
				.param("sku", line.skuId())
				.update();
			if (updated == 0) {
				// a bug, not a business case: the order's state machine allows each move once
				throw new IllegalStateException("stock of SKU " + line.skuId() + " cannot move " + line.quantity()
						+ " units (" + guard + " does not hold)");
			}
		}
	}

	/** Merges lines of the same SKU and sorts by SKU id, the one lock order every transaction uses. */
	static List<SkuQuantity> inLockOrder(List<SkuQuantity> lines) {
		Map<Long, Integer> merged = new TreeMap<>();
		lines.forEach(line -> merged.merge(line.skuId(), line.quantity(), Integer::sum));
		List<SkuQuantity> ordered = new ArrayList<>(merged.size());
		merged.forEach((sku, qty) -> ordered.add(new SkuQuantity(sku, qty)));
		ordered.sort(Comparator.comparingLong(SkuQuantity::skuId));
		return ordered;
	}
}
