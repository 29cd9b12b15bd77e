package io.socialmall.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import io.socialmall.catalog.CategoryDraft;
import io.socialmall.catalog.CategoryManagement;
import io.socialmall.catalog.ProductDetails;
import io.socialmall.catalog.ProductDraft;
import io.socialmall.catalog.ProductEdit;
import io.socialmall.catalog.ProductManagement;
import io.socialmall.catalog.SkuDraft;
import io.socialmall.core.Money;
import io.socialmall.core.PageRequest;
import io.socialmall.identity.Accounts;
import io.socialmall.identity.SupplierApplication;
import io.socialmall.inventory.Inventory;
import io.socialmall.inventory.SkuQuantity;
import io.socialmall.ordering.OrderLineInfo;
import io.socialmall.ordering.OrderPaid;
import io.socialmall.test.Fixtures;
import io.socialmall.test.Fixtures.Person;
import io.socialmall.test.MutableClock;
import io.socialmall.test.SocialMallTest;
import io.socialmall.test.TestApi;

@SocialMallTest
class SearchTests {

	@Autowired
	ProductSearch search;

	@Autowired
	ProductManagement products;

	@Autowired
	CategoryManagement categories;

	@Autowired
	Accounts accounts;

	@Autowired
	Inventory inventory;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestApi api;

	@Autowired
	MutableClock clock;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void findsChineseInEitherScriptAndEnglish() {
		var supplier = fixtures.verifiedSupplier();
		long shelf = category(null, "試用", "Trial");
		var mask = product(supplier, "補水保濕面膜", "Hydrating face mask", shelf, 5900);
		var whitening = product(supplier, "美白面膜", "Whitening mask", shelf, 3900);
		var shirt = product(supplier, "纯棉T恤", "Cotton T-shirt", shelf, 9900);
		awaitIndexed(shelf, 3);

		assertThat(ids("面膜", shelf)).containsExactlyInAnyOrder(mask.id(), whitening.id());
		assertThat(ids("保湿", shelf)).containsExactly(mask.id());
		assertThat(ids("補水", shelf)).containsExactly(mask.id());
		assertThat(ids("补水面膜", shelf)).containsExactly(mask.id());
		assertThat(ids("純棉", shelf)).containsExactly(shirt.id());
		assertThat(ids("Hydrating mask", shelf)).containsExactly(mask.id());
		assertThat(ids("MASKS", shelf)).containsExactlyInAnyOrder(mask.id(), whitening.id());
		assertThat(ids("t-shirt", shelf)).containsExactly(shirt.id());
		assertThat(ids("化妆水", shelf)).isEmpty();
		assertThat(ids("!!!", shelf)).isEmpty();

		// the category's names and the supplier's name are searchable too
		assertThat(ids("試用", null)).contains(mask.id(), whitening.id(), shirt.id());
		var hit = search.search(SearchQuery.text("補水保濕面膜")).items().stream().filter(h -> h.id() == mask.id()).findFirst().orElseThrow();
		assertThat(hit.title()).isEqualTo("補水保濕面膜");
		assertThat(hit.titleEn()).isEqualTo("Hydrating face mask");
		assertThat(hit.price()).isEqualTo(Money.cny(5900));
		assertThat(hit.categoryId()).isEqualTo(shelf);
		assertThat(hit.supplierId()).isEqualTo(supplier.id());

		var api = this.api.get("/api/v1/search?q={q}&category={c}", "面膜", shelf).send().expect(200);
		assertThat(api.at("/total").asLong()).isEqualTo(2);
		assertThat(api.at("/items/0/price/amount").isNumber()).isTrue();
	}

	@Test
	void listsACategoryWithItsDescendantsAndFiltersByPrice() {
		var supplier = fixtures.verifiedSupplier();
		long root = category(null, "服飾", "Clothing");
		long women = category(root, "女裝", "Women");
		long dresses = category(women, "連衣裙", "Dresses");
		var coat = product(supplier, "羊毛大衣", "Wool coat", root, 59900);
		var blouse = product(supplier, "真絲襯衫", "Silk blouse", women, 29900);
		var dress = product(supplier, "碎花連衣裙", "Floral dress", dresses, 19900);
		awaitIndexed(root, 3);

		assertThat(list(root, null, null)).containsExactlyInAnyOrder(coat.id(), blouse.id(), dress.id());
		assertThat(list(women, null, null)).containsExactlyInAnyOrder(blouse.id(), dress.id());
		assertThat(list(dresses, null, null)).containsExactly(dress.id());
		assertThat(list(root, 19900L, 29900L)).containsExactlyInAnyOrder(blouse.id(), dress.id());
		assertThat(list(root, 30000L, null)).containsExactly(coat.id());
		assertThat(list(root, null, 19899L)).isEmpty();

		var response = api.get("/api/v1/products?category={c}&minPrice=20000", root).send().expect(200);
		assertThat(response.at("/total").asLong()).isEqualTo(2);
		assertThat(api.get("/api/v1/products?category={c}&minPrice=5&maxPrice=1", root).send().expect(400)
			.at("/errors/0/field").asString()).isEqualTo("maxPrice");
		assertThat(api.get("/api/v1/search?sort=cheapest").send().expect(400).at("/errors/0/field").asString()).isEqualTo("sort");
		assertThat(api.get("/api/v1/search?page=600&size=20").send().expect(400).at("/errors/0/field").asString()).isEqualTo("page");
		assertThat(api.get("/api/v1/search?q={q}", "x".repeat(101)).send().expect(400).at("/errors/0/field").asString()).isEqualTo("q");
	}

	@Test
	void sortsByNewestPriceAndUnitsSold() {
		var supplier = fixtures.verifiedSupplier();
		long shelf = category(null, "排序", "Sorting");
		var cheap = product(supplier, "便宜的杯子", "Cheap cup", shelf, 1000);
		clock.advance(Duration.ofMinutes(1));
		var dear = product(supplier, "昂貴的杯子", "Dear cup", shelf, 9000);
		clock.advance(Duration.ofMinutes(1));
		var middle = product(supplier, "普通的杯子", "Plain cup", shelf, 5000);
		awaitIndexed(shelf, 3);

		assertThat(sorted(shelf, SearchSort.NEWEST)).containsExactly(middle.id(), dear.id(), cheap.id());
		assertThat(sorted(shelf, SearchSort.PRICE_ASC)).containsExactly(cheap.id(), middle.id(), dear.id());
		assertThat(sorted(shelf, SearchSort.PRICE_DESC)).containsExactly(dear.id(), middle.id(), cheap.id());

		sell(supplier, dear, 3);
		sell(supplier, cheap, 1);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(sorted(shelf, SearchSort.SALES)).containsExactly(dear.id(), cheap.id(), middle.id()));
		var top = search.search(new SearchQuery(null, shelf, null, null, SearchSort.SALES, new PageRequest(0, 1))).items().get(0);
		assertThat(top.sales()).isEqualTo(3);
		assertThat(api.get("/api/v1/products?category={c}&sort=price-desc", shelf).send().expect(200).at("/items/0/id").asLong())
			.isEqualTo(dear.id());
	}

	@Test
	void pagesThroughResults() {
		var supplier = fixtures.verifiedSupplier();
		long shelf = category(null, "分頁", "Paging");
		for (int i = 0; i < 5; i++) {
			product(supplier, "分頁商品 " + i, "Paged item " + i, shelf, 100 + i);
		}
		awaitIndexed(shelf, 5);
		var first = search.search(new SearchQuery(null, shelf, null, null, SearchSort.PRICE_ASC, new PageRequest(0, 2)));
		var last = search.search(new SearchQuery(null, shelf, null, null, SearchSort.PRICE_ASC, new PageRequest(2, 2)));
		assertThat(first.total()).isEqualTo(5);
		assertThat(first.items()).extracting(ProductHit::title).containsExactly("分頁商品 0", "分頁商品 1");
		assertThat(first.hasNext()).isTrue();
		assertThat(last.items()).extracting(ProductHit::title).containsExactly("分頁商品 4");
		assertThat(last.hasNext()).isFalse();
		var response = api.get("/api/v1/products?category={c}&sort=price-asc&page=1&size=2", shelf).send().expect(200);
		assertThat(response.at("/items/0/title").asString()).isEqualTo("分頁商品 2");
		assertThat(response.at("/page").asInt()).isEqualTo(1);
	}

	@Test
	void followsProductChangesAfterTheyCommit() {
		var supplier = fixtures.verifiedSupplier();
		long shelf = category(null, "變更", "Changes");
		var lamp = product(supplier, "護眼檯燈", "Desk lamp", shelf, 12900);
		awaitIndexed(shelf, 1);

		tx.executeWithoutResult(s -> products.update(supplier.id(), lamp.id(),
				new ProductEdit("智能護眼檯燈", "Smart desk lamp", "Dimmable", shelf, true)));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ids("智能", shelf)).containsExactly(lamp.id()));

		tx.executeWithoutResult(s -> products.changePrice(supplier.id(), lamp.skus().get(0).id(), 8800));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(list(shelf, null, 9000L)).containsExactly(lamp.id()));

		tx.executeWithoutResult(s -> products.unpublish(supplier.id(), lamp.id()));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(list(shelf, null, null)).isEmpty());
		tx.executeWithoutResult(s -> products.publish(supplier.id(), lamp.id()));
		awaitIndexed(shelf, 1);
	}

	@Test
	void neverShowsProductsOfUnverifiedSuppliers() {
		var pending = fixtures.person("pending");
		accounts.applyAsSupplier(pending.id(), new SupplierApplication("Pending Co.", "91330100MA2X0077", null, null));
		long shelf = category(null, "待審", "Pending");
		var product = product(pending, "待審核的商品", "Pending product", shelf, 100);
		var verified = fixtures.verifiedSupplier();
		var visible = product(verified, "已審核的商品", "Visible product", shelf, 100);
		awaitIndexed(shelf, 1);
		assertThat(list(shelf, null, null)).containsExactly(visible.id());

		accounts.verifySupplier(fixtures.operator().id(), pending.id());
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(list(shelf, null, null)).containsExactlyInAnyOrder(visible.id(), product.id()));
	}

	@Test
	void rebuildsFromTheDatabase() {
		var supplier = fixtures.verifiedSupplier();
		long shelf = category(null, "重建", "Rebuild");
		var kettle = product(supplier, "不鏽鋼電熱水壺", "Electric kettle", shelf, 15900);
		awaitIndexed(shelf, 1);
		sell(supplier, kettle, 2);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				search.search(SearchQuery.category(shelf, null, null)).items().get(0).sales()).isEqualTo(2));

		int indexed = search.rebuild();
		assertThat(indexed).isGreaterThanOrEqualTo(1);
		var hit = search.search(new SearchQuery("電熱水壺", shelf, null, null, null, null)).items();
		assertThat(hit).extracting(ProductHit::id).containsExactly(kettle.id());
		assertThat(hit.get(0).sales()).as("units sold come from inventory on a rebuild").isEqualTo(2);
	}

	private long category(Long parent, String zh, String en) {
		return categories.create(fixtures.operator().id(), new CategoryDraft(parent, zh, en + " " + System.nanoTime() % 100000, 0)).id();
	}

	private ProductDetails product(Person supplier, String title, String titleEn, long category, long price) {
		return tx.execute(s -> {
			var created = products.create(supplier.id(), new ProductDraft(title, titleEn, "描述 description", category, true,
					List.of(), List.of(new SkuDraft(List.of(), price, 10, null))));
			return products.publish(supplier.id(), created.id());
		});
	}

	/** Sells units as a paid order would: stock reserved then committed, and OrderPaid published in one transaction. */
	private void sell(Person supplier, ProductDetails product, int quantity) {
		long sku = product.skus().get(0).id();
		tx.executeWithoutResult(s -> {
			inventory.reserve(List.of(new SkuQuantity(sku, quantity)));
			inventory.commit(List.of(new SkuQuantity(sku, quantity)));
			Money amount = product.skus().get(0).price().times(quantity);
			events.publishEvent(new OrderPaid(System.nanoTime(), "T" + System.nanoTime(), 1L, supplier.id(), 1L, amount,
					Money.cny(0), Money.cny(0), amount,
					List.of(new OrderLineInfo(1L, product.id(), sku, quantity, product.skus().get(0).price(), amount)),
					Instant.now(clock)));
		});
	}

	private void awaitIndexed(long category, int count) {
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(list(category, null, null)).hasSize(count));
	}

	private List<Long> ids(String text, Long category) {
		return search.search(new SearchQuery(text, category, null, null, null, new PageRequest(0, 100))).items()
			.stream().map(ProductHit::id).toList();
	}

	private List<Long> list(long category, Long min, Long max) {
		return search.search(new SearchQuery(null, category, min, max, null, new PageRequest(0, 100))).items()
			.stream().map(ProductHit::id).toList();
	}

	private List<Long> sorted(long category, SearchSort sort) {
		return search.search(new SearchQuery(null, category, null, null, sort, new PageRequest(0, 100))).items()
			.stream().map(ProductHit::id).toList();
	}
}
