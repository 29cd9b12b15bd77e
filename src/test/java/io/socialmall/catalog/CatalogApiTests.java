package io.socialmall.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import io.socialmall.identity.Accounts;
import io.socialmall.identity.SupplierApplication;
import io.socialmall.test.Fixtures;
import io.socialmall.test.Fixtures.Person;
import io.socialmall.test.SocialMallTest;
import io.socialmall.test.TestApi;
import tools.jackson.databind.JsonNode;

@SocialMallTest
class CatalogApiTests {

	@Autowired
	TestApi api;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Accounts accounts;

	@Autowired
	Catalog catalog;

	@Autowired
	MockMvc mvc;

	static final List<Map<String, Object>> SPECS = List.of(Map.of("name", "Colour", "values", List.of("Red", "Blue")),
			Map.of("name", "Size", "values", List.of("S", "M", "L")));

	@Test
	void createsAProductWhoseSkusTheSpecsGenerate() {
		var supplier = fixtures.verifiedSupplier();
		var combinations = api.post("/api/v1/supplier/sku-combinations")
			.token(supplier.token())
			.json(Map.of("specs", SPECS))
			.send()
			.expect(200)
			.json()
			.get("combinations");
		assertThat(combinations.valueStream().map(c -> c.get(0).asString() + "/" + c.get(1).asString()))
			.containsExactly("Red/S", "Red/M", "Red/L", "Blue/S", "Blue/M", "Blue/L");

		List<Map<String, Object>> skus = new ArrayList<>();
		int i = 0;
		for (JsonNode combination : combinations) {
			skus.add(Map.of("specValues", List.of(combination.get(0).asString(), combination.get(1).asString()), "price",
					9900 + 100 * i, "stock", 10 + i, "code", "TEE-" + i));
			i++;
		}
		var created = api.post("/api/v1/supplier/products")
			.token(supplier.token())
			.json(draft("純棉T恤", skus))
			.send()
			.expect(201);
		assertThat(created.at("/status").asString()).isEqualTo("DRAFT");
		assertThat(created.at("/skus").size()).isEqualTo(6);
		assertThat(created.at("/skus/5/specValues/0").asString()).isEqualTo("Blue");
		assertThat(created.at("/skus/5/price/amount").asLong()).isEqualTo(10400);
		assertThat(created.at("/skus/5/available").asInt()).isEqualTo(15);
		assertThat(created.at("/skus/5/code").asString()).isEqualTo("TEE-5");
		assertThat(created.at("/returnableWithoutReason").asBoolean()).isTrue();

		var list = api.get("/api/v1/supplier/products").token(supplier.token()).send().expect(200);
		assertThat(list.at("/items/0/id").asLong()).isEqualTo(created.id());
		assertThat(list.at("/items/0/available").asInt()).isEqualTo(10 + 11 + 12 + 13 + 14 + 15);
		assertThat(list.at("/items/0/skuCount").asInt()).isEqualTo(6);
	}

	@Test
	void refusesSkusThatDoNotCoverEveryCombination() {
		var supplier = fixtures.verifiedSupplier();
		var skus = List.<Map<String, Object>>of(Map.of("specValues", List.of("Red", "S"), "price", 100, "stock", 1));
		var response = api.post("/api/v1/supplier/products").token(supplier.token()).json(draft("T恤", skus)).send().expect(400);
		assertThat(response.at("/errors/0/field").asString()).isEqualTo("skus");
		assertThat(response.at("/errors/0/reason").asString()).contains("Red / M");

		var wrongValue = List.<Map<String, Object>>of(Map.of("specValues", List.of("Green", "S"), "price", 100, "stock", 1));
		assertThat(api.post("/api/v1/supplier/products").token(supplier.token()).json(draft("T恤", wrongValue)).send()
			.expect(400).at("/errors/0/field").asString()).isEqualTo("skus[0].specValues[0]");
	}

	@Test
	void validationErrorsNameTheField() {
		var supplier = fixtures.verifiedSupplier();
		var body = Map.of("title", " ", "returnableWithoutReason", true, "skus",
				List.of(Map.of("specValues", List.of(), "price", 0, "stock", -1)));
		var response = api.post("/api/v1/supplier/products").token(supplier.token()).json(body).send().expect(400);
		assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()))
			.containsExactlyInAnyOrder("title", "skus[0].price", "skus[0].stock");

		var unknownCategory = api.post("/api/v1/supplier/products")
			.token(supplier.token())
			.json(Map.of("title", "面膜", "categoryId", 12345, "returnableWithoutReason", true, "skus",
					List.of(Map.of("specValues", List.of(), "price", 100, "stock", 1))))
			.send()
			.expect(400);
		assertThat(unknownCategory.at("/errors/0/field").asString()).isEqualTo("categoryId");
	}

	@Test
	void overLongTextIsRefused() {
		var supplier = fixtures.verifiedSupplier();
		var sku = List.of(Map.of("specValues", List.of(), "price", 100, "stock", 1));
		var longTitle = api.post("/api/v1/supplier/products")
			.token(supplier.token())
			.json(Map.of("title", "面".repeat(121), "returnableWithoutReason", true, "skus", sku))
			.send()
			.expect(400);
		assertThat(longTitle.at("/errors/0/field").asString()).isEqualTo("title");
		var longDescription = api.post("/api/v1/supplier/products")
			.token(supplier.token())
			.json(Map.of("title", "面膜", "description", "x".repeat(5001), "returnableWithoutReason", true, "skus", sku))
			.send()
			.expect(400);
		assertThat(longDescription.at("/errors/0/field").asString()).isEqualTo("description");

		var product = fixtures.productOnSale(supplier, 100, 1);
		var longEdit = api.put("/api/v1/supplier/products/{id}", product.id())
			.token(supplier.token())
			.json(Map.of("title", "ok", "titleEn", "e".repeat(121), "returnableWithoutReason", true))
			.send()
			.expect(400);
		assertThat(longEdit.at("/errors/0/field").asString()).isEqualTo("titleEn");
	}

	@Test
	void editsTitleCategoryAndTheReturnFlag() {
		var supplier = fixtures.verifiedSupplier();
		var operator = fixtures.operator();
		long category = api.post("/api/v1/operator/categories")
			.token(operator.token())
			.json(Map.of("nameZh", "面膜", "nameEn", "Masks", "position", 1))
			.send()
			.expect(201)
			.id();
		var product = fixtures.productOnSale(supplier, 100, 1);
		var edited = api.put("/api/v1/supplier/products/{id}", product.id())
			.token(supplier.token())
			.json(Map.of("title", "玻尿酸面膜", "titleEn", "Hyaluronic mask", "description", "Five sheets", "categoryId",
					category, "returnableWithoutReason", false))
			.send()
			.expect(200);
		assertThat(edited.at("/title").asString()).isEqualTo("玻尿酸面膜");
		assertThat(edited.at("/categoryId").asLong()).isEqualTo(category);
		assertThat(edited.at("/returnableWithoutReason").asBoolean()).isFalse();
		assertThat(api.get("/api/v1/products/{id}", product.id()).send().expect(200).at("/title").asString())
			.isEqualTo("玻尿酸面膜");
		assertThat(catalog.sku(product.skus().get(0).id()).orElseThrow().returnableWithoutReason()).isFalse();
	}

	@Test
	void anotherSuppliersProductIsNotFoundOnReadAndWrite() {
		var owner = fixtures.verifiedSupplier();
		var other = fixtures.verifiedSupplier();
		var product = fixtures.productWithSpecs(owner, 1000, 5);
		long sku = product.skus().get(0).id();
		String token = other.token();
		api.get("/api/v1/supplier/products/{id}", product.id()).token(token).send().expect(404);
		api.put("/api/v1/supplier/products/{id}", product.id())
			.token(token)
			.json(Map.of("title", "stolen", "returnableWithoutReason", true))
			.send()
			.expect(404);
		api.post("/api/v1/supplier/products/{id}/unpublish", product.id()).token(token).send().expect(404);
		api.put("/api/v1/supplier/products/{id}/skus/{sku}/price", product.id(), sku).token(token).json(Map.of("price", 1)).send().expect(404);
		api.post("/api/v1/supplier/products/{id}/skus/{sku}/stock-adjustments", product.id(), sku)
			.token(token)
			.idempotencyKey("k-" + sku)
			.json(Map.of("delta", -5))
			.send()
			.expect(404);
		api.get("/api/v1/supplier/products/{id}/price-history", product.id()).token(token).send().expect(404);
		api.put("/api/v1/supplier/products/{id}/images", product.id()).token(token).json(Map.of("imageKeys", List.of())).send().expect(404);
		assertThat(api.get("/api/v1/supplier/products").token(token).send().expect(200).at("/total").asLong()).isZero();

		// the owner's SKU under another of the owner's products is not found either
		var second = fixtures.productOnSale(owner, 100, 1);
		api.put("/api/v1/supplier/products/{id}/skus/{sku}/price", second.id(), sku).token(owner.token()).json(Map.of("price", 1)).send().expect(404);

		var unchanged = api.get("/api/v1/supplier/products/{id}", product.id()).token(owner.token()).send().expect(200);
		assertThat(unchanged.at("/status").asString()).isEqualTo("ON_SALE");
		assertThat(unchanged.at("/skus/0/available").asInt()).isEqualTo(5);
		assertThat(unchanged.at("/skus/0/price/amount").asLong()).isEqualTo(1000);
	}

	@Test
	void productsOfUnverifiedSuppliersAndDraftsAreNotPublic() {
		var pending = fixtures.person("pending-supplier");
		accounts.applyAsSupplier(pending.id(), new SupplierApplication("Not Yet Verified Co.", "91330100MA2X0099", null, null));
		var token = api.post("/api/v1/auth/tokens").json(Map.of("email", pending.email(), "password", pending.password()))
			.send().expect(201).at("/token").asString();
		long id = api.post("/api/v1/supplier/products")
			.token(token)
			.json(Map.of("title", "未驗證面膜", "returnableWithoutReason", true, "skus",
					List.of(Map.of("specValues", List.of(), "price", 100, "stock", 1))))
			.send()
			.expect(201)
			.id();
		api.post("/api/v1/supplier/products/{id}/publish", id).token(token).send().expect(200);
		api.get("/api/v1/products/{id}", id).send().expect(404);
		assertThat(catalog.listing(id)).isEmpty();
		assertThat(catalog.sku(catalog.skus(List.of()).isEmpty() ? -1 : -1)).isEmpty();
		assertThat(api.get("/api/v1/suppliers/{id}/products", pending.id()).send().expect(200).at("/total").asLong()).isZero();

		var supplier = fixtures.verifiedSupplier();
		var draft = api.post("/api/v1/supplier/products")
			.token(supplier.token())
			.json(Map.of("title", "草稿", "returnableWithoutReason", true, "skus",
					List.of(Map.of("specValues", List.of(), "price", 100, "stock", 1))))
			.send()
			.expect(201);
		api.get("/api/v1/products/{id}", draft.id()).send().expect(404);
		assertThat(catalog.sku(draft.at("/skus/0/id").asLong()).orElseThrow().purchasable()).isFalse();

		accounts.verifySupplier(fixtures.operator().id(), pending.id());
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(api.get("/api/v1/products/{id}", id).send().status()).isEqualTo(200));
		assertThat(catalog.listing(id)).isPresent();
	}

	@Test
	void keepsEveryPriceInTheHistory() {
		var supplier = fixtures.verifiedSupplier();
		var product = fixtures.productWithSpecs(supplier, 1000, 5);
		long sku = product.skus().get(0).id();
		api.put("/api/v1/supplier/products/{id}/skus/{sku}/price", product.id(), sku).token(supplier.token()).json(Map.of("price", 900)).send().expect(200);
		var changed = api.put("/api/v1/supplier/products/{id}/skus/{sku}/price", product.id(), sku)
			.token(supplier.token())
			.json(Map.of("price", 1200))
			.send()
			.expect(200);
		assertThat(changed.at("/skus/0/price/amount").asLong()).isEqualTo(1200);
		api.put("/api/v1/supplier/products/{id}/skus/{sku}/price", product.id(), sku).token(supplier.token()).json(Map.of("price", 0)).send().expect(400);

		var history = api.get("/api/v1/supplier/products/{id}/price-history", product.id()).token(supplier.token()).send().expect(200).json();
		List<Long> prices = history.valueStream().filter(h -> h.get("skuId").asLong() == sku).map(h -> h.get("price").get("amount").asLong()).toList();
		assertThat(prices).containsExactly(1200L, 900L, 1000L);
		assertThat(history.size()).isEqualTo(4 + 2);
	}

	@Test
	void adjustsStockOnceForOneIdempotencyKey() {
		var supplier = fixtures.verifiedSupplier();
		var product = fixtures.productOnSale(supplier, 100, 5);
		long sku = product.skus().get(0).id();
		String path = "/api/v1/supplier/products/{id}/skus/{sku}/stock-adjustments";
		var first = api.post(path, product.id(), sku).token(supplier.token()).idempotencyKey("restock-1").json(Map.of("delta", 7)).send().expect(200);
		assertThat(first.at("/available").asInt()).isEqualTo(12);
		var replay = api.post(path, product.id(), sku).token(supplier.token()).idempotencyKey("restock-1").json(Map.of("delta", 7)).send().expect(200);
		assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(replay.at("/available").asInt()).isEqualTo(12);
		var tooMany = api.post(path, product.id(), sku).token(supplier.token()).idempotencyKey("count-2").json(Map.of("delta", -13)).send().expect(422);
		assertThat(tooMany.at("/code").asString()).isEqualTo("stock-negative");
		api.post(path, product.id(), sku).token(supplier.token()).json(Map.of("delta", 1)).send().expect(400);
		assertThat(catalog.publicProduct(product.id()).orElseThrow().skus().get(0).available()).isEqualTo(12);
	}

	@Test
	void storesPicturesInOrderAndRefusesAnythingElse() throws Exception {
		var supplier = fixtures.verifiedSupplier();
		var product = fixtures.productOnSale(supplier, 100, 1);

		var text = upload(supplier, product.id(), "evil.png", "image/png", "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8));
		assertThat(text.getStatus()).isEqualTo(400);
		assertThat(text.getContentAsString()).contains("\"field\":\"file\"");
		byte[] fakePng = new byte[64];
		System.arraycopy(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a }, 0, fakePng, 0, 8);
		assertThat(upload(supplier, product.id(), "fake.png", "image/png", fakePng).getStatus()).isEqualTo(400);
		assertThat(upload(supplier, product.id(), "empty.png", "image/png", new byte[0]).getStatus()).isEqualTo(400);

		var first = upload(supplier, product.id(), "photo.bin", "application/octet-stream", png(Color.RED, 800, 600));
		assertThat(first.getStatus()).isEqualTo(201);
		var second = upload(supplier, product.id(), "b.jpg", "image/jpeg", jpeg(Color.BLUE));
		assertThat(second.getStatus()).isEqualTo(201);
		var details = api.get("/api/v1/supplier/products/{id}", product.id()).token(supplier.token()).send().expect(200).json();
		assertThat(details.get("imageUrls").size()).isEqualTo(2);
		String main = details.get("imageUrls").get(0).asString();
		String other = details.get("imageUrls").get(1).asString();
		assertThat(main).startsWith("/media/products/").endsWith(".png");
		assertThat(other).endsWith(".jpg");

		var image = mvc.perform(get(main)).andReturn().getResponse();
		assertThat(image.getStatus()).isEqualTo(200);
		assertThat(image.getContentType()).isEqualTo("image/png");
		assertThat(image.getHeader("Cache-Control")).contains("max-age");
		var thumbnail = mvc.perform(get(main.replace(".png", "_t.png"))).andReturn().getResponse();
		var decoded = ImageIO.read(new java.io.ByteArrayInputStream(thumbnail.getContentAsByteArray()));
		assertThat(decoded.getWidth()).isEqualTo(400);
		assertThat(decoded.getHeight()).isEqualTo(300);
		assertThat(mvc.perform(get("/media/../application.properties")).andReturn().getResponse().getStatus()).isNotEqualTo(200);

		String mainKey = main.substring("/media/".length());
		String otherKey = other.substring("/media/".length());
		var arranged = api.put("/api/v1/supplier/products/{id}/images", product.id())
			.token(supplier.token())
			.json(Map.of("imageKeys", List.of(otherKey, mainKey)))
			.send()
			.expect(200);
		assertThat(arranged.at("/imageUrls/0").asString()).isEqualTo(other);
		assertThat(catalog.sku(product.skus().get(0).id()).orElseThrow().imageUrl()).isEqualTo(other);
		api.put("/api/v1/supplier/products/{id}/images", product.id())
			.token(supplier.token())
			.json(Map.of("imageKeys", List.of("products/1.png")))
			.send()
			.expect(400);
		var removed = api.put("/api/v1/supplier/products/{id}/images", product.id())
			.token(supplier.token())
			.json(Map.of("imageKeys", List.of(mainKey)))
			.send()
			.expect(200);
		assertThat(removed.at("/imageUrls").size()).isEqualTo(1);
		assertThat(api.get("/api/v1/products/{id}", product.id()).send().expect(200).at("/imageUrls/0").asString()).isEqualTo(main);

		var stranger = fixtures.verifiedSupplier();
		assertThat(upload(stranger, product.id(), "a.png", "image/png", png(Color.GREEN, 10, 10)).getStatus()).isEqualTo(404);
	}

	@Test
	void onlyOperatorsShapeTheCategoryTree() {
		var operator = fixtures.operator();
		var buyer = fixtures.buyer();
		api.post("/api/v1/operator/categories").token(buyer.token()).json(Map.of("nameZh", "x", "nameEn", "x")).send().expect(403);
		long beauty = api.post("/api/v1/operator/categories").token(operator.token())
			.json(Map.of("nameZh", "美妝", "nameEn", "Beauty", "position", 1)).send().expect(201).id();
		long masks = api.post("/api/v1/operator/categories").token(operator.token())
			.json(Map.of("parentId", beauty, "nameZh", "面膜", "nameEn", "Face masks", "position", 1)).send().expect(201).id();
		var missingName = api.post("/api/v1/operator/categories").token(operator.token())
			.json(Map.of("nameZh", "", "nameEn", "Empty")).send().expect(400);
		assertThat(missingName.at("/errors/0/field").asString()).isEqualTo("nameZh");

		var moveBelowItself = api.put("/api/v1/operator/categories/{id}", beauty).token(operator.token())
			.json(Map.of("parentId", masks, "nameZh", "美妝", "nameEn", "Beauty")).send().expect(400);
		assertThat(moveBelowItself.at("/errors/0/field").asString()).isEqualTo("parentId");

		var node = api.get("/api/v1/categories/{id}", masks).send().expect(200);
		assertThat(node.at("/path/0/nameEn").asString()).isEqualTo("Beauty");
		assertThat(node.at("/path/1/nameZh").asString()).isEqualTo("面膜");
		var tree = api.get("/api/v1/categories").send().expect(200).json();
		var beautyNode = tree.valueStream().filter(c -> c.get("id").asLong() == beauty).findFirst().orElseThrow();
		assertThat(beautyNode.get("children").get(0).get("nameEn").asString()).isEqualTo("Face masks");

		var supplier = fixtures.verifiedSupplier();
		var product = fixtures.productOnSale(supplier, 100, 1);
		api.put("/api/v1/supplier/products/{id}", product.id()).token(supplier.token())
			.json(Map.of("title", product.title(), "categoryId", masks, "returnableWithoutReason", true)).send().expect(200);
		assertThat(api.delete("/api/v1/operator/categories/{id}", beauty).token(operator.token()).send().expect(409)
			.at("/code").asString()).isEqualTo("category-not-empty");
		assertThat(catalog.listing(product.id()).orElseThrow().categoryPath()).containsExactly(beauty, masks);

		api.put("/api/v1/operator/categories/{id}", masks).token(operator.token())
			.json(Map.of("nameZh", "面膜", "nameEn", "Sheet masks")).send().expect(200);
		assertThat(catalog.listing(product.id()).orElseThrow().categoryPath()).containsExactly(masks);
		api.delete("/api/v1/operator/categories/{id}", beauty).token(operator.token()).send().expect(204);
		api.get("/api/v1/categories/{id}", beauty).send().expect(404);
	}

	private Map<String, Object> draft(String title, List<Map<String, Object>> skus) {
		return Map.of("title", title, "titleEn", "Cotton T-shirt", "description", "Soft cotton", "returnableWithoutReason",
				true, "specs", SPECS, "skus", skus);
	}

	private MockHttpServletResponse upload(Person supplier, long productId, String name, String type, byte[] bytes)
			throws Exception {
		return mvc.perform(multipart("/api/v1/supplier/products/{id}/images", productId)
			.file(new MockMultipartFile("file", name, type, bytes))
			.header("Authorization", "Bearer " + supplier.token())).andReturn().getResponse();
	}

	static byte[] png(Color colour, int width, int height) throws Exception {
		var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(colour);
		g.fillRect(0, 0, width, height);
		g.dispose();
		var out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	static byte[] jpeg(Color colour) throws Exception {
		var image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(colour);
		g.fillRect(0, 0, 64, 64);
		g.dispose();
		var out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpeg", out);
		return out.toByteArray();
	}
}
