package io.socialmall.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import io.socialmall.catalog.Catalog;
import io.socialmall.catalog.Categories;
import io.socialmall.catalog.ProductListing;
import io.socialmall.identity.Accounts;
import io.socialmall.identity.Role;
import io.socialmall.identity.SupplierView;
import io.socialmall.search.ProductSearch;
import io.socialmall.search.SearchQuery;
import io.socialmall.test.SocialMallTest;

/** Seeds into a context of its own (demo data is off in tests and invoked here explicitly). */
@SocialMallTest
@TestPropertySource(properties = "socialmall.test.context=demo-data")
class DemoDataTests {

	@Autowired
	DemoData demoData;

	@Autowired
	Accounts accounts;

	@Autowired
	Catalog catalog;

	@Autowired
	Categories categories;

	@Autowired
	ProductSearch search;

	@Test
	void seedsOnceThroughTheModuleApis() {
		assertThat(demoData.seed()).isTrue();
		List<ProductListing> listed = catalog.listings(0, 1000);
		long categoryCount = categories.tree().stream().mapToLong(c -> 1 + c.children().size()).sum();

		assertThat(demoData.seed()).as("a second run leaves everything as it is").isFalse();
		assertThat(catalog.listings(0, 1000)).hasSameSizeAs(listed);
		assertThat(categories.tree().stream().mapToLong(c -> 1 + c.children().size()).sum()).isEqualTo(categoryCount);

		assertThat(listed).hasSizeGreaterThanOrEqualTo(40);
		assertThat(listed).allSatisfy(p -> assertThat(p.imageKey()).isNotNull());
		Set<Long> topLevel = listed.stream().map(p -> p.categoryPath().get(0)).collect(Collectors.toSet());
		assertThat(topLevel).hasSizeGreaterThanOrEqualTo(4);
		assertThat(listed).noneMatch(p -> p.titleEn().contains("pending supplier") || p.titleEn().contains("(draft)"));
		assertThat(accounts.suppliers(SupplierView.Status.VERIFIED)).hasSizeGreaterThanOrEqualTo(3);
		assertThat(accounts.suppliers(SupplierView.Status.PENDING)).hasSize(1);

		var operator = accounts.checkPassword(DemoData.OPERATOR, DemoData.PASSWORD).orElseThrow();
		assertThat(operator.roles()).contains(Role.OPERATOR);
		assertThat(accounts.checkPassword(DemoData.BUYER, DemoData.PASSWORD)).isPresent();
		assertThat(accounts.checkPassword("beauty@socialmall.local", DemoData.PASSWORD).orElseThrow().roles()).contains(Role.SUPPLIER);

		var mask = listed.stream().filter(p -> p.title().equals("補水保濕面膜")).findFirst().orElseThrow();
		assertThat(catalog.publicProduct(mask.id()).orElseThrow().skus()).hasSize(2);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(search.search(SearchQuery.text("面膜")).items())
			.extracting(h -> h.title()).contains("補水保濕面膜", "煙酰胺亮膚面膜"));
	}
}
