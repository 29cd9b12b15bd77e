package io.socialmall.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import io.socialmall.catalog.ProductDraft;
import io.socialmall.catalog.ProductManagement;
import io.socialmall.catalog.SkuDraft;
import io.socialmall.catalog.SpecDraft;
import io.socialmall.test.Browser;
import io.socialmall.test.Fixtures;
import io.socialmall.test.SocialMallTest;

@SocialMallTest
class ShoppingBrowserTests {

	@RegisterExtension
	static Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ProductManagement products;

	@Autowired
	ProductSearch search;

	@Autowired
	TransactionTemplate tx;

	@Test
	void searchesInChineseOpensAProductAndPicksASku() {
		var supplier = fixtures.verifiedSupplier();
		var product = tx.execute(s -> {
			var created = products.create(supplier.id(), new ProductDraft("山茶花修護面膜", "Camellia repair mask",
					"山茶花精華，修護肌膚。", null, true, List.of(new SpecDraft("規格", List.of("5片裝", "10片裝"))),
					List.of(new SkuDraft(List.of("5片裝"), 4900L, 30, "CM-5"), new SkuDraft(List.of("10片裝"), 8900L, 12, "CM-10"))));
			return products.publish(supplier.id(), created.id());
		});
		long tenPack = product.skus().get(1).id();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> search.search(SearchQuery.text("山茶花")).items().stream().anyMatch(h -> h.id() == product.id()));

		var driver = browser.driver();
		driver.get("http://localhost:" + port + "/?lang=zh-CN");
		var box = driver.findElement(By.cssSelector("header form.search input[name=q]"));
		box.sendKeys("山茶花修护", Keys.ENTER);

		var tile = browser.waiting()
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.tile[data-product='" + product.id() + "']")));
		assertThat(driver.getCurrentUrl()).contains("/search");
		tile.click();

		browser.waiting().until(ExpectedConditions.textToBe(By.id("product-title"), "山茶花修護面膜"));
		assertThat(driver.findElement(By.id("selected-price")).getText()).isEqualTo("¥49.00");

		driver.findElement(By.cssSelector("a[data-sku='" + tenPack + "']")).click();
		browser.waiting().until(ExpectedConditions.textToBe(By.id("selected-price"), "¥89.00"));
		browser.screenshot("picked-sku");
		assertThat(driver.findElement(By.id("selected-stock")).getText()).contains("12");
		assertThat(driver.findElement(By.cssSelector("#add-to-cart input[name=skuId]")).getDomProperty("value"))
			.isEqualTo(String.valueOf(tenPack));
		assertThat(driver.getCurrentUrl()).contains("sku=" + tenPack);
	}
}
