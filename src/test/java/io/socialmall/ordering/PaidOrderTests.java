package io.socialmall.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.socialmall.inventory.Inventory;
import io.socialmall.ledger.AccountRef;
import io.socialmall.ledger.Ledger;
import io.socialmall.ordering.internal.OrderSweeper;
import io.socialmall.payment.PaymentStatus;
import io.socialmall.payment.Payments;
import io.socialmall.payment.RefundStatus;
import io.socialmall.test.Fixtures;
import io.socialmall.test.Fixtures.Person;
import io.socialmall.test.MutableClock;
import io.socialmall.test.RecordedEvents;
import io.socialmall.test.SocialMallTest;
import io.socialmall.test.TestApi;

/** Orders after payment, paid end to end through the sandbox gateway: shipping, receipt, completion, refunds. */
@SocialMallTest
class PaidOrderTests {

	@Autowired
	TestApi api;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Inventory inventory;

	@Autowired
	Payments payments;

	@Autowired
	Ledger ledger;

	@Autowired
	OrderSweeper sweeper;

	@Autowired
	MutableClock clock;

	@Autowired
	RecordedEvents events;


	Shopping shopping;

	Paying paying;

	@BeforeEach
	void setUp() {
		shopping = new Shopping(api);
		paying = new Paying(api, mvc);
	}

	@Test
	void aCheckoutIsPaidEndToEndThroughTheSandboxAndBooked() {
		var beauty = fixtures.verifiedSupplier();
		var tea = fixtures.verifiedSupplier();
		long mask = fixtures.productOnSale(beauty, 4500, 10).skus().get(0).id();
		long oolong = fixtures.productOnSale(tea, 12800, 10).skus().get(0).id();
		var buyer = fixtures.buyer();
		long address = shopping.readyToCheckOut(buyer, mask, 2);
		shopping.add(buyer, oolong, 1).expect(200);
		var placed = shopping.checkout(buyer, address).expect(201);
		long checkout = placed.id();
		long fees = ledger.balance(AccountRef.platformFees(), "CNY");

		paying.pay(buyer, checkout);

		var maskOrder = api.get("/api/v1/supplier/orders/{id}", CheckoutApiTests.orderOf(placed, beauty.id())).token(beauty.token())
			.send().expect(200);
		assertThat(maskOrder.at("/status").asString()).isEqualTo("PAID");
		assertThat(maskOrder.at("/history/1/actor").asString()).isEqualTo("PAYMENT");
		// goods 90.00 + shipping 10.00; fee 5% of the goods
		assertThat(maskOrder.at("/total/amount").asLong()).isEqualTo(10000);
		assertThat(maskOrder.at("/platformFee/amount").asLong()).isEqualTo(450);
		assertThat(inventory.level(mask).sold()).isEqualTo(2);
		assertThat(inventory.level(mask).reserved()).isZero();
		assertThat(inventory.level(oolong).sold()).isEqualTo(1);
		assertThat(payments.find(placed.at("/paymentIntentId").asLong()).orElseThrow().status()).isEqualTo(PaymentStatus.SUCCEEDED);

		assertThat(ledger.balance(AccountRef.supplierPayable(beauty.id()), "CNY")).isEqualTo(-(10000 - 450));
		assertThat(ledger.balance(AccountRef.supplierPayable(tea.id()), "CNY")).isEqualTo(-(12800 - 640));
		assertThat(ledger.balance(AccountRef.platformFees(), "CNY") - fees).isEqualTo(-(450 + 640));
		assertThat(ledger.balance(AccountRef.buyerFunds(buyer.id()), "CNY")).isZero();
		assertThat(events.count(OrderPaid.class, e -> e.buyerId() == buyer.id())).isEqualTo(2);

		String page = api.get("/api/v1/checkouts/{id}", checkout).token(buyer.token()).send().expect(200).at("/paymentStatus").asString();
		assertThat(page).isEqualTo("SUCCEEDED");
	}

	@Test
	void theSupplierShipsTheBuyerConfirmsAndTheOrderCompletesAfterTheReturnWindow() {
		var supplier = fixtures.verifiedSupplier();
		var buyer = fixtures.buyer();
		long order = paidOrder(supplier, buyer, 3000, 1);

		var ship = Map.of("carrier", "顺丰速运", "trackingNumber", "SF1234567890");
		var shipped = api.post("/api/v1/supplier/orders/{id}/shipment", order).token(supplier.token()).json(ship).send().expect(200);
		assertThat(shipped.at("/status").asString()).isEqualTo("SHIPPED");
		assertThat(shipped.at("/trackingNumber").asString()).isEqualTo("SF1234567890");
		api.post("/api/v1/supplier/orders/{id}/shipment", order).token(supplier.token()).json(ship).send().expect(200);
		assertThat(api.post("/api/v1/supplier/orders/{id}/shipment", order).token(supplier.token())
			.json(Map.of("carrier", "EMS", "trackingNumber", "E1")).send().expect(409).at("/code").asString()).isEqualTo("not-shippable");
		assertThat(api.post("/api/v1/orders/{id}/cancellation", order).token(buyer.token()).send().expect(409).at("/code").asString())
			.isEqualTo("not-cancellable");

		var received = api.post("/api/v1/orders/{id}/receipt", order).token(buyer.token()).send().expect(200);
		assertThat(received.at("/status").asString()).isEqualTo("RECEIVED");
		api.post("/api/v1/orders/{id}/receipt", order).token(buyer.token()).send().expect(200);

		clock.advance(Duration.ofDays(7).minusMinutes(1));
		sweeper.completeReceived();
		assertThat(status(buyer, order)).isEqualTo("RECEIVED");
		clock.advance(Duration.ofMinutes(2));
		sweeper.completeReceived();
		var completed = api.get("/api/v1/orders/{id}", order).token(buyer.token()).send().expect(200);
		assertThat(completed.at("/status").asString()).isEqualTo("COMPLETED");
		assertThat(completed.json().get("history").valueStream().map(h -> h.get("to").asString()))
			.containsExactly("CREATED", "PAID", "SHIPPED", "RECEIVED", "COMPLETED");
		assertThat(events.count(OrderCompleted.class, e -> e.orderId() == order)).isEqualTo(1);
	}

	@Test
	void aShippedOrderIsReceivedAutomaticallyAfterTenDays() {
		var supplier = fixtures.verifiedSupplier();
		var buyer = fixtures.buyer();
		long order = paidOrder(supplier, buyer, 3000, 1);
		api.post("/api/v1/supplier/orders/{id}/shipment", order).token(supplier.token())
			.json(Map.of("carrier", "中通快递", "trackingNumber", "ZT778899")).send().expect(200);

		clock.advance(Duration.ofDays(10).minusMinutes(1));
		sweeper.confirmDelivered();
		assertThat(status(buyer, order)).isEqualTo("SHIPPED");
		clock.advance(Duration.ofMinutes(2));
		sweeper.confirmDelivered();
		var received = api.get("/api/v1/orders/{id}", order).token(buyer.token()).send().expect(200);
		assertThat(received.at("/status").asString()).isEqualTo("RECEIVED");
		assertThat(received.at("/history/3/actor").asString()).isEqualTo("SYSTEM");
		assertThat(events.of(OrderReceived.class, e -> e.orderId() == order)).singleElement()
			.satisfies(e -> assertThat(e.automatic()).isTrue());
	}

	@Test
	void cancellingAPaidOrderBeforeShipmentRestocksItAndRefundsEveryFen() {
		var supplier = fixtures.verifiedSupplier();
		var buyer = fixtures.buyer();
		long sku = fixtures.productOnSale(supplier, 3000, 10).skus().get(0).id();
		long address = shopping.readyToCheckOut(buyer, sku, 3);
		var placed = shopping.checkout(buyer, address).expect(201);
		long order = placed.at("/orders/0/id").asLong();
		long intent = placed.at("/paymentIntentId").asLong();
		paying.pay(buyer, placed.id());
		long fees = ledger.balance(AccountRef.platformFees(), "CNY");

		var cancelled = api.post("/api/v1/orders/{id}/cancellation", order).token(buyer.token()).send().expect(200);
		api.post("/api/v1/orders/{id}/cancellation", order).token(buyer.token()).send().expect(200);

		assertThat(cancelled.at("/status").asString()).isEqualTo("CANCELLED");
		// goods 90.00 and shipping 10.00 come back; the platform gives back its 4.50
		assertThat(cancelled.at("/refundedAmount/amount").asLong()).isEqualTo(9000 + 1000);
		assertThat(cancelled.at("/lines/0/refundedQuantity").asInt()).isEqualTo(3);
		assertThat(inventory.level(sku).available()).isEqualTo(10);
		assertThat(inventory.level(sku).sold()).isZero();
		assertThat(payments.refunds(intent)).singleElement().satisfies(refund -> {
			assertThat(refund.reference()).isEqualTo("order:" + order + ":cancel");
			assertThat(refund.amount().amount()).isEqualTo(10000);
		});
		assertThat(events.of(OrderRefunded.class, e -> e.orderId() == order)).singleElement().satisfies(e -> {
			assertThat(e.amount().amount()).isEqualTo(10000);
			assertThat(e.platformFeeShare().amount()).isEqualTo(450);
			assertThat(e.supplierShare().amount()).isEqualTo(9550);
			assertThat(e.lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(3));
		});
		assertThat(api.post("/api/v1/supplier/orders/{id}/shipment", order).token(supplier.token())
			.json(Map.of("carrier", "EMS", "trackingNumber", "E1")).send().expect(409).at("/code").asString()).isEqualTo("order-cancelled");

		// once the provider has returned the money, the books for this buyer and supplier are back at zero
		await().atMost(Duration.ofSeconds(30))
			.until(() -> payments.refunds(intent).get(0).status() == RefundStatus.SUCCEEDED
					&& ledger.balance(AccountRef.buyerFunds(buyer.id()), "CNY") == 0
					&& ledger.balance(AccountRef.supplierPayable(supplier.id()), "CNY") == 0);
		assertThat(ledger.balance(AccountRef.platformFees(), "CNY") - fees).isEqualTo(450);
	}

	@Test
	void aPaymentThatArrivesAfterTheTimeoutIsRefundedAndTheOrderStaysCancelled() {
		var supplier = fixtures.verifiedSupplier();
		var buyer = fixtures.buyer();
		long sku = fixtures.productOnSale(supplier, 2000, 5).skus().get(0).id();
		var placed = shopping.checkout(buyer, shopping.readyToCheckOut(buyer, sku, 1)).expect(201);
		long order = placed.at("/orders/0/id").asLong();
		long intent = placed.at("/paymentIntentId").asLong();

		// the buyer opens the gateway's page a minute before the deadline and approves two minutes later
		clock.advance(Duration.ofMinutes(29));
		String page = paying.start(buyer, placed.id());
		clock.advance(Duration.ofMinutes(2));
		sweeper.cancelUnpaid();
		assertThat(status(buyer, order)).isEqualTo("CANCELLED");
		paying.approve(page);

		await().atMost(Duration.ofSeconds(30)).until(() -> !payments.refunds(intent).isEmpty());
		assertThat(payments.refunds(intent)).singleElement().satisfies(refund -> {
			assertThat(refund.reference()).isEqualTo("order:" + order + ":late-payment");
			assertThat(refund.amount().amount()).isEqualTo(3000);
		});
		assertThat(status(buyer, order)).isEqualTo("CANCELLED");
		assertThat(inventory.level(sku).available()).isEqualTo(5);
		assertThat(inventory.level(sku).sold()).isZero();
		assertThat(events.count(OrderPaid.class, e -> e.orderId() == order)).isZero();
		await().atMost(Duration.ofSeconds(30)).until(() -> ledger.balance(AccountRef.buyerFunds(buyer.id()), "CNY") == 0
				&& payments.refunds(intent).get(0).status() == RefundStatus.SUCCEEDED);

	}

	@Test
	void aPaymentBeforeTheTimeoutWinsAndTheTimeoutLeavesThePaidOrderAlone() {
		var supplier = fixtures.verifiedSupplier();
		var buyer = fixtures.buyer();
		long sku = fixtures.productOnSale(supplier, 2000, 5).skus().get(0).id();
		var placed = shopping.checkout(buyer, shopping.readyToCheckOut(buyer, sku, 1)).expect(201);
		long order = placed.at("/orders/0/id").asLong();
		clock.advance(Duration.ofMinutes(10));
		paying.pay(buyer, placed.id());
		clock.advance(Duration.ofMinutes(30));
		sweeper.cancelUnpaid();
		assertThat(status(buyer, order)).isEqualTo("PAID");
		assertThat(payments.refunds(placed.at("/paymentIntentId").asLong())).isEmpty();
		assertThat(inventory.level(sku).sold()).isEqualTo(1);
	}

	@Test
	void theBuyerCannotPayACheckoutTwiceOrOneTheTimeoutCancelled() {
		var supplier = fixtures.verifiedSupplier();
		var buyer = fixtures.buyer();
		long sku = fixtures.productOnSale(supplier, 2000, 5).skus().get(0).id();
		long paid = shopping.checkout(buyer, shopping.readyToCheckOut(buyer, sku, 1)).expect(201).id();
		paying.pay(buyer, paid);
		assertThat(api.post("/api/v1/checkouts/{id}/payment", paid).token(buyer.token()).idempotencyKey("again-" + paid)
			.json(Map.of()).send().expect(409).at("/code").asString()).isEqualTo("nothing-to-pay");

		shopping.add(buyer, sku, 1).expect(200);
		long late = shopping.checkout(buyer, api.get("/api/v1/addresses").token(buyer.token()).send().expect(200).at("/0/id").asLong())
			.expect(201).id();
		clock.advance(Duration.ofMinutes(31));
		sweeper.cancelUnpaid();
		assertThat(api.post("/api/v1/checkouts/{id}/payment", late).token(buyer.token()).idempotencyKey("late-" + late)
			.json(Map.of()).send().expect(409).at("/code").asString()).isEqualTo("nothing-to-pay");
	}

	private long paidOrder(Person supplier, Person buyer, long price, int quantity) {
		return paying.paidOrder(fixtures, supplier, buyer, price, quantity);
	}

	private String status(Person buyer, long order) {
		return api.get("/api/v1/orders/{id}", order).token(buyer.token()).send().expect(200).at("/status").asString();
	}
}
