package io.socialmall.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.socialmall.catalog.Catalog;
import io.socialmall.catalog.ProductChanged;
import io.socialmall.catalog.ProductDetails;
import io.socialmall.catalog.ProductDraft;
import io.socialmall.catalog.ProductManagement;
import io.socialmall.catalog.ProductStatus;
import io.socialmall.catalog.SkuDraft;
import io.socialmall.catalog.SkuPriceChanged;
import io.socialmall.catalog.SkuSnapshot;
import io.socialmall.catalog.SpecDraft;
import io.socialmall.core.DomainException;
import io.socialmall.core.Ids;
import io.socialmall.core.Money;
import io.socialmall.identity.Accounts;
import io.socialmall.inventory.Inventory;
import io.socialmall.inventory.StockLevel;

@Service
@Transactional
class CatalogService implements Catalog, ProductManagement {

	static final String SPEC_SEPARATOR = "\u001F";

	private final JdbcClient jdbc;
	private final Inventory inventory;
	private final Accounts accounts;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	CatalogService(JdbcClient jdbc, Inventory inventory, Accounts accounts, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.inventory = inventory;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public ProductDetails create(long supplierId, ProductDraft draft) {
		accounts.supplier(supplierId).orElseThrow(() -> DomainException.forbidden("apply as a supplier first"));
		validate(draft);
		long productId = Ids.next();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO products (id, supplier_id, category_id, title, title_en, description, status,
				  returnable_without_reason, min_price, max_price, currency, created_at, updated_at)
				VALUES (:id, :supplier, :category, :title, :titleEn, :description, 'DRAFT', :returnable, :min, :max,
				  'CNY', :now, :now)""")
			.param("id", productId)
			.param("supplier", supplierId)
			.param("category", draft.categoryId())
			.param("title", draft.title().strip())
			.param("titleEn", blankToNull(draft.titleEn()))
			.param("description", blankToNull(draft.description()))
			.param("returnable", draft.returnableWithoutReason())
			.param("min", draft.skus().stream().mapToLong(SkuDraft::price).min().orElseThrow())
			.param("max", draft.skus().stream().mapToLong(SkuDraft::price).max().orElseThrow())
			.param("now", now)
			.update();
		for (int i = 0; i < draft.specs().size(); i++) {
			SpecDraft spec = draft.specs().get(i);
			jdbc.sql("INSERT INTO product_specs (product_id, position, name, spec_values) VALUES (:p, :pos, :name, :values)")
				.param("p", productId)
				.param("pos", i)
				.param("name", spec.name().strip())
				.param("values", String.join(SPEC_SEPARATOR, spec.values().stream().map(String::strip).toList()))
				.update();
		}
		for (int i = 0; i < draft.skus().size(); i++) {
			SkuDraft sku = draft.skus().get(i);
			long skuId = Ids.next();
			jdbc.sql("""
					INSERT INTO skus (id, product_id, code, spec_values, price, position)
					VALUES (:id, :product, :code, :specs, :price, :pos)""")
				.param("id", skuId)
				.param("product", productId)
				.param("code", blankToNull(sku.code()))
				.param("specs", String.join(SPEC_SEPARATOR, sku.specValues().stream().map(String::strip).toList()))
				.param("price", sku.price())
				.param("pos", i)
				.update();
			recordPrice(skuId, sku.price(), supplierId, now);
			inventory.initialise(skuId, sku.stock());
		}
		events.publishEvent(new ProductChanged(productId));
		return product(supplierId, productId);
	}

	private static void validate(ProductDraft draft) {
		int specCount = draft.specs().size();
		Set<String> names = new HashSet<>();
		for (int i = 0; i < specCount; i++) {
			SpecDraft spec = draft.specs().get(i);
			if (!names.add(spec.name().strip())) {
				throw DomainException.invalid("specs[" + i + "].name", "each spec needs its own name");
			}
			if (new HashSet<>(spec.values()).size() != spec.values().size()) {
				throw DomainException.invalid("specs[" + i + "].values", "values must differ");
			}
		}
		Set<List<String>> combinations = new HashSet<>();
		for (int i = 0; i < draft.skus().size(); i++) {
			SkuDraft sku = draft.skus().get(i);
			if (sku.specValues().size() != specCount) {
				throw DomainException.invalid("skus[" + i + "].specValues", "needs one value for each of the " + specCount + " specs");
			}
			for (int s = 0; s < specCount; s++) {
				if (!draft.specs().get(s).values().contains(sku.specValues().get(s))) {
					throw DomainException.invalid("skus[" + i + "].specValues[" + s + "]",
							"not a value of spec " + draft.specs().get(s).name());
				}
			}
			if (!combinations.add(sku.specValues())) {
				throw DomainException.invalid("skus[" + i + "].specValues", "two SKUs have the same spec values");
			}
		}
	}

	@Override
	@Transactional(readOnly = true)
	public ProductDetails product(long supplierId, long productId) {
		return load(productId).filter(p -> p.supplierId() == supplierId)
			.orElseThrow(() -> DomainException.notFound("product"));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ProductDetails> publicProduct(long productId) {
		return load(productId).filter(p -> p.status() != ProductStatus.DRAFT && p.supplierVerified());
	}

	@Override
	public ProductDetails publish(long supplierId, long productId) {
		return changeStatus(supplierId, productId, ProductStatus.ON_SALE);
	}

	@Override
	public ProductDetails unpublish(long supplierId, long productId) {
		return changeStatus(supplierId, productId, ProductStatus.OFF_SALE);
	}

	private ProductDetails changeStatus(long supplierId, long productId, ProductStatus status) {
		product(supplierId, productId);
		Instant now = clock.instant();
		jdbc.sql("""
				UPDATE products SET status = :status, updated_at = :now,
				  published_at = CASE WHEN :status = 'ON_SALE' THEN COALESCE(published_at, :now) ELSE published_at END
				WHERE id = :id""")
			.param("status", status.name())
			.param("now", now)
			.param("id", productId)
			.update();
		events.publishEvent(new ProductChanged(productId));
		return product(supplierId, productId);
	}

	@Override
	public ProductDetails changePrice(long supplierId, long skuId, long newPrice) {
		if (newPrice < 1 || newPrice > 100_000_000) {
			throw DomainException.invalid("price", "must be between 0.01 and 1,000,000.00");
		}
		var row = skuRow(skuId).filter(r -> r.supplierId == supplierId)
			.orElseThrow(() -> DomainException.notFound("SKU"));
		if (row.price == newPrice) {
			return product(supplierId, row.productId);
		}
		Instant now = clock.instant();
		jdbc.sql("UPDATE skus SET price = :price WHERE id = :id").param("price", newPrice).param("id", skuId).update();
		jdbc.sql("""
				UPDATE products SET updated_at = :now,
				  min_price = (SELECT min(price) FROM skus WHERE product_id = :id),
				  max_price = (SELECT max(price) FROM skus WHERE product_id = :id)
				WHERE id = :id""")
			.param("now", now)
			.param("id", row.productId)
			.update();
		recordPrice(skuId, newPrice, supplierId, now);
		events.publishEvent(new SkuPriceChanged(skuId, row.productId, row.price, newPrice, now));
		events.publishEvent(new ProductChanged(row.productId));
		return product(supplierId, row.productId);
	}

	@Override
	public StockLevel adjustStock(long supplierId, long skuId, int delta) {
		skuRow(skuId).filter(r -> r.supplierId == supplierId).orElseThrow(() -> DomainException.notFound("SKU"));
		return inventory.adjust(skuId, delta);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<SkuSnapshot> sku(long skuId) {
		return Optional.ofNullable(skus(List.of(skuId)).get(skuId));
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, SkuSnapshot> skus(Collection<Long> skuIds) {
		if (skuIds.isEmpty()) {
			return Map.of();
		}
		List<Object[]> rows = jdbc.sql("""
				SELECT s.id, s.product_id, p.supplier_id, p.title, s.spec_values, s.price, p.currency, p.status,
				  p.returnable_without_reason, s.code, p.image_key
				FROM skus s JOIN products p ON p.id = s.product_id
				WHERE s.id IN (:ids)""")
			.param("ids", skuIds)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
					rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8), rs.getBoolean(9), rs.getString(10),
					rs.getString(11) })
			.list();
		Map<Long, Boolean> verified = new HashMap<>();
		Map<Long, SkuSnapshot> result = new LinkedHashMap<>();
		for (Object[] r : rows) {
			long supplierId = (Long) r[2];
			boolean supplierVerified = verified.computeIfAbsent(supplierId, accounts::isVerifiedSupplier);
			boolean onSale = ProductStatus.ON_SALE.name().equals(r[7]);
			result.put((Long) r[0], new SkuSnapshot((Long) r[0], (Long) r[1], supplierId, (String) r[3],
					String.join(" / ", specValues((String) r[4])), Money.of((Long) r[5], (String) r[6]),
					imageUrl((String) r[10]), onSale && supplierVerified, (Boolean) r[8], (String) r[9]));
		}
		return result;
	}

	private Optional<ProductDetails> load(long productId) {
		var product = jdbc.sql("SELECT * FROM products WHERE id = :id").param("id", productId).query((rs, n) -> rs2product(rs)).optional();
		if (product.isEmpty()) {
			return Optional.empty();
		}
		var p = product.get();
		List<SpecDraft> specs = jdbc.sql("SELECT name, spec_values FROM product_specs WHERE product_id = :id ORDER BY position")
			.param("id", productId)
			.query((rs, n) -> new SpecDraft(rs.getString(1), specValues(rs.getString(2))))
			.list();
		List<ProductDetails.Sku> skuRows = jdbc.sql("SELECT id, spec_values, price, code FROM skus WHERE product_id = :id ORDER BY position")
			.param("id", productId)
			.query((rs, n) -> new ProductDetails.Sku(rs.getLong(1), specValues(rs.getString(2)),
					Money.of(rs.getLong(3), p.currency), 0, rs.getString(4)))
			.list();
		var levels = inventory.levels(skuRows.stream().map(ProductDetails.Sku::id).toList());
		List<ProductDetails.Sku> skus = skuRows.stream()
			.map(s -> new ProductDetails.Sku(s.id(), s.specValues(), s.price(),
					levels.containsKey(s.id()) ? levels.get(s.id()).available() : 0, s.code()))
			.toList();
		List<String> images = jdbc.sql("SELECT media_key FROM product_images WHERE product_id = :id ORDER BY position")
			.param("id", productId)
			.query((rs, n) -> imageUrl(rs.getString(1)))
			.list();
		return Optional.of(new ProductDetails(p.id, p.supplierId, p.categoryId, p.title, p.titleEn, p.description,
				ProductStatus.valueOf(p.status), p.returnable, accounts.isVerifiedSupplier(p.supplierId), specs, skus,
				images, p.createdAt, p.publishedAt));
	}

	private void recordPrice(long skuId, long price, long changedBy, Instant at) {
		jdbc.sql("INSERT INTO sku_price_history (id, sku_id, price, changed_by, changed_at) VALUES (:id, :sku, :price, :by, :at)")
			.param("id", Ids.next())
			.param("sku", skuId)
			.param("price", price)
			.param("by", changedBy)
			.param("at", at)
			.update();
	}

	private Optional<SkuRow> skuRow(long skuId) {
		return jdbc.sql("SELECT s.product_id, p.supplier_id, s.price FROM skus s JOIN products p ON p.id = s.product_id WHERE s.id = :id")
			.param("id", skuId)
			.query((rs, n) -> new SkuRow(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.optional();
	}

	private record SkuRow(long productId, long supplierId, long price) {
	}

	private record ProductRow(long id, long supplierId, Long categoryId, String title, String titleEn, String description,
			String status, boolean returnable, String currency, Instant createdAt, Instant publishedAt) {
	}

	private static ProductRow rs2product(ResultSet rs) throws SQLException {
		long category = rs.getLong("category_id");
		Long categoryId = rs.wasNull() ? null : category;
		var published = rs.getTimestamp("published_at");
		return new ProductRow(rs.getLong("id"), rs.getLong("supplier_id"), categoryId, rs.getString("title"),
				rs.getString("title_en"), rs.getString("description"), rs.getString("status"),
				rs.getBoolean("returnable_without_reason"), rs.getString("currency"),
				rs.getTimestamp("created_at").toInstant(), published == null ? null : published.toInstant());
	}

	static List<String> specValues(String joined) {
		return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(SPEC_SEPARATOR, -1));
	}

	static String imageUrl(String mediaKey) {
		return mediaKey == null ? null : "/media/" + mediaKey;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
