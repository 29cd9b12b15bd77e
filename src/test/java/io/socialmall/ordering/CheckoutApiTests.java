package io.socialmall.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.socialmall.catalog.ProductManagement;
import io.socialmall.inventory.Inventory;
import io.socialmall.payment.Payments;
import io.socialmall.test.Fixtures;
import io.socialmall.test.SocialMallTest;
import io.socialmall.test.TestApi;

@SocialMallTest
class CheckoutApiTests {

	@Autowired
	TestApi api;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Inventory inventory;

	@Autowired
	Payments payments;

	@Autowired
	ProductManagement products;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	@Test
	void placesOneOrderPerSupplierWithItsShippingAndOnePaymentForAll() {
		var thrifty = fixtures.verifiedSupplier();
		var plain = fixtures.verifiedSupplier();
		api.put("/api/v1/supplier/shipping-rule").token(thrifty.token()).json(Map.of("flatFee", 800, "freeOver", 5000)).send().expect(200);
		long a = fixtures.productOnSale(thrifty, 3000, 10).skus().get(0).id();
		long b = fixtures.productOnSale(plain, 2500, 10).skus().get(0).id();
		var buyer = fixtures.buyer();
		var shopping = new Shopping(api);
		long address = shopping.address(buyer);
		shopping.add(buyer, a, 2).expect(200);
		shopping.add(buyer, b, 1).expect(200);

		var preview = api.get("/api/v1/checkouts/preview").token(buyer.token()).send().expect(200);
		assertThat(preview.at("/total/amount").asLong()).isEqualTo(6000 + 0 + 2500 + 1000);

		var placed = shopping.checkout(buyer, address).expect(201);
		assertThat(placed.header("Idempotent-Replayed")).isEqualTo("false");
		assertThat(placed.at("/total/amount").asLong()).isEqualTo(9500);
		assertThat(placed.at("/orders").size()).isEqualTo(2);

		var intent = payments.find(placed.at("/paymentIntentId").asLong()).orElseThrow();
		assertThat(intent.reference()).isEqualTo("checkout:" + placed.id());
		assertThat(intent.amount().amount()).isEqualTo(9500);
		assertThat(intent.payerId()).isEqualTo(buyer.id());

		long thriftyOrder = orderOf(placed, thrifty.id());
		var free = api.get("/api/v1/supplier/orders/{id}", thriftyOrder).token(thrifty.token()).send().expect(200);
		assertThat(free.at("/status").asString()).isEqualTo("CREATED");
		assertThat(free.at("/goodsAmount/amount").asLong()).isEqualTo(6000);
		assertThat(free.at("/shippingFee/amount").asLong()).isZero();
		assertThat(free.at("/platformFee/amount").asLong()).isEqualTo(300);
		assertThat(free.at("/supplierAmount/amount").asLong()).isEqualTo(5700);
		assertThat(free.at("/lines/0/unitPrice/amount").asLong()).isEqualTo(3000);
		assertThat(free.at("/lines/0/quantity").asInt()).isEqualTo(2);
		assertThat(free.at("/shippingAddress/name").asString()).isEqualTo("王小明");
		assertThat(free.at("/history/0/to").asString()).isEqualTo("CREATED");
		assertThat(free.at("/history/0/actor").asString()).isEqualTo("BUYER");

		long plainOrder = orderOf(placed, plain.id());
		var mine = api.get("/api/v1/orders/{id}", plainOrder).token(buyer.token()).send().expect(200);
		assertThat(mine.at("/shippingFee/amount").asLong()).isEqualTo(1000);
		assertThat(mine.at("/total/amount").asLong()).isEqualTo(3500);
		assertThat(mine.at("/platformFee").isNull()).isTrue();
		assertThat(mine.at("/orderNo").asString()).matches("\\d{18}").isNotEqualTo(free.at("/orderNo").asString());

		assertThat(inventory.level(a).reserved()).isEqualTo(2);
		assertThat(inventory.level(a).available()).isEqualTo(8);
		assertThat(inventory.level(b).reserved()).isEqualTo(1);
		assertThat(api.get("/api/v1/cart").token(buyer.token()).send().expect(200).at("/items").size()).isZero();
	}

	@Test
	void platformFeeAndSupplierAmountAreFrozenWhenPricesChangeLater() {
		var supplier = fixtures.verifiedSupplier();
		var product = fixtures.productOnSale(supplier, 1999, 10);
		long sku = product.skus().get(0).id();
		var buyer = fixtures.buyer();
		var shopping = new Shopping(api);
		long address = shopping.readyToCheckOut(buyer, sku, 3);
		long order = shopping.checkout(buyer, address).expect(201).at("/orders/0/id").asLong();
		tx.executeWithoutResult(s -> products.changePrice(supplier.id(), sku, 9999));

		var view = api.get("/api/v1/supplier/orders/{id}", order).token(supplier.token()).send().expect(200);
		assertThat(view.at("/goodsAmount/amount").asLong()).isEqualTo(5997);
		assertThat(view.at("/platformFee/amount").asLong()).isEqualTo(300);
		assertThat(view.at("/shippingFee/amount").asLong()).isEqualTo(1000);
		assertThat(view.at("/supplierAmount/amount").asLong()).isEqualTo(5997 + 1000 - 300);
	}

	@Test
	void requiresConfirmingGoodsThatCannotBeReturnedWithoutReasonAndStoresIt() {
		var supplier = fixtures.verifiedSupplier();
		long sku = fixtures.productOnSale(supplier, "定制刻字钢笔", 8800, 5, false).skus().get(0).id();
		var buyer = fixtures.buyer();
		var shopping = new Shopping(api);
		long address = shopping.readyToCheckOut(buyer, sku, 1);

		var refused = shopping.checkout(buyer, address).expect(422);
		assertThat(refused.at("/code").asString()).isEqualTo("confirmation-required");
		assertThat(refused.at("/errors/0/field").asString()).isEqualTo("confirmNonReturnable");
		assertThat(inventory.level(sku).available()).isEqualTo(5);
		assertThat(api.get("/api/v1/orders").token(buyer.token()).send().expect(200).at("/total").asLong()).isZero();

		var placed = shopping.checkout(buyer, address, sku).expect(201);
		var order = api.get("/api/v1/orders/{id}", placed.at("/orders/0/id").asLong()).token(buyer.token()).send().expect(200);
		assertThat(order.at("/lines/0/returnableWithoutReason").asBoolean()).isFalse();
		assertThat(order.at("/lines/0/nonReturnableConfirmed").asBoolean()).isTrue();
	}

	@Test
	void theSameKeyReplaysTheFirstCheckoutAndAnotherBodyIsRefused() {
		long sku = fixtures.productOnSale(fixtures.verifiedSupplier(), 1000, 10).skus().get(0).id();
		var buyer = fixtures.buyer();
		var shopping = new Shopping(api);
		long address = shopping.readyToCheckOut(buyer, sku, 1);
		String key = UUID.randomUUID().toString();

		var first = shopping.checkout(buyer, key, address, List.of()).expect(201);
		var again = shopping.checkout(buyer, key, address, List.of()).expect(201);
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(again.id()).isEqualTo(first.id());
		assertThat(again.at("/orders/0/orderNo").asString()).isEqualTo(first.at("/orders/0/orderNo").asString());
		assertThat(inventory.level(sku).reserved()).isEqualTo(1);

		var other = shopping.checkout(buyer, key, address, List.of(sku)).expect(422);
		assertThat(other.at("/code").asString()).isEqualTo("idempotency-key-reused");

		var missing = api.post("/api/v1/checkouts").token(buyer.token()).json(Map.of("addressId", address)).send().expect(400);
		assertThat(missing.at("/code").asString()).isEqualTo("idempotency-key-required");
	}

	@Test
	void aSoldOutLineLeavesNothingBehind() {
		var supplier = fixtures.verifiedSupplier();
		long plenty = fixtures.productOnSale(supplier, 1000, 5).skus().get(0).id();
		long scarce = fixtures.productOnSale(supplier, 1000, 1).skus().get(0).id();
		var buyer = fixtures.buyer();
		var rival = fixtures.buyer();
		var shopping = new Shopping(api);
		long address = shopping.readyToCheckOut(buyer, plenty, 2);
		shopping.add(buyer, scarce, 1).expect(200);
		shopping.checkout(rival, shopping.readyToCheckOut(rival, scarce, 1)).expect(201);

		var soldOut = shopping.checkout(buyer, address).expect(409);
		assertThat(soldOut.at("/code").asString()).isEqualTo("sold-out");
		assertThat(inventory.level(plenty).available()).isEqualTo(5);
		assertThat(inventory.level(plenty).reserved()).isZero();
		assertThat(api.get("/api/v1/orders").token(buyer.token()).send().expect(200).at("/total").asLong()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM checkouts WHERE buyer_id = :b").param("b", buyer.id()).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM payment_intents WHERE payer_id = :b").param("b", buyer.id()).query(Long.class).single())
			.isZero();
		assertThat(api.get("/api/v1/cart").token(buyer.token()).send().expect(200).at("/items").size()).isEqualTo(2);
	}

	@Test
	void refusesBadCheckoutsWithAClearProblem() {
		var supplier = fixtures.verifiedSupplier();
		var product = fixtures.productOnSale(supplier, 1000, 5);
		long sku = product.skus().get(0).id();
		var buyer = fixtures.buyer();
		var other = fixtures.buyer();
		var shopping = new Shopping(api);
		long othersAddress = shopping.address(other);
		long address = shopping.address(buyer);

		assertThat(shopping.checkout(buyer, address).expect(400).at("/errors/0/field").asString()).isEqualTo("skuIds");
		shopping.add(buyer, sku, 1).expect(200);
		shopping.checkout(buyer, othersAddress).expect(404);
		var notInCart = api.post("/api/v1/checkouts").token(buyer.token()).idempotencyKey(UUID.randomUUID().toString())
			.json(Map.of("addressId", address, "skuIds", List.of(sku + 1))).send().expect(400);
		assertThat(notInCart.at("/errors/0/field").asString()).isEqualTo("skuIds");
		var priceMoved = api.post("/api/v1/checkouts").token(buyer.token()).idempotencyKey(UUID.randomUUID().toString())
			.json(Map.of("addressId", address, "expectedTotal", 1)).send().expect(409);
		assertThat(priceMoved.at("/code").asString()).isEqualTo("price-changed");
		var negative = api.post("/api/v1/checkouts").token(buyer.token()).idempotencyKey(UUID.randomUUID().toString())
			.json(Map.of("addressId", address, "items", List.of(Map.of("skuId", sku, "quantity", -1)))).send().expect(400);
		assertThat(negative.at("/errors/0/field").asString()).isEqualTo("items[0].quantity");
		api.post("/api/v1/checkouts").token(buyer.token()).idempotencyKey(UUID.randomUUID().toString())
			.raw("{\"addressId\": 1, \"skuIds\": [", "application/json").send().expect(400);
		api.post("/api/v1/checkouts").token(buyer.token()).idempotencyKey("  ")
			.json(Map.of("addressId", address)).send().expect(400);
		tx.executeWithoutResult(s -> products.unpublish(supplier.id(), product.id()));
		assertThat(shopping.checkout(buyer, address).expect(409).at("/code").asString()).isEqualTo("not-purchasable");

		assertThat(inventory.level(sku).reserved()).isZero();
		assertThat(api.get("/api/v1/orders").token(buyer.token()).send().expect(200).at("/total").asLong()).isZero();
	}

	@Test
	void buysNowWithoutTouchingTheCart() {
		long inCart = fixtures.productOnSale(fixtures.verifiedSupplier(), 1000, 5).skus().get(0).id();
		long now = fixtures.productOnSale(fixtures.verifiedSupplier(), 12000, 5).skus().get(0).id();
		var buyer = fixtures.buyer();
		var shopping = new Shopping(api);
		long address = shopping.readyToCheckOut(buyer, inCart, 1);

		var placed = api.post("/api/v1/checkouts").token(buyer.token()).idempotencyKey(UUID.randomUUID().toString())
			.json(Map.of("addressId", address, "items", List.of(Map.of("skuId", now, "quantity", 2)))).send().expect(201);
		assertThat(placed.at("/total/amount").asLong()).isEqualTo(24000);
		assertThat(inventory.level(now).reserved()).isEqualTo(2);
		assertThat(api.get("/api/v1/cart").token(buyer.token()).send().expect(200).at("/items/0/skuId").asLong()).isEqualTo(inCart);
	}

	@Test
	void aCheckoutIsOnlyVisibleToItsBuyer() {
		long sku = fixtures.productOnSale(fixtures.verifiedSupplier(), 1000, 5).skus().get(0).id();
		var buyer = fixtures.buyer();
		var shopping = new Shopping(api);
		long id = shopping.checkout(buyer, shopping.readyToCheckOut(buyer, sku, 1)).expect(201).id();
		api.get("/api/v1/checkouts/{id}", id).token(buyer.token()).send().expect(200);
		api.get("/api/v1/checkouts/{id}", id).token(fixtures.buyer().token()).send().expect(404);
		api.post("/api/v1/checkouts/{id}/payment", id).token(fixtures.buyer().token()).idempotencyKey("k1").send().expect(404);
	}

	static long orderOf(TestApi.Response checkout, long supplierId) {
		for (var order : checkout.json().get("orders")) {
			if (order.get("supplierId").asLong() == supplierId) {
				return order.get("id").asLong();
			}
		}
		throw new AssertionError("no order for supplier " + supplierId);
	}
}
