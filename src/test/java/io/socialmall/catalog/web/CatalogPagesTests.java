package io.socialmall.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import io.socialmall.catalog.CategoryDraft;
import io.socialmall.catalog.CategoryManagement;
import io.socialmall.catalog.ProductDetails;
import io.socialmall.catalog.ProductDraft;
import io.socialmall.catalog.ProductManagement;
import io.socialmall.catalog.SkuDraft;
import io.socialmall.catalog.SpecDraft;
import io.socialmall.identity.Accounts;
import io.socialmall.identity.Sessions;
import io.socialmall.identity.SupplierApplication;
import io.socialmall.search.ProductSearch;
import io.socialmall.search.SearchQuery;
import io.socialmall.test.Fixtures;
import io.socialmall.test.Fixtures.Person;
import io.socialmall.test.SocialMallTest;

@SocialMallTest
class CatalogPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Accounts accounts;

	@Autowired
	ProductManagement products;

	@Autowired
	CategoryManagement categories;

	@Autowired
	ProductSearch search;

	@Autowired
	TransactionTemplate tx;

	@Test
	void productPageShowsSpecsThePickedSkuAndAnAddToCartForm() throws Exception {
		var supplier = fixtures.verifiedSupplier();
		var product = fixtures.productWithSpecs(supplier, 1000, 5);
		var blueM = product.skus().stream().filter(s -> s.specValues().equals(List.of("Blue", "M"))).findFirst().orElseThrow();

		String page = html(get("/products/{id}", product.id()));
		assertThat(page).contains(product.title(), "Colour", "Size", "¥10.00", "– ¥11.00", "id=\"add-to-cart\"",
				"action=\"/cart/items\"", "name=\"skuId\" value=\"" + product.skus().get(0).id() + "\"", "name=\"quantity\"",
				"name=\"_csrf\"", "/suppliers/" + supplier.id());
		assertThat(page).contains("Supplier " + supplier.id());

		String picked = html(get("/products/{id}?sku={sku}", product.id(), blueM.id()));
		assertThat(picked).contains("id=\"selected-price\">¥11.00<", "Blue / M", "name=\"skuId\" value=\"" + blueM.id() + "\"");

		String fragment = html(get("/products/{id}/buy?sku={sku}", product.id(), blueM.id()));
		assertThat(fragment).startsWith("<div id=\"buy\"").contains("¥11.00").doesNotContain("<html");
	}

	@Test
	void userTextIsStoredAsTypedButEscapedOnPages() throws Exception {
		var supplier = fixtures.verifiedSupplier();
		String title = "<script>alert(1)</script>面膜";
		var product = tx.execute(s -> {
			var created = products.create(supplier.id(), new ProductDraft(title, "<b>bold</b>", "<img src=x onerror=alert(2)>",
					null, true, List.of(new SpecDraft("<i>色</i>", List.of("<u>紅</u>"))),
					List.of(new SkuDraft(List.of("<u>紅</u>"), 100L, 1, null))));
			return products.publish(supplier.id(), created.id());
		});
		assertThat(product.title()).isEqualTo(title);

		String page = html(get("/products/{id}", product.id()));
		assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;面膜", "&lt;img src=x onerror=alert(2)&gt;",
				"&lt;u&gt;紅&lt;/u&gt;", "&lt;i&gt;色&lt;/i&gt;");
		assertThat(page).doesNotContain("<script>alert", "<img src=x", "<u>紅", "<b>bold");

		await().atMost(Duration.ofSeconds(10)).until(() -> search.search(SearchQuery.text("alert 面膜")).items().stream()
			.anyMatch(h -> h.id() == product.id()));
		String results = html(get("/search?q={q}&lang=zh-CN", "alert 面膜"));
		assertThat(results).contains("&lt;script&gt;").doesNotContain("<script>alert");
		String console = html(get("/supplier/products").with(as(supplier)));
		assertThat(console).contains("&lt;script&gt;").doesNotContain("<script>alert");
	}

	@Test
	void draftsAndProductsOfUnverifiedSuppliersHaveNoPage() throws Exception {
		var pending = fixtures.person("pending");
		accounts.applyAsSupplier(pending.id(), new SupplierApplication("Pending Pages Co.", "91330100MA2X0055", null, null));
		var hidden = tx.execute(s -> {
			var created = products.create(pending.id(), new ProductDraft("隱藏商品", null, null, null, true, List.of(),
					List.of(new SkuDraft(List.of(), 100L, 1, null))));
			return products.publish(pending.id(), created.id());
		});
		assertThat(status(get("/products/{id}", hidden.id()))).isEqualTo(404);
		assertThat(status(get("/suppliers/{id}", pending.id()))).isEqualTo(404);
		var supplier = fixtures.verifiedSupplier();
		var draft = tx.execute(s -> products.create(supplier.id(), new ProductDraft("草稿商品", null, null, null, true,
				List.of(), List.of(new SkuDraft(List.of(), 100L, 1, null)))));
		assertThat(status(get("/products/{id}", draft.id()))).isEqualTo(404);
		assertThat(status(get("/products/{id}", 42L))).isEqualTo(404);
	}

	@Test
	void supplierPageShowsBusinessInformationAndProducts() throws Exception {
		var supplier = fixtures.verifiedSupplier();
		var product = fixtures.productOnSale(supplier, 2500, 3);
		String page = html(get("/suppliers/{id}", supplier.id()));
		assertThat(page).contains("Supplier " + supplier.id(), "Hangzhou", "/products/" + product.id(), "¥25.00");
	}

	@Test
	void storefrontListsCategoriesNewestProductsAndSearchResults() throws Exception {
		var supplier = fixtures.verifiedSupplier();
		var operator = fixtures.operator();
		long parent = categories.create(operator.id(), new CategoryDraft(null, "家居", "Home goods", 0)).id();
		long child = categories.create(operator.id(), new CategoryDraft(parent, "收納", "Storage", 0)).id();
		var box = tx.execute(s -> products.publish(supplier.id(), products.create(supplier.id(), new ProductDraft("摺疊收納箱",
				"Folding storage box", null, child, true, List.of(), List.of(new SkuDraft(List.of(), 3900L, 8, null)))).id()));
		await().atMost(Duration.ofSeconds(10)).until(() -> search.search(SearchQuery.category(parent, null, null)).total() == 1);

		String home = html(get("/?lang=en"));
		assertThat(home).contains("/categories/" + parent, "Home goods", "/products/" + box.id(), "Folding storage box");
		assertThat(html(get("/?lang=zh-TW"))).contains("家居", "摺疊收納箱");

		String category = html(get("/categories/{id}?lang=zh-CN", parent));
		assertThat(category).contains("收納", "/products/" + box.id(), "¥39.00");
		assertThat(html(get("/categories/{id}?min=40", parent))).doesNotContain("/products/" + box.id());
		assertThat(html(get("/categories/{id}?min=abc", parent))).contains("min: not an amount");
		assertThat(status(get("/categories/{id}", 42L))).isEqualTo(404);

		String results = html(get("/search?q={q}&category={c}&sort=price-asc", "收纳箱", parent));
		assertThat(results).contains("/products/" + box.id(), "sort=price-desc");
		assertThat(html(get("/search?q={q}", "no-such-thing-" + System.nanoTime()))).contains("Nothing found");
	}

	@Test
	void supplierConsoleGeneratesSkusAndCreatesAProduct() throws Exception {
		var supplier = fixtures.verifiedSupplier();
		String editor = html(get("/supplier/products/new").with(as(supplier)));
		assertThat(editor).contains("id=\"sku-grid\"", "name=\"specs[0].name\"");

		String generated = html(post("/supplier/products/new").with(as(supplier)).with(csrf())
			.param("action", "generate").param("title", "羊毛圍巾")
			.param("specs[0].name", "顏色").param("specs[0].values", "灰色，米色")
			.param("specs[1].name", "長度").param("specs[1].values", "160cm, 180cm")
			.param("specs[2].name", "").param("specs[2].values", ""));
		assertThat(generated).contains("灰色 / 160cm", "灰色 / 180cm", "米色 / 160cm", "米色 / 180cm", "name=\"skus[3].price\"");

		var create = post("/supplier/products/new").with(as(supplier)).with(csrf())
			.param("action", "create").param("title", "羊毛圍巾").param("titleEn", "Wool scarf").param("notReturnable", "true")
			.param("specs[0].name", "顏色").param("specs[0].values", "灰色，米色")
			.param("specs[1].name", "長度").param("specs[1].values", "160cm, 180cm")
			.param("specs[2].name", "").param("specs[2].values", "");
		String[] keys = { "灰色 / 160cm", "灰色 / 180cm", "米色 / 160cm", "米色 / 180cm" };
		for (int i = 0; i < 4; i++) {
			create.param("skus[" + i + "].key", keys[i]).param("skus[" + i + "].price", "1" + i + "9.00")
				.param("skus[" + i + "].stock", String.valueOf(i)).param("skus[" + i + "].code", "SC-" + i);
		}
		var response = mvc.perform(create).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(302);
		long id = Long.parseLong(response.getRedirectedUrl().replace("/supplier/products/", ""));
		ProductDetails created = products.product(supplier.id(), id);
		assertThat(created.skus()).hasSize(4);
		assertThat(created.returnableWithoutReason()).isFalse();
		assertThat(created.sku(created.skus().get(3).id()).price().amount()).isEqualTo(13900);

		var missingPrice = post("/supplier/products/new").with(as(supplier)).with(csrf()).param("action", "create")
			.param("title", "無價商品").param("skus[0].key", "").param("skus[0].price", "").param("skus[0].stock", "1");
		assertThat(html(missingPrice)).contains("skus[0].price: is required");

		String edit = html(get("/supplier/products/{id}", id).with(as(supplier)));
		assertThat(edit).contains("Wool scarf", "灰色 / 160cm", "name=\"delta\"");
		assertThat(status(get("/supplier/products/{id}", id).with(as(fixtures.verifiedSupplier())))).isEqualTo(404);
	}

	@Test
	void supplierConsoleChangesPriceStockAndPictures() throws Exception {
		var supplier = fixtures.verifiedSupplier();
		var product = fixtures.productOnSale(supplier, 1000, 5);
		long sku = product.skus().get(0).id();
		String base = "/supplier/products/" + product.id();

		assertThat(mvc.perform(post(base + "/skus/{sku}/price", sku).with(as(supplier)).with(csrf()).param("price", "8.80"))
			.andReturn().getResponse().getRedirectedUrl()).isEqualTo(base);
		for (int i = 0; i < 2; i++) {
			mvc.perform(post(base + "/skus/{sku}/stock", sku).with(as(supplier)).with(csrf()).param("delta", "+10").param("key", "form-1"));
		}
		var refused = mvc.perform(post(base + "/skus/{sku}/stock", sku).with(as(supplier)).with(csrf()).param("delta", "-99").param("key", "form-2"))
			.andReturn();
		assertThat(refused.getFlashMap().get("error")).asString().contains("fewer units");
		var current = products.product(supplier.id(), product.id());
		assertThat(current.skus().get(0).available()).as("one key moves stock once").isEqualTo(15);
		assertThat(current.skus().get(0).price().amount()).isEqualTo(880);
		assertThat(html(get(base + "/prices").with(as(supplier)))).contains("¥8.80", "¥10.00");

		var image = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
		var bytes = new ByteArrayOutputStream();
		ImageIO.write(image, "png", bytes);
		mvc.perform(multipart(base + "/images").file(new MockMultipartFile("file", "p.png", "image/png", bytes.toByteArray()))
			.with(as(supplier)).with(csrf()));
		var notAnImage = mvc.perform(multipart(base + "/images").file(new MockMultipartFile("file", "p.png", "image/png", "hello".getBytes()))
			.with(as(supplier)).with(csrf())).andReturn();
		assertThat(notAnImage.getFlashMap().get("error")).asString().contains("file");
		assertThat(products.product(supplier.id(), product.id()).imageUrls()).hasSize(1);
	}

	@Test
	void operatorsManageCategoriesOnTheirPage() throws Exception {
		var operator = fixtures.operator();
		String name = "園藝" + System.nanoTime() % 1000;
		mvc.perform(post("/operator/categories").with(as(operator)).with(csrf()).param("nameZh", name).param("nameEn", "Garden"));
		assertThat(html(get("/operator/categories").with(as(operator)))).contains(name, "Garden");
		assertThat(status(get("/operator/categories").with(as(fixtures.buyer())))).isEqualTo(403);
	}

	private RequestPostProcessor as(Person person) {
		return authentication(Sessions.authentication(accounts.currentUser(person.id()).orElseThrow()));
	}

	private String html(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	private int status(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse().getStatus();
	}
}
