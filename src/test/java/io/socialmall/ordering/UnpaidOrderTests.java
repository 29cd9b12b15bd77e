package io.socialmall.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.socialmall.inventory.Inventory;
import io.socialmall.ordering.internal.OrderSweeper;
import io.socialmall.payment.PaymentStatus;
import io.socialmall.payment.Payments;
import io.socialmall.test.Fixtures;
import io.socialmall.test.MutableClock;
import io.socialmall.test.SocialMallTest;
import io.socialmall.test.TestApi;

/** What happens to an order nobody pays: the buyer cancels it, or the payment timeout does. */
@SocialMallTest
class UnpaidOrderTests {

	@Autowired
	TestApi api;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Inventory inventory;

	@Autowired
	OrderSweeper sweeper;

	@Autowired
	MutableClock clock;

	@Autowired
	Payments payments;

	@Test
	void theTimeoutCancelsUnpaidOrdersAfterThirtyMinutesAndReleasesTheirStock() {
		long sku = fixtures.productOnSale(fixtures.verifiedSupplier(), 1000, 5).skus().get(0).id();
		var buyer = fixtures.buyer();
		var shopping = new Shopping(api);
		var placed = shopping.checkout(buyer, shopping.readyToCheckOut(buyer, sku, 2)).expect(201);
		long order = placed.at("/orders/0/id").asLong();
		long intent = placed.at("/paymentIntentId").asLong();

		clock.advance(Duration.ofMinutes(29));
		sweeper.cancelUnpaid();
		assertThat(status(buyer, order)).isEqualTo("CREATED");
		assertThat(inventory.level(sku).reserved()).isEqualTo(2);

		clock.advance(Duration.ofMinutes(2));
		sweeper.cancelUnpaid();
		var cancelled = api.get("/api/v1/orders/{id}", order).token(buyer.token()).send().expect(200);
		assertThat(cancelled.at("/status").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.at("/cancelReason").asString()).isEqualTo("not paid in time");
		assertThat(cancelled.at("/history/1/from").asString()).isEqualTo("CREATED");
		assertThat(cancelled.at("/history/1/to").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.at("/history/1/actor").asString()).isEqualTo("SYSTEM");
		assertThat(inventory.level(sku).available()).isEqualTo(5);
		assertThat(inventory.level(sku).reserved()).isZero();

		// nobody should pay for it any more
		await().atMost(Duration.ofSeconds(20)).until(() -> payments.find(intent).orElseThrow().status() == PaymentStatus.CANCELLED);

		// a second sweep (or another node) finds nothing left to do
		sweeper.cancelUnpaid();
		assertThat(inventory.level(sku).available()).isEqualTo(5);
		assertThat(api.get("/api/v1/orders/{id}", order).token(buyer.token()).send().expect(200).at("/history").size()).isEqualTo(2);
	}

	@Test
	void theBuyerCancelsAnUnpaidOrderOnceHoweverOftenTheyAsk() {
		long sku = fixtures.productOnSale(fixtures.verifiedSupplier(), 1000, 5).skus().get(0).id();
		var buyer = fixtures.buyer();
		var shopping = new Shopping(api);
		long order = shopping.checkout(buyer, shopping.readyToCheckOut(buyer, sku, 1)).expect(201).at("/orders/0/id").asLong();

		var first = api.post("/api/v1/orders/{id}/cancellation", order).token(buyer.token()).json(Map.of("reason", "changed my mind")).send().expect(200);
		var second = api.post("/api/v1/orders/{id}/cancellation", order).token(buyer.token()).send().expect(200);
		assertThat(first.at("/status").asString()).isEqualTo("CANCELLED");
		assertThat(second.at("/history").size()).isEqualTo(2);
		assertThat(second.at("/history/1/actor").asString()).isEqualTo("BUYER");
		assertThat(second.at("/cancelReason").asString()).isEqualTo("changed my mind");
		assertThat(inventory.level(sku).available()).isEqualTo(5);

		clock.advance(Duration.ofHours(1));
		sweeper.cancelUnpaid();
		assertThat(inventory.level(sku).available()).isEqualTo(5);
	}

	@Test
	void anUnpaidOrderCannotBeShippedOrReceivedAndStrangersCannotTouchIt() {
		var supplier = fixtures.verifiedSupplier();
		long sku = fixtures.productOnSale(supplier, 1000, 5).skus().get(0).id();
		var buyer = fixtures.buyer();
		var shopping = new Shopping(api);
		long order = shopping.checkout(buyer, shopping.readyToCheckOut(buyer, sku, 1)).expect(201).at("/orders/0/id").asLong();

		var ship = Map.of("carrier", "顺丰速运", "trackingNumber", "SF1234567890");
		assertThat(api.post("/api/v1/supplier/orders/{id}/shipment", order).token(supplier.token()).json(ship).send().expect(409)
			.at("/code").asString()).isEqualTo("not-shippable");
		assertThat(api.post("/api/v1/orders/{id}/receipt", order).token(buyer.token()).send().expect(409).at("/code").asString())
			.isEqualTo("not-shipped");

		var stranger = fixtures.buyer();
		api.get("/api/v1/orders/{id}", order).token(stranger.token()).send().expect(404);
		api.post("/api/v1/orders/{id}/cancellation", order).token(stranger.token()).send().expect(404);
		api.post("/api/v1/orders/{id}/receipt", order).token(stranger.token()).send().expect(404);
		var otherSupplier = fixtures.verifiedSupplier();
		api.get("/api/v1/supplier/orders/{id}", order).token(otherSupplier.token()).send().expect(404);
		api.post("/api/v1/supplier/orders/{id}/shipment", order).token(otherSupplier.token()).json(ship).send().expect(404);
		api.get("/api/v1/supplier/orders/{id}", order).token(buyer.token()).send().expect(403);
		api.get("/api/v1/operator/orders/{id}", order).token(buyer.token()).send().expect(403);
		assertThat(api.get("/api/v1/orders").token(stranger.token()).send().expect(200).at("/total").asLong()).isZero();
		assertThat(api.get("/api/v1/supplier/orders").token(otherSupplier.token()).send().expect(200).at("/total").asLong()).isZero();
		assertThat(status(buyer, order)).isEqualTo("CREATED");

		var operator = fixtures.operator();
		var all = api.get("/api/v1/operator/orders?status=CREATED").token(operator.token()).send().expect(200);
		assertThat(all.at("/total").asLong()).isPositive();
		assertThat(api.get("/api/v1/operator/orders/{id}", order).token(operator.token()).send().expect(200).at("/platformFee/amount").asLong())
			.isEqualTo(50);
	}

	@Test
	void listsArePagedAndRefuseBadPaging() {
		long sku = fixtures.productOnSale(fixtures.verifiedSupplier(), 1000, 10).skus().get(0).id();
		var buyer = fixtures.buyer();
		var shopping = new Shopping(api);
		long address = shopping.address(buyer);
		for (int i = 0; i < 3; i++) {
			shopping.add(buyer, sku, 1).expect(200);
			shopping.checkout(buyer, address).expect(201);
		}
		var page = api.get("/api/v1/orders?page=1&size=2").token(buyer.token()).send().expect(200);
		assertThat(page.at("/total").asLong()).isEqualTo(3);
		assertThat(page.at("/items").size()).isEqualTo(1);
		assertThat(api.get("/api/v1/orders?size=1000").token(buyer.token()).send().expect(400).at("/errors/0/field").asString()).isEqualTo("size");
		assertThat(api.get("/api/v1/orders?status=LOST").token(buyer.token()).send().expect(400).at("/errors/0/field").asString()).isEqualTo("status");
	}

	private String status(Fixtures.Person buyer, long order) {
		return api.get("/api/v1/orders/{id}", order).token(buyer.token()).send().expect(200).at("/status").asString();
	}
}
