package io.socialmall.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.socialmall.catalog.Catalog;
import io.socialmall.catalog.Categories;
import io.socialmall.catalog.Category;
import io.socialmall.catalog.PriceChange;
import io.socialmall.catalog.ProductChanged;
import io.socialmall.catalog.ProductDetails;
import io.socialmall.catalog.ProductDraft;
import io.socialmall.catalog.ProductEdit;
import io.socialmall.catalog.ProductListing;
import io.socialmall.catalog.ProductManagement;
import io.socialmall.catalog.ProductStatus;
import io.socialmall.catalog.ProductSummary;
import io.socialmall.catalog.SkuDraft;
import io.socialmall.catalog.SkuPriceChanged;
import io.socialmall.catalog.SkuSnapshot;
import io.socialmall.catalog.SpecDraft;
import io.socialmall.core.DomainException;
import io.socialmall.core.Ids;
import io.socialmall.core.MediaStorage;
import io.socialmall.core.Money;
import io.socialmall.core.Page;
import io.socialmall.core.PageRequest;
import io.socialmall.identity.Accounts;
import io.socialmall.identity.SupplierVerified;
import io.socialmall.identity.SupplierView;
import io.socialmall.inventory.Inventory;
import io.socialmall.inventory.StockLevel;

@Service
@Transactional
class CatalogService implements Catalog, ProductManagement {

	static final String SPEC_SEPARATOR = "\u001F";
	static final int MAX_IMAGES = 20;
	private static final String LISTING_COLUMNS = """
			id, supplier_id, category_id, title, title_en, description, min_price, currency, image_key, created_at,
			published_at""";

	private final JdbcClient jdbc;
	private final Inventory inventory;
	private final Accounts accounts;
	private final Categories categories;
	private final MediaStorage media;
	private final ProductCache cache;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	/** Suppliers named on listings: a rebuild reads thousands of listings of a few hundred suppliers. */
	private final com.github.benmanes.caffeine.cache.Cache<Long, Optional<SupplierView>> suppliers = com.github.benmanes.caffeine.cache.Caffeine
		.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(java.time.Duration.ofMinutes(1))
		.build();

	CatalogService(JdbcClient jdbc, Inventory inventory, Accounts accounts, Categories categories, MediaStorage media,
			ProductCache cache, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.inventory = inventory;
		this.accounts = accounts;
		this.categories = categories;
		this.media = media;
		this.cache = cache;
		this.events = events;
		this.clock = clock;
	}

	// --- supplier: products ---

	@Override
	public ProductDetails create(long supplierId, ProductDraft draft) {
		accounts.supplier(supplierId).orElseThrow(() -> DomainException.forbidden("apply as a supplier first"));
		validate(draft);
		checkTexts(draft.title(), draft.titleEn(), draft.description());
		checkCategory(draft.categoryId());
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

	/**
	 * The SKUs must be the specs' combinations, each exactly once, so a buyer can pick any value of every spec
	 * and always land on a SKU (a combination that does not exist is a SKU with no stock).
	 */
	private static void validate(ProductDraft draft) {
		int specCount = draft.specs().size();
		Set<String> names = new HashSet<>();
		for (int i = 0; i < specCount; i++) {
			SpecDraft spec = draft.specs().get(i);
			if (!names.add(spec.name().strip())) {
				throw DomainException.invalid("specs[" + i + "].name", "each spec needs its own name");
			}
			if (new HashSet<>(spec.values().stream().map(String::strip).toList()).size() != spec.values().size()) {
				throw DomainException.invalid("specs[" + i + "].values", "values must differ");
			}
			for (String value : spec.values()) {
				if (value.contains(SPEC_SEPARATOR)) {
					throw DomainException.invalid("specs[" + i + "].values", "contains a control character");
				}
			}
		}
		List<List<String>> expected = SpecDraft.combinations(draft.specs());
		if (expected.size() > 200) {
			throw DomainException.invalid("specs", "at most 200 combinations");
		}
		Set<List<String>> seen = new HashSet<>();
		for (int i = 0; i < draft.skus().size(); i++) {
			SkuDraft sku = draft.skus().get(i);
			if (sku.specValues().size() != specCount) {
				throw DomainException.invalid("skus[" + i + "].specValues", "needs one value for each of the " + specCount + " specs");
			}
			List<String> values = sku.specValues().stream().map(String::strip).toList();
			for (int s = 0; s < specCount; s++) {
				if (!draft.specs().get(s).values().stream().map(String::strip).toList().contains(values.get(s))) {
					throw DomainException.invalid("skus[" + i + "].specValues[" + s + "]",
							"not a value of spec " + draft.specs().get(s).name());
				}
			}
			if (!seen.add(values)) {
				throw DomainException.invalid("skus[" + i + "].specValues", "two SKUs have the same spec values");
			}
		}
		for (List<String> combination : expected) {
			if (!seen.contains(combination)) {
				throw DomainException.invalid("skus", "missing the combination " + String.join(" / ", combination));
			}
		}
	}

	/** The same limits as the API's annotations, for callers that do not validate (the columns hold no more). */
	private static void checkTexts(String title, String titleEn, String description) {
		if (title == null || title.isBlank()) {
			throw DomainException.invalid("title", "must not be blank");
		}
		if (title.strip().length() > 120) {
			throw DomainException.invalid("title", "at most 120 characters");
		}
		if (titleEn != null && titleEn.strip().length() > 120) {
			throw DomainException.invalid("titleEn", "at most 120 characters");
		}
		if (description != null && description.strip().length() > 5000) {
			throw DomainException.invalid("description", "at most 5000 characters");
		}
	}

	private void checkCategory(Long categoryId) {
		if (categoryId != null && categories.category(categoryId).isEmpty()) {
			throw DomainException.invalid("categoryId", "no such category");
		}
	}

	@Override
	@Transactional(readOnly = true)
	public ProductDetails product(long supplierId, long productId) {
		return loadStatic(productId).filter(p -> p.supplierId() == supplierId)
			.map(this::withStock)
			.orElseThrow(() -> DomainException.notFound("product"));
	}

	@Override
	@Transactional(readOnly = true)
	public Page<ProductSummary> products(long supplierId, PageRequest page) {
		long total = jdbc.sql("SELECT count(*) FROM products WHERE supplier_id = :s").param("s", supplierId).query(Long.class).single();
		record Row(long id, String title, String status, long min, long max, String currency, String image, Instant updated) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT id, title, status, min_price, max_price, currency, image_key, updated_at FROM products
				WHERE supplier_id = :s ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset""")
			.param("s", supplierId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
					rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
			.list();
		Map<Long, List<Long>> skuIds = skuIdsOf(rows.stream().map(Row::id).toList());
		Map<Long, StockLevel> levels = inventory.levels(skuIds.values().stream().flatMap(List::stream).toList());
		List<ProductSummary> items = rows.stream().map(r -> {
			List<Long> ids = skuIds.getOrDefault(r.id(), List.of());
			int available = 0, reserved = 0, sold = 0;
			for (Long id : ids) {
				StockLevel level = levels.get(id);
				if (level != null) {
					available += level.available();
					reserved += level.reserved();
					sold += level.sold();
				}
			}
			return new ProductSummary(r.id(), r.title(), ProductStatus.valueOf(r.status()), Money.of(r.min(), r.currency()),
					Money.of(r.max(), r.currency()), ids.size(), available, reserved, sold, r.image(), r.updated());
		}).toList();
		return Page.of(items, page, total);
	}

	@Override
	public ProductDetails update(long supplierId, long productId, ProductEdit edit) {
		product(supplierId, productId);
		checkTexts(edit.title(), edit.titleEn(), edit.description());
		checkCategory(edit.categoryId());
		jdbc.sql("""
				UPDATE products SET title = :title, title_en = :titleEn, description = :description, category_id = :category,
				  returnable_without_reason = :returnable, updated_at = :now
				WHERE id = :id AND supplier_id = :supplier""")
			.param("title", edit.title().strip())
			.param("titleEn", blankToNull(edit.titleEn()))
			.param("description", blankToNull(edit.description()))
			.param("category", edit.categoryId())
			.param("returnable", edit.returnableWithoutReason())
			.param("now", clock.instant())
			.param("id", productId)
			.param("supplier", supplierId)
			.update();
		events.publishEvent(new ProductChanged(productId));
		return product(supplierId, productId);
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
		ProductDetails current = product(supplierId, productId);
		if (current.status() == status) {
			return current;
		}
		if (status == ProductStatus.OFF_SALE && current.status() == ProductStatus.DRAFT) {
			throw DomainException.conflict("not-on-sale", "a draft is not on sale");
		}
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
		var row = ownSku(supplierId, skuId);
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
	public ProductDetails changeSkuCode(long supplierId, long skuId, String code) {
		var row = ownSku(supplierId, skuId);
		String value = blankToNull(code);
		if (value != null && (value.length() > 40 || !value.matches("[A-Za-z0-9._-]*"))) {
			throw DomainException.invalid("code", "up to 40 letters, digits, dots, dashes or underscores");
		}
		jdbc.sql("UPDATE skus SET code = :code WHERE id = :id").param("code", value).param("id", skuId).update();
		jdbc.sql("UPDATE products SET updated_at = :now WHERE id = :id").param("now", clock.instant()).param("id", row.productId).update();
		events.publishEvent(new ProductChanged(row.productId));
		return product(supplierId, row.productId);
	}

	@Override
	public StockLevel adjustStock(long supplierId, long skuId, int delta) {
		ownSku(supplierId, skuId);
		return inventory.adjust(skuId, delta);
	}

	@Override
	@Transactional(readOnly = true)
	public List<PriceChange> priceHistory(long supplierId, long productId) {
		product(supplierId, productId);
		return jdbc.sql("""
				SELECT h.sku_id, s.spec_values, h.price, p.currency, h.changed_by, h.changed_at
				FROM sku_price_history h JOIN skus s ON s.id = h.sku_id JOIN products p ON p.id = s.product_id
				WHERE s.product_id = :id ORDER BY h.changed_at DESC, h.id DESC""")
			.param("id", productId)
			.query((rs, n) -> new PriceChange(rs.getLong(1), String.join(" / ", specValues(rs.getString(2))),
					Money.of(rs.getLong(3), rs.getString(4)), rs.getLong(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

	@Override
	public ProductDetails addImage(long supplierId, long productId, byte[] content) {
		ProductDetails product = product(supplierId, productId);
		if (product.imageUrls().size() >= MAX_IMAGES) {
			throw DomainException.invalid("file", "a product has at most " + MAX_IMAGES + " pictures");
		}
		var stored = media.storeImage("products", content);
		List<String> keys = new ArrayList<>(product.imageKeys());
		keys.add(stored.key());
		writeImages(productId, keys);
		return product(supplierId, productId);
	}

	@Override
	public ProductDetails arrangeImages(long supplierId, long productId, List<String> imageKeys) {
		ProductDetails product = product(supplierId, productId);
		if (imageKeys == null) {
			throw DomainException.invalid("imageKeys", "is required");
		}
		Set<String> current = new HashSet<>(product.imageKeys());
		Set<String> wanted = new LinkedHashSet<>();
		for (int i = 0; i < imageKeys.size(); i++) {
			if (!current.contains(imageKeys.get(i))) {
				throw DomainException.invalid("imageKeys[" + i + "]", "not a picture of this product");
			}
			if (!wanted.add(imageKeys.get(i))) {
				throw DomainException.invalid("imageKeys[" + i + "]", "listed twice");
			}
		}
		writeImages(productId, List.copyOf(wanted));
		return product(supplierId, productId);
	}

	private void writeImages(long productId, List<String> keys) {
		jdbc.sql("DELETE FROM product_images WHERE product_id = :id").param("id", productId).update();
		for (int i = 0; i < keys.size(); i++) {
			jdbc.sql("INSERT INTO product_images (product_id, position, media_key) VALUES (:id, :pos, :key)")
				.param("id", productId)
				.param("pos", i)
				.param("key", keys.get(i))
				.update();
		}
		jdbc.sql("UPDATE products SET image_key = :key, updated_at = :now WHERE id = :id")
			.param("key", keys.isEmpty() ? null : keys.get(0))
			.param("now", clock.instant())
			.param("id", productId)
			.update();
		events.publishEvent(new ProductChanged(productId));
	}

	// --- reads for other modules and the public ---

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

	@Override
	@Transactional(readOnly = true)
	public Optional<ProductDetails> publicProduct(long productId) {
		return cache.get(productId, this::loadStatic)
			.filter(p -> p.status() != ProductStatus.DRAFT && p.supplierVerified())
			.map(this::withStock);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ProductListing> listing(long productId) {
		var rows = jdbc.sql("SELECT " + LISTING_COLUMNS + " FROM products WHERE id = :id AND status = 'ON_SALE'")
			.param("id", productId)
			.query(CatalogService::listingRow)
			.list();
		return toListings(rows).stream().findFirst();
	}

	@Override
	@Transactional(readOnly = true)
	public List<ProductListing> listings(long afterId, int limit) {
		int size = Math.max(1, Math.min(limit, 1000));
		List<ProductListing> result = new ArrayList<>();
		long after = afterId;
		// products of unverified suppliers are skipped, so keep reading until the batch is full or the end
		while (result.size() < size) {
			List<ListingRow> rows = jdbc.sql("SELECT " + LISTING_COLUMNS
					+ " FROM products WHERE status = 'ON_SALE' AND id > :after ORDER BY id LIMIT :limit")
				.param("after", after)
				.param("limit", size)
				.query(CatalogService::listingRow)
				.list();
			if (rows.isEmpty()) {
				break;
			}
			after = rows.get(rows.size() - 1).id();
			for (ProductListing listing : toListings(rows)) {
				if (result.size() < size) {
					result.add(listing);
				}
			}
			if (rows.size() < size) {
				break;
			}
		}
		return result;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Long> changedSince(Instant since, int limit) {
		return jdbc.sql("SELECT id FROM products WHERE updated_at >= :since ORDER BY updated_at, id LIMIT :limit")
			.param("since", since)
			.param("limit", Math.max(1, limit))
			.query(Long.class)
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public Page<ProductListing> supplierListings(long supplierId, PageRequest page) {
		if (suppliers.get(supplierId, id -> accounts.supplier(id).filter(SupplierView::verified)).isEmpty()) {
			return Page.of(List.of(), page, 0);
		}
		long total = jdbc.sql("SELECT count(*) FROM products WHERE supplier_id = :s AND status = 'ON_SALE'")
			.param("s", supplierId)
			.query(Long.class)
			.single();
		List<ListingRow> rows = jdbc.sql("SELECT " + LISTING_COLUMNS + """
				 FROM products WHERE supplier_id = :s AND status = 'ON_SALE'
				ORDER BY published_at DESC, id DESC LIMIT :limit OFFSET :offset""")
			.param("s", supplierId)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(CatalogService::listingRow)
			.list();
		return Page.of(toListings(rows), page, total);
	}

	private List<ProductListing> toListings(List<ListingRow> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, Optional<SupplierView>> suppliers = new HashMap<>();
		for (ListingRow row : rows) {
			suppliers.computeIfAbsent(row.supplierId(),
					id -> this.suppliers.get(id, key -> accounts.supplier(key).filter(SupplierView::verified)));
		}
		List<ListingRow> visible = rows.stream().filter(r -> suppliers.get(r.supplierId()).isPresent()).toList();
		Map<Long, List<Long>> skuIds = skuIdsOf(visible.stream().map(ListingRow::id).toList());
		List<ProductListing> result = new ArrayList<>(visible.size());
		for (ListingRow r : visible) {
			List<Category> path = r.categoryId() == null ? List.of() : categories.path(r.categoryId());
			List<String> names = new ArrayList<>();
			path.forEach(c -> {
				names.add(c.nameZh());
				names.add(c.nameEn());
			});
			result.add(new ProductListing(r.id(), r.supplierId(), suppliers.get(r.supplierId()).get().businessName(),
					r.categoryId(), path.stream().map(Category::id).toList(), names, r.title(), r.titleEn(), r.description(),
					Money.of(r.minPrice(), r.currency()), r.imageKey(), skuIds.getOrDefault(r.id(), List.of()),
					r.createdAt(), r.publishedAt()));
		}
		return result;
	}

	private Map<Long, List<Long>> skuIdsOf(List<Long> productIds) {
		Map<Long, List<Long>> result = new HashMap<>();
		if (productIds.isEmpty()) {
			return result;
		}
		jdbc.sql("SELECT product_id, id FROM skus WHERE product_id IN (:ids) ORDER BY product_id, position")
			.param("ids", productIds)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list()
			.forEach(pair -> result.computeIfAbsent(pair[0], k -> new ArrayList<>()).add(pair[1]));
		return result;
	}

	private record ListingRow(long id, long supplierId, Long categoryId, String title, String titleEn,
			String description, long minPrice, String currency, String imageKey, Instant createdAt, Instant publishedAt) {
	}

	private static ListingRow listingRow(ResultSet rs, int n) throws SQLException {
		long category = rs.getLong("category_id");
		Long categoryId = rs.wasNull() ? null : category;
		var published = rs.getTimestamp("published_at");
		return new ListingRow(rs.getLong("id"), rs.getLong("supplier_id"), categoryId, rs.getString("title"),
				rs.getString("title_en"), rs.getString("description"), rs.getLong("min_price"), rs.getString("currency"),
				rs.getString("image_key"), rs.getTimestamp("created_at").toInstant(),
				published == null ? null : published.toInstant());
	}

	// --- reactions ---

	/** A newly verified supplier's products may now be public: let caches and indexes know. */
	@ApplicationModuleListener
	void on(SupplierVerified verified) {
		suppliers.invalidate(verified.supplierId());
		jdbc.sql("SELECT id FROM products WHERE supplier_id = :s AND status <> 'DRAFT'")
			.param("s", verified.supplierId())
			.query(Long.class)
			.list()
			.forEach(id -> events.publishEvent(new ProductChanged(id)));
	}

	// --- loading ---

	/** The product with specs, SKUs (stock left at 0) and images: four queries, whatever its size. */
	private Optional<ProductDetails> loadStatic(long productId) {
		var product = jdbc.sql("SELECT * FROM products WHERE id = :id").param("id", productId).query((rs, n) -> rs2product(rs)).optional();
		if (product.isEmpty()) {
			return Optional.empty();
		}
		var p = product.get();
		List<SpecDraft> specs = jdbc.sql("SELECT name, spec_values FROM product_specs WHERE product_id = :id ORDER BY position")
			.param("id", productId)
			.query((rs, n) -> new SpecDraft(rs.getString(1), specValues(rs.getString(2))))
			.list();
		List<ProductDetails.Sku> skus = jdbc.sql("SELECT id, spec_values, price, code FROM skus WHERE product_id = :id ORDER BY position")
			.param("id", productId)
			.query((rs, n) -> new ProductDetails.Sku(rs.getLong(1), specValues(rs.getString(2)),
					Money.of(rs.getLong(3), p.currency), 0, rs.getString(4)))
			.list();
		List<String> images = jdbc.sql("SELECT media_key FROM product_images WHERE product_id = :id ORDER BY position")
			.param("id", productId)
			.query((rs, n) -> imageUrl(rs.getString(1)))
			.list();
		return Optional.of(new ProductDetails(p.id, p.supplierId, p.categoryId, p.title, p.titleEn, p.description,
				ProductStatus.valueOf(p.status), p.returnable, accounts.isVerifiedSupplier(p.supplierId), specs, skus,
				images, p.createdAt, p.publishedAt));
	}

	/** The product with current stock: one query. */
	private ProductDetails withStock(ProductDetails p) {
		var levels = inventory.levels(p.skus().stream().map(ProductDetails.Sku::id).toList());
		List<ProductDetails.Sku> skus = p.skus()
			.stream()
			.map(s -> new ProductDetails.Sku(s.id(), s.specValues(), s.price(),
					levels.containsKey(s.id()) ? levels.get(s.id()).available() : 0, s.code()))
			.toList();
		return new ProductDetails(p.id(), p.supplierId(), p.categoryId(), p.title(), p.titleEn(), p.description(),
				p.status(), p.returnableWithoutReason(), p.supplierVerified(), p.specs(), skus, p.imageUrls(), p.createdAt(),
				p.publishedAt());
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

	private SkuRow ownSku(long supplierId, long skuId) {
		return jdbc.sql("SELECT s.product_id, p.supplier_id, s.price FROM skus s JOIN products p ON p.id = s.product_id WHERE s.id = :id")
			.param("id", skuId)
			.query((rs, n) -> new SkuRow(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.optional()
			.filter(r -> r.supplierId == supplierId)
			.orElseThrow(() -> DomainException.notFound("SKU"));
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
		return MediaStorage.url(mediaKey);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
