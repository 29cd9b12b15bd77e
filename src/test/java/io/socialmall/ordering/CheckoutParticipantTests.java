package io.socialmall.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import io.socialmall.catalog.ProductManagement;
import io.socialmall.core.DomainException;
import io.socialmall.core.Money;
import io.socialmall.inventory.Inventory;
import io.socialmall.ledger.AccountRef;
import io.socialmall.ledger.Ledger;
import io.socialmall.ordering.CheckoutDraft.Funder;
import io.socialmall.test.Fixtures;
import io.socialmall.test.Fixtures.Person;
import io.socialmall.test.RecordedEvents;
import io.socialmall.test.ScriptedParticipant;
import io.socialmall.test.SocialMallTest;
import io.socialmall.test.TestApi;
import tools.jackson.databind.JsonNode;

/**
 * The checkout pricing SPI through the real API: a participant charges a reseller's price on a line from a
 * source, names the reseller and freezes a commission rate, a platform coupon and a supplier discount are
 * split over their lines, and ordering freezes all of it, books it when paid and gives it back when refunded.
 */
@SocialMallTest
class CheckoutParticipantTests {

	@Autowired
	TestApi api;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ScriptedParticipant participant;

	@Autowired
	ProductManagement products;

	@Autowired
	Ledger ledger;

	@Autowired
	Inventory inventory;

	@Autowired
	RecordedEvents events;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	/** Two suppliers, a buyer with four cart lines (one SKU twice: from a shop and from its page), a reseller. */
	final class Scene {

		final Person a = fixtures.verifiedSupplier();
		final Person b = fixtures.verifiedSupplier();
		final Person reseller = fixtures.buyer();
		final Person buyer = fixtures.buyer();
		final long a1 = fixtures.productOnSale(a, 4000, 20).skus().get(0).id();
		final long a2 = fixtures.productOnSale(a, 2500, 20).skus().get(0).id();
		final long b1 = fixtures.productOnSale(b, 3000, 20).skus().get(0).id();
		final Shopping shopping = new Shopping(api);
		final long address = shopping.address(buyer);

		Scene() {
			shopping.add(buyer, a1, 1).expect(200);
			api.post("/api/v1/cart/items").token(buyer.token()).json(Map.of("skuId", a1, "quantity", 2, "source", "test:shop"))
				.send().expect(200);
			shopping.add(buyer, a2, 1).expect(200);
			shopping.add(buyer, b1, 1).expect(200);
			participant.forBuyer(buyer.id(), draft -> {
				for (var line : draft.linesFrom("test:")) {
					line.charge(Money.cny(5000), "shop").reseller(reseller.id()).commissionBps(800);
				}
				if (draft.couponIds().contains(77L)) {
					draft.addDiscount("coupon:77", "10% off", Funder.PLATFORM, null, Money.cny(1950),
							IntStream.range(0, draft.lines().size()).boxed().toList());
				}
				var aLines = draft.lines().stream().filter(l -> l.supplierId() == a.id()).map(CheckoutDraft.Line::index).toList();
				draft.addDiscount("supplier-a", "A's treat", Funder.SUPPLIER, a.id(), Money.cny(725), aLines);
			});
		}

		TestApi.Response checkout() {
			Map<String, Object> body = new HashMap<>();
			body.put("addressId", address);
			body.put("couponIds", List.of(77));
			return api.post("/api/v1/checkouts").token(buyer.token()).idempotencyKey(UUID.randomUUID().toString()).json(body)
				.send();
		}

		JsonNode supplierOrder(TestApi.Response placed, Person supplier) {
			return api.get("/api/v1/supplier/orders/{id}", CheckoutApiTests.orderOf(placed, supplier.id()))
				.token(supplier.token()).send().expect(200).json();
		}
	}

	@Test
	void participantsPriceLinesAndDiscountsAndOrderingFreezesTheSplit() {
		Scene s = new Scene();
		// draft lines: a1 (no source), a1 (test:shop) x2, a2, b1; subtotals 4000, 10000, 2500, 3000
		var preview = api.get("/api/v1/checkouts/preview?couponIds=77").token(s.buyer.token()).send().expect(200);
		assertThat(preview.at("/discount/amount").asLong()).isEqualTo(1950 + 725);
		assertThat(preview.at("/total/amount").asLong()).isEqualTo(17825);

		var placed = s.checkout().expect(201);
		assertThat(placed.at("/total/amount").asLong()).as("what the preview said").isEqualTo(17825);

		JsonNode a = s.supplierOrder(placed, s.a);
		// platform 10% of each line's price; supplier A 725 over what A is owed, 4000:8000:2500 = 200, 400, 125
		assertThat(a.at("/discount/amount").asLong()).isEqualTo(600 + 1400 + 375);
		assertThat(a.at("/goodsAmount/amount").asLong()).isEqualTo(3400 + 8600 + 2125);
		assertThat(a.at("/shippingFee/amount").asLong()).as("free from 99.00 after discounts").isZero();
		assertThat(a.at("/total/amount").asLong()).isEqualTo(14125);
		assertThat(a.at("/resellerMargin/amount").asLong()).isEqualTo(2000);
		assertThat(a.at("/platformSubsidy/amount").asLong()).isEqualTo(1650);
		// fee on what the supplier is owed: 4000 + 2 x 4000 + 2500 - 725 = 13775, 5% = 688.75
		assertThat(a.at("/platformFee/amount").asLong()).isEqualTo(689);
		assertThat(a.at("/supplierAmount/amount").asLong()).isEqualTo(14125 - 689 - 2000 + 1650);
		JsonNode shopLine = line(a, "test:shop");
		assertThat(shopLine.at("/unitPrice/amount").asLong()).isEqualTo(5000);
		assertThat(shopLine.at("/listPrice/amount").asLong()).isEqualTo(4000);
		assertThat(shopLine.at("/supplierUnitPrice/amount").asLong()).isEqualTo(4000);
		assertThat(shopLine.at("/discount/amount").asLong()).isEqualTo(1400);
		assertThat(shopLine.at("/amount/amount").asLong()).isEqualTo(8600);
		assertThat(shopLine.at("/resellerId").asLong()).isEqualTo(s.reseller.id());
		assertThat(shopLine.at("/resellerMargin/amount").asLong()).isEqualTo(2000);
		assertThat(shopLine.at("/commissionBps").asInt()).isEqualTo(800);
		assertThat(shopLine.at("/priceSource").asString()).isEqualTo("shop");
		JsonNode plainLine = line(a, null);
		assertThat(plainLine.at("/unitPrice/amount").asLong()).isEqualTo(4000);
		assertThat(plainLine.at("/resellerId").isNull()).isTrue();
		assertThat(plainLine.at("/priceSource").asString()).isEqualTo("catalog");

		JsonNode b = s.supplierOrder(placed, s.b);
		assertThat(b.at("/total/amount").asLong()).isEqualTo(2700 + 1000);
		assertThat(b.at("/platformFee/amount").asLong()).isEqualTo(150);
		assertThat(b.at("/supplierAmount/amount").asLong()).isEqualTo(3700 - 150 + 300);

		// the buyer sees prices and discounts, not the trade's split
		var mine = api.get("/api/v1/orders/{id}", a.get("id").asLong()).token(s.buyer.token()).send().expect(200);
		assertThat(mine.at("/discount/amount").asLong()).isEqualTo(2375);
		assertThat(mine.at("/resellerMargin").isNull()).isTrue();
		assertThat(line(mine.json(), "test:shop").at("/supplierUnitPrice").isNull()).isTrue();

		// placed() was told where each draft line went
		var told = participant.placedFor(s.buyer.id());
		assertThat(told).hasSize(1);
		assertThat(told.get(0).checkoutId()).isEqualTo(placed.id());
		assertThat(told.get(0).line(1).lineId()).isEqualTo(shopLine.get("id").asLong());
		assertThat(told.get(0).line(3).orderId()).isEqualTo(b.get("id").asLong());
		// every checked-out line left the cart, the same SKU from both sources included
		assertThat(api.get("/api/v1/cart").token(s.buyer.token()).send().at("/items").size()).isZero();
		assertThat(inventory.level(s.a1).reserved()).isEqualTo(3);
	}

	@Test
	void theFrozenSplitSurvivesLaterPriceAndRateChangesAndIsBookedWhenPaid() {
		Scene s = new Scene();
		var placed = s.checkout().expect(201);
		long promotions = ledger.balance(AccountRef.platformPromotions(), "CNY");
		long fees = ledger.balance(AccountRef.platformFees(), "CNY");
		// afterwards the supplier doubles the price and the participant would charge and pay differently
		tx.executeWithoutResult(t -> products.changePrice(s.a.id(), s.a1, 9000));
		participant.forBuyer(s.buyer.id(), draft -> draft.lines().forEach(l -> l.commissionBps(1500)));

		new Paying(api, mvc).pay(s.buyer, placed.id());

		JsonNode a = s.supplierOrder(placed, s.a);
		assertThat(line(a, "test:shop").at("/unitPrice/amount").asLong()).isEqualTo(5000);
		assertThat(line(a, "test:shop").at("/commissionBps").asInt()).isEqualTo(800);
		assertThat(line(a, null).at("/unitPrice/amount").asLong()).isEqualTo(4000);
		var paid = events.of(OrderPaid.class, e -> e.orderId() == a.get("id").asLong()).get(0);
		assertThat(paid.resellerMargin()).isEqualTo(Money.cny(2000));
		assertThat(paid.platformSubsidy()).isEqualTo(Money.cny(1650));
		assertThat(paid.discount()).isEqualTo(Money.cny(2375));
		assertThat(paid.marginsByReseller()).isEqualTo(Map.of(s.reseller.id(), Money.cny(2000)));
		assertThat(paid.lines()).filteredOn(l -> "test:shop".equals(l.source())).singleElement()
			.satisfies(l -> assertThat(l.commissionBps()).isEqualTo(800));

		// Dr buyer funds total + Dr promotions subsidy = Cr supplier + Cr fee + Cr reseller margin
		assertThat(ledger.balance(AccountRef.buyerFunds(s.buyer.id()), "CNY")).isZero();
		assertThat(ledger.balance(AccountRef.resellerPending(s.reseller.id()), "CNY")).isEqualTo(-2000);
		assertThat(ledger.balance(AccountRef.platformPromotions(), "CNY") - promotions).isEqualTo(1650 + 300);
		assertThat(ledger.balance(AccountRef.supplierPayable(s.a.id()), "CNY")).isEqualTo(-13086);
		assertThat(ledger.balance(AccountRef.supplierPayable(s.b.id()), "CNY")).isEqualTo(-3850);
		assertThat(ledger.balance(AccountRef.platformFees(), "CNY") - fees).isEqualTo(-(689 + 150));
		assertThat(ledger.trialBalance().sum()).isZero();

		// cancelled before shipment: the whole order goes back, and every part of its split with it
		api.post("/api/v1/orders/{id}/cancellation", a.get("id").asLong()).token(s.buyer.token()).send().expect(200);
		api.post("/api/v1/orders/{id}/cancellation", CheckoutApiTests.orderOf(placed, s.b.id())).token(s.buyer.token())
			.send().expect(200);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> ledger.balance(AccountRef.platformPromotions(), "CNY") == promotions
					&& ledger.balance(AccountRef.buyerFunds(s.buyer.id()), "CNY") == 0);
		assertThat(ledger.balance(AccountRef.resellerPending(s.reseller.id()), "CNY")).isZero();
		assertThat(ledger.balance(AccountRef.supplierPayable(s.a.id()), "CNY")).isZero();
		assertThat(ledger.balance(AccountRef.supplierPayable(s.b.id()), "CNY")).isZero();
		assertThat(ledger.balance(AccountRef.platformFees(), "CNY")).isEqualTo(fees);
		var refunded = events.of(OrderRefunded.class, e -> e.orderId() == a.get("id").asLong()).get(0);
		assertThat(refunded.resellerMarginShare()).isEqualTo(Money.cny(2000));
		assertThat(refunded.platformSubsidyShare()).isEqualTo(Money.cny(1650));
	}

	@Test
	void aParticipantThatRefusesLeavesNothingBehind() {
		Scene s = new Scene();
		participant.forBuyer(s.buyer.id(), draft -> {
			if (!draft.preview()) {
				throw DomainException.conflict("flash-sale-over", "the flash sale has ended");
			}
		});
		var refused = s.checkout().expect(409);
		assertThat(refused.at("/code").asString()).isEqualTo("flash-sale-over");
		assertThat(inventory.level(s.a1).reserved()).isZero();
		assertThat(api.get("/api/v1/cart").token(s.buyer.token()).send().at("/items").size()).isEqualTo(4);
		assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE buyer_id = :b").param("b", s.buyer.id()).query(Long.class).single())
			.isZero();
	}

	@Test
	void discountsMayNotLeaveAnOrderWithNothingToPay() {
		Scene s = new Scene();
		participant.forBuyer(s.buyer.id(), draft -> draft.addDiscount("too-much", "Too much", Funder.PLATFORM, null,
				Money.cny(3000), List.of(3)));
		assertThat(api.get("/api/v1/checkouts/preview").token(s.buyer.token()).send().expect(422).at("/code").asString())
			.isEqualTo("discount-too-large");
		assertThat(s.checkout().expect(422).at("/code").asString()).isEqualTo("discount-too-large");
		participant.forBuyer(s.buyer.id(), draft -> draft.addDiscount("more-than-a", "More than A is paid", Funder.SUPPLIER,
				s.b.id(), Money.cny(2999), List.of(3)));
		assertThat(s.checkout().expect(201).at("/total/amount").asLong()).isEqualTo(4000 + 8000 + 2500 + 1 + 1000);
		assertThat(inventory.level(s.b1).reserved()).isEqualTo(1);
	}

	@Test
	void buyNowLinesCarryTheirSourceAndTheCartTakesTheSameSkuFromTwoSources() {
		Scene s = new Scene();
		var cart = api.get("/api/v1/cart").token(s.buyer.token()).send().expect(200);
		assertThat(cart.at("/items").size()).isEqualTo(4);
		api.patch("/api/v1/cart/items/{sku}?source=test:shop", s.a1).token(s.buyer.token()).json(Map.of("quantity", 3)).send()
			.expect(200);
		var lines = api.get("/api/v1/cart").token(s.buyer.token()).send().json().get("items");
		int plain = 0;
		int fromShop = 0;
		for (var item : lines) {
			if (item.get("skuId").asLong() == s.a1) {
				if (item.get("source").isNull()) {
					plain = item.get("quantity").asInt();
				}
				else {
					fromShop = item.get("quantity").asInt();
				}
			}
		}
		assertThat(plain).isEqualTo(1);
		assertThat(fromShop).isEqualTo(3);
		var bad = api.post("/api/v1/cart/items").token(s.buyer.token())
			.json(Map.of("skuId", s.a1, "quantity", 1, "source", "<script>")).send().expect(400);
		assertThat(bad.at("/errors/0/field").asString()).isEqualTo("source");
		api.delete("/api/v1/cart/items/{sku}?source=test:shop", s.a1).token(s.buyer.token()).send().expect(200);
		api.delete("/api/v1/cart/items/{sku}?source=test:shop", s.a1).token(s.buyer.token()).send().expect(404);

		Map<String, Object> body = new HashMap<>();
		body.put("addressId", s.address);
		body.put("items", List.of(Map.of("skuId", s.a1, "quantity", 1, "source", "test:shop")));
		var placed = api.post("/api/v1/checkouts").token(s.buyer.token()).idempotencyKey(UUID.randomUUID().toString()).json(body)
			.send().expect(201);
		// 5000 less A's whole 725 discount (the only A line), plus shipping
		assertThat(placed.at("/total/amount").asLong()).isEqualTo(5000 - 725 + 1000);
		var badItem = api.post("/api/v1/checkouts").token(s.buyer.token()).idempotencyKey(UUID.randomUUID().toString())
			.json(Map.of("addressId", s.address, "items", List.of(Map.of("skuId", s.a1, "quantity", 1, "source", "a b"))))
			.send().expect(400);
		assertThat(badItem.at("/errors/0/field").asString()).isEqualTo("items[0].source");
		assertThat(HttpStatus.valueOf(api.get("/api/v1/checkouts/preview?couponIds=1,2,3,4,5,6,7,8,9,10,11")
			.token(s.buyer.token()).send().status())).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	private static JsonNode line(JsonNode order, String source) {
		for (JsonNode line : order.get("lines")) {
			if (source == null ? line.get("source").isNull() : source.equals(line.get("source").asString())) {
				return line;
			}
		}
		throw new AssertionError("no line from " + source + " in " + order);
	}
}
