package io.socialmall.bench;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.postgresql.PGConnection;

/**
 * Fills a migrated SocialMall database fast with COPY: users, suppliers, a category tree, products with
 * SKUs and stock. Ids are dense ranges above {@link #BASE_ID} so scenarios can pick them without a query.
 * Popularity is skewed (Zipf) by the scenarios that pick products: a few hot products, a long cold tail.
 */
final class DataGenerator {

	static final long BASE_ID = 1_000_000_000L;
	static final long USER_BASE = BASE_ID;
	static final long SUPPLIER_BASE = BASE_ID * 2;
	static final long CATEGORY_BASE = BASE_ID * 3;
	static final long PRODUCT_BASE = BASE_ID * 4;
	static final long SKU_BASE = BASE_ID * 5;
	static final int SUPPLIERS = 200;
	static final int CATEGORIES = 60;
	static final String PASSWORD = "bench-password";

	private static final DateTimeFormatter TS = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);

	private static final String[] ZH_WORDS = { "補水", "保濕", "面膜", "精華", "乳液", "洗面奶", "防曬", "口紅", "眼霜", "洗髮水",
			"沐浴露", "牙膏", "茶葉", "咖啡", "堅果", "蜂蜜", "大米", "牛奶", "T恤", "襯衫", "連衣裙", "運動鞋", "背包", "耳機", "充電寶",
			"數據線", "保溫杯", "收納盒", "毛巾", "枕頭" };
	private static final String[] EN_WORDS = { "hydrating", "moisturising", "mask", "serum", "lotion", "cleanser",
			"sunscreen", "lipstick", "eye cream", "shampoo", "body wash", "toothpaste", "tea", "coffee", "nuts", "honey",
			"rice", "milk", "T-shirt", "shirt", "dress", "sneakers", "backpack", "earphones", "power bank", "cable",
			"thermos", "storage box", "towel", "pillow" };

	private final Connection connection;
	private final SplittableRandom random = new SplittableRandom(42);
	private final String passwordHash;

	DataGenerator(Connection connection, String passwordHash) {
		this.connection = connection;
		this.passwordHash = passwordHash;
	}

	record Counts(int users, int products, int skus) {
	}

	Counts generate(int users, int products, int skusPerProduct, int stockPerSku) throws SQLException, IOException {
		String now = TS.format(Instant.now());
		copy("accounts (id, email, display_name, password_hash, roles, status, created_at)", w -> {
			for (int i = 0; i < users; i++) {
				row(w, USER_BASE + i, "user" + i + "@bench.local", "User " + i, passwordHash, "BUYER", "ACTIVE", now);
			}
			for (int s = 0; s < SUPPLIERS; s++) {
				row(w, SUPPLIER_BASE + s, "supplier" + s + "@bench.local", "Supplier " + s, passwordHash, "BUYER,SUPPLIER",
						"ACTIVE", now);
			}
		});
		copy("supplier_profiles (account_id, business_name, license_no, contact_phone, business_address, status, applied_at, reviewed_at)",
				w -> {
					for (int s = 0; s < SUPPLIERS; s++) {
						row(w, SUPPLIER_BASE + s, "Bench Supplier " + s, "91330100BENCH" + s, "13800000000", "Hangzhou",
								"VERIFIED", now, now);
					}
				});
		copy("categories (id, parent_id, name_zh, name_en, position)", w -> {
			for (int c = 0; c < CATEGORIES; c++) {
				String parent = c < 6 ? "\\N" : String.valueOf(CATEGORY_BASE + c % 6);
				row(w, CATEGORY_BASE + c, "類目" + c, "Category " + c, parent.equals("\\N") ? null : parent, c);
			}
		});
		copy("products (id, supplier_id, category_id, title, title_en, description, status, returnable_without_reason, "
				+ "min_price, max_price, currency, created_at, updated_at, published_at)", w -> {
					for (int p = 0; p < products; p++) {
						int a = random.nextInt(ZH_WORDS.length);
						int b = random.nextInt(ZH_WORDS.length);
						long price = 100 + random.nextInt(50_000);
						row(w, PRODUCT_BASE + p, SUPPLIER_BASE + p % SUPPLIERS, CATEGORY_BASE + 6 + p % (CATEGORIES - 6),
								ZH_WORDS[a] + ZH_WORDS[b] + " " + p, EN_WORDS[a] + " " + EN_WORDS[b] + " " + p,
								"Bench product " + p, "ON_SALE", "t", price, price + (skusPerProduct - 1) * 100, "CNY", now,
								now, now);
					}
				});
		copy("skus (id, product_id, code, spec_values, price, position)", w -> {
			for (int p = 0; p < products; p++) {
				long min = 0;
				for (int s = 0; s < skusPerProduct; s++) {
					row(w, sku(p, s, skusPerProduct), PRODUCT_BASE + p, "B" + p + "-" + s, "V" + s, 100 + s * 100L + p % 50_000, s);
				}
			}
		});
		copy("sku_stock (sku_id, available, reserved, sold)", w -> {
			for (int p = 0; p < products; p++) {
				for (int s = 0; s < skusPerProduct; s++) {
					row(w, sku(p, s, skusPerProduct), stockPerSku, 0, random.nextInt(1000));
				}
			}
		});
		// keep min/max price consistent with the SKUs just written
		try (var statement = connection.createStatement()) {
			statement.execute("""
					UPDATE products p SET min_price = s.mn, max_price = s.mx
					FROM (SELECT product_id, min(price) mn, max(price) mx FROM skus WHERE product_id >= %d GROUP BY product_id) s
					WHERE p.id = s.product_id""".formatted(PRODUCT_BASE));
			statement.execute("ANALYZE");
		}
		return new Counts(users, products, products * skusPerProduct);
	}

	static long sku(int product, int index, int skusPerProduct) {
		return SKU_BASE + (long) product * skusPerProduct + index;
	}

	private void copy(String target, Consumer<Writer> rows) throws SQLException, IOException {
		var copy = connection.unwrap(PGConnection.class).getCopyAPI();
		try (var in = new java.io.PipedReader(1 << 16); var out = new java.io.PipedWriter(in)) {
			var failure = new java.util.concurrent.atomic.AtomicReference<Exception>();
			var writer = Thread.ofVirtual().start(() -> {
				try (var buffered = new java.io.BufferedWriter(out, 1 << 16)) {
					rows.accept(buffered);
				}
				catch (Exception e) {
					failure.set(e);
				}
			});
			copy.copyIn("COPY " + target + " FROM STDIN", in);
			try {
				writer.join();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			if (failure.get() != null) {
				throw new IOException(failure.get());
			}
		}
	}

	/** One COPY text row: tab-separated, \N for null, backslashes and tabs escaped. */
	private static void row(Writer w, Object... values) {
		try {
			for (int i = 0; i < values.length; i++) {
				if (i > 0) {
					w.write('\t');
				}
				Object v = values[i];
				w.write(v == null ? "\\N" : v.toString().replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n"));
			}
			w.write('\n');
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
