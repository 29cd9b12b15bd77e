package io.socialmall.cart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import io.socialmall.catalog.ProductManagement;
import io.socialmall.test.Fixtures;
import io.socialmall.test.SocialMallTest;
import io.socialmall.test.TestApi;

@SocialMallTest
class CartApiTests {

	@Autowired
	TestApi api;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ProductManagement products;

	@Autowired
	TransactionTemplate tx;

	@Test
	void aGuestGetsATokenAndKeepsTheirCartWithIt() {
		long sku = sku(1990, 10);
		var added = api.post("/api/v1/cart/items").json(Map.of("skuId", sku, "quantity", 2)).send().expect(200);
		String token = added.header("X-Cart-Token");
		assertThat(token).isNotBlank().isEqualTo(added.at("/token").asString());
		assertThat(added.at("/items/0/quantity").asInt()).isEqualTo(2);

		var again = api.post("/api/v1/cart/items").header("X-Cart-Token", token).json(Map.of("skuId", sku, "quantity", 1)).send().expect(200);
		assertThat(again.at("/items/0/quantity").asInt()).isEqualTo(3);
		assertThat(again.at("/selectedTotal/amount").asLong()).isEqualTo(3 * 1990);

		var anonymous = api.get("/api/v1/cart").send().expect(200);
		assertThat(anonymous.at("/items").size()).isZero();
	}

	@Test
	void showsPriceChangesSinceAnItemWasAdded() {
		var supplier = fixtures.verifiedSupplier();
		var product = fixtures.productOnSale(supplier, 5000, 10);
		long sku = product.skus().get(0).id();
		var buyer = fixtures.buyer();
		api.post("/api/v1/cart/items").token(buyer.token()).json(Map.of("skuId", sku, "quantity", 1)).send().expect(200);
		tx.executeWithoutResult(s -> products.changePrice(supplier.id(), sku, 4500));

		var cart = api.get("/api/v1/cart").token(buyer.token()).send().expect(200);
		assertThat(cart.at("/items/0/addedPrice/amount").asLong()).isEqualTo(5000);
		assertThat(cart.at("/items/0/price/amount").asLong()).isEqualTo(4500);
		assertThat(cart.at("/items/0/priceChange/amount").asLong()).isEqualTo(-500);
		assertThat(cart.at("/selectedTotal/amount").asLong()).isEqualTo(4500);
	}

	@Test
	void refusesQuantitiesThatAreNotPositiveOrTooLargeNamingTheField() {
		long sku = sku(1000, 5);
		var buyer = fixtures.buyer();
		for (int quantity : new int[] { 0, -3 }) {
			var refused = api.post("/api/v1/cart/items").token(buyer.token()).json(Map.of("skuId", sku, "quantity", quantity)).send().expect(400);
			assertThat(refused.at("/errors/0/field").asString()).isEqualTo("quantity");
		}
		var tooMany = api.post("/api/v1/cart/items").token(buyer.token()).json(Map.of("skuId", sku, "quantity", 1000)).send().expect(400);
		assertThat(tooMany.at("/errors/0/field").asString()).isEqualTo("quantity");
		var overflow = api.post("/api/v1/cart/items")
			.token(buyer.token())
			.raw("{\"skuId\": " + sku + ", \"quantity\": 99999999999999}", "application/json")
			.send()
			.expect(400);
		assertThat(overflow.at("/errors/0/field").asString()).isEqualTo("quantity");
		var moreThanStock = api.post("/api/v1/cart/items").token(buyer.token()).json(Map.of("skuId", sku, "quantity", 6)).send().expect(409);
		assertThat(moreThanStock.at("/code").asString()).isEqualTo("insufficient-stock");
		assertThat(api.get("/api/v1/cart").token(buyer.token()).send().expect(200).at("/items").size()).isZero();
	}

	@Test
	void refusesUnknownSkusMalformedJsonAndGoodsNotOnSale() {
		var buyer = fixtures.buyer();
		var unknown = api.post("/api/v1/cart/items").token(buyer.token()).json(Map.of("skuId", 42, "quantity", 1)).send().expect(400);
		assertThat(unknown.at("/errors/0/field").asString()).isEqualTo("skuId");
		var malformed = api.post("/api/v1/cart/items").token(buyer.token()).raw("{\"skuId\": ", "application/json").send().expect(400);
		assertThat(malformed.at("/code").asString()).isEqualTo("malformed-json");
		var missing = api.post("/api/v1/cart/items").token(buyer.token()).json(Map.of("quantity", 1)).send().expect(400);
		assertThat(missing.at("/errors/0/field").asString()).isEqualTo("skuId");

		var supplier = fixtures.verifiedSupplier();
		var product = fixtures.productOnSale(supplier, 1000, 5);
		tx.executeWithoutResult(s -> products.unpublish(supplier.id(), product.id()));
		var offSale = api.post("/api/v1/cart/items")
			.token(buyer.token())
			.json(Map.of("skuId", product.skus().get(0).id(), "quantity", 1))
			.send()
			.expect(409);
		assertThat(offSale.at("/code").asString()).isEqualTo("not-purchasable");
		assertThat(api.get("/api/v1/cart").token(buyer.token()).send().expect(200).at("/items").size()).isZero();
	}

	@Test
	void changesSelectsAndRemovesLines() {
		long a = sku(1000, 10);
		long b = sku(2000, 10);
		var buyer = fixtures.buyer();
		api.post("/api/v1/cart/items").token(buyer.token()).json(Map.of("skuId", a, "quantity", 1)).send().expect(200);
		api.post("/api/v1/cart/items").token(buyer.token()).json(Map.of("skuId", b, "quantity", 1)).send().expect(200);
		var changed = api.patch("/api/v1/cart/items/{sku}", a).token(buyer.token()).json(Map.of("quantity", 4)).send().expect(200);
		assertThat(changed.at("/selectedTotal/amount").asLong()).isEqualTo(4 * 1000 + 2000);
		var unselected = api.patch("/api/v1/cart/items/{sku}", b).token(buyer.token()).json(Map.of("selected", false)).send().expect(200);
		assertThat(unselected.at("/selectedCount").asInt()).isEqualTo(1);
		assertThat(unselected.at("/selectedTotal/amount").asLong()).isEqualTo(4000);
		var tooMany = api.patch("/api/v1/cart/items/{sku}", a).token(buyer.token()).json(Map.of("quantity", 11)).send().expect(409);
		assertThat(tooMany.at("/code").asString()).isEqualTo("insufficient-stock");
		api.delete("/api/v1/cart/items/{sku}", a).token(buyer.token()).send().expect(200);
		assertThat(api.get("/api/v1/cart").token(buyer.token()).send().expect(200).at("/items").size()).isEqualTo(1);
	}

	@Test
	void aGuestCartMergesIntoTheMembersCartOnTheirFirstSignedInRequest() {
		long a = sku(1000, 10);
		long b = sku(2000, 10);
		var buyer = fixtures.buyer();
		api.post("/api/v1/cart/items").token(buyer.token()).json(Map.of("skuId", a, "quantity", 1)).send().expect(200);
		String guest = api.post("/api/v1/cart/items").json(Map.of("skuId", a, "quantity", 2)).send().expect(200).header("X-Cart-Token");
		api.post("/api/v1/cart/items").header("X-Cart-Token", guest).json(Map.of("skuId", b, "quantity", 1)).send().expect(200);

		var merged = api.get("/api/v1/cart").token(buyer.token()).header("X-Cart-Token", guest).send().expect(200);
		assertThat(merged.at("/token").isNull()).isTrue();
		assertThat(merged.at("/items").size()).isEqualTo(2);
		assertThat(merged.at("/selectedTotal/amount").asLong()).isEqualTo(3 * 1000 + 2000);
		assertThat(api.get("/api/v1/cart").header("X-Cart-Token", guest).send().expect(200).at("/items").size()).isZero();

		// sent again, the spent token changes nothing
		var again = api.get("/api/v1/cart").token(buyer.token()).header("X-Cart-Token", guest).send().expect(200);
		assertThat(again.at("/selectedTotal/amount").asLong()).isEqualTo(5000);
	}

	@Test
	void mergesExplicitlyOverTheApi() {
		long a = sku(1000, 10);
		var buyer = fixtures.buyer();
		String guest = api.post("/api/v1/cart/items").json(Map.of("skuId", a, "quantity", 2)).send().expect(200).header("X-Cart-Token");
		var merged = api.post("/api/v1/cart/merge").token(buyer.token()).json(Map.of("token", guest)).send().expect(200);
		assertThat(merged.at("/items/0/quantity").asInt()).isEqualTo(2);
		api.post("/api/v1/cart/merge").json(Map.of("token", guest)).send().expect(401);
	}

	@Test
	void anotherPersonsCartLinesCannotBeChangedOrRemoved() {
		long a = sku(1000, 10);
		var ann = fixtures.buyer();
		var bob = fixtures.buyer();
		api.post("/api/v1/cart/items").token(ann.token()).json(Map.of("skuId", a, "quantity", 1)).send().expect(200);
		String guest = api.post("/api/v1/cart/items").json(Map.of("skuId", a, "quantity", 3)).send().expect(200).header("X-Cart-Token");

		api.patch("/api/v1/cart/items/{sku}", a).token(bob.token()).json(Map.of("quantity", 5)).send().expect(404);
		api.delete("/api/v1/cart/items/{sku}", a).token(bob.token()).send().expect(404);
		api.patch("/api/v1/cart/items/{sku}", a).json(Map.of("quantity", 5)).send().expect(404);
		api.delete("/api/v1/cart/items/{sku}", a).header("X-Cart-Token", "x".repeat(43)).send().expect(404);
		assertThat(api.get("/api/v1/cart").token(bob.token()).send().expect(200).at("/items").size()).isZero();

		assertThat(api.get("/api/v1/cart").token(ann.token()).send().expect(200).at("/items/0/quantity").asInt()).isEqualTo(1);
		assertThat(api.get("/api/v1/cart").header("X-Cart-Token", guest).send().expect(200).at("/items/0/quantity").asInt()).isEqualTo(3);
	}

	private long sku(long price, int stock) {
		return fixtures.productOnSale(fixtures.verifiedSupplier(), price, stock).skus().get(0).id();
	}
}
