package io.socialmall.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;

import io.socialmall.core.Ids;
import io.socialmall.core.Money;
import io.socialmall.core.PageRequest;
import io.socialmall.identity.Accounts;
import io.socialmall.identity.Sessions;
import io.socialmall.ordering.OrderPaid;
import io.socialmall.ordering.OrderRefunded;
import io.socialmall.payment.PaymentSucceeded;
import io.socialmall.payment.RefundSucceeded;
import io.socialmall.test.Fixtures;
import io.socialmall.test.Fixtures.Person;
import io.socialmall.test.SocialMallTest;
import io.socialmall.test.TestApi;

/** The ledger as the application runs it: posting from published events, the operator's API and page. */
@SocialMallTest
class LedgerPostingTests {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Ledger ledger;

	@Autowired
	Fixtures fixtures;

	@Autowired
	TestApi api;

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	Clock clock;

	@Test
	void aPaidCheckoutIsBookedInThePublishersTransactionAndReplaysPostNothing() {
		Person buyer = fixtures.buyer();
		Person supplierA = fixtures.verifiedSupplier();
		Person supplierB = fixtures.verifiedSupplier();
		long fees = ledger.balance(AccountRef.platformFees(), "CNY");
		var checkout = checkout(buyer, supplierA, supplierB);
		tx.executeWithoutResult(s -> checkout.forEach(events::publishEvent));

		assertThat(ledger.balance(AccountRef.buyerFunds(buyer.id()), "CNY")).isZero();
		assertThat(ledger.supplierBalance(supplierA.id(), "CNY").payable()).isEqualTo(Money.cny(9_000));
		assertThat(ledger.supplierBalance(supplierB.id(), "CNY").payable()).isEqualTo(Money.cny(2_850));
		assertThat(ledger.balance(AccountRef.platformFees(), "CNY") - fees).isEqualTo(-1_150);
		var entries = ledger.entries(AccountRef.buyerFunds(buyer.id()), PageRequest.of(0, 10, 10));
		assertThat(entries.total()).isEqualTo(3);
		assertThat(entries.items()).allSatisfy(e -> assertThat(e.postings().stream().mapToLong(PostingView::amount).sum()).isZero());

		tx.executeWithoutResult(s -> checkout.forEach(events::publishEvent));
		assertThat(ledger.entries(AccountRef.buyerFunds(buyer.id()), PageRequest.of(0, 10, 10)).total()).isEqualTo(3);
		assertThat(ledger.supplierBalance(supplierA.id(), "CNY").payable()).isEqualTo(Money.cny(9_000));
		assertThat(ledger.trialBalance().sum()).isZero();
	}

	@Test
	void aRolledBackPaymentLeavesNoEntry() {
		Person buyer = fixtures.buyer();
		long intentId = Ids.next();
		assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
			events.publishEvent(new PaymentSucceeded(intentId, "checkout:x", buyer.id(), Money.cny(500), "SANDBOX", "sbx_1",
					clock.instant()));
			throw new IllegalStateException("the order could not be marked paid");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(ledger.balance(AccountRef.buyerFunds(buyer.id()), "CNY")).isZero();
	}

	@Test
	void anOrderWhoseSplitDoesNotAddUpIsRefusedAndNothingIsBooked() {
		Person buyer = fixtures.buyer();
		Person supplier = fixtures.verifiedSupplier();
		long orderId = Ids.next();
		assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
			events.publishEvent(new PaymentSucceeded(Ids.next(), "checkout:y", buyer.id(), Money.cny(1_000), "SANDBOX",
					"sbx_2", clock.instant()));
			events.publishEvent(new OrderPaid(orderId, "SM" + orderId, buyer.id(), supplier.id(), 1, Money.cny(1_000),
					Money.cny(0), Money.cny(100), Money.cny(800), List.of(), clock.instant()));
		})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not the total");
		assertThat(ledger.balance(AccountRef.buyerFunds(buyer.id()), "CNY")).isZero();
		assertThat(ledger.supplierBalance(supplier.id(), "CNY").payable()).isEqualTo(Money.cny(0));
	}

	@Test
	void refundsAreBookedAfterCommitAndReturnTheBuyersMoney() {
		Person buyer = fixtures.buyer();
		Person supplierA = fixtures.verifiedSupplier();
		Person supplierB = fixtures.verifiedSupplier();
		var checkout = checkout(buyer, supplierA, supplierB);
		tx.executeWithoutResult(s -> checkout.forEach(events::publishEvent));
		var paid = (OrderPaid) checkout.get(1);
		long refundId = Ids.next();
		tx.executeWithoutResult(s -> {
			events.publishEvent(new OrderRefunded(paid.orderId(), paid.orderNo(), buyer.id(), supplierA.id(), refundId,
					Money.cny(4_000), Money.cny(400), Money.cny(3_600), List.of(), clock.instant()));
			events.publishEvent(new RefundSucceeded(refundId, paid.paymentIntentId(), "refund:" + refundId, buyer.id(),
					Money.cny(4_000), clock.instant()));
		});
		await().atMost(Duration.ofSeconds(10))
			.until(() -> ledger.entries(AccountRef.buyerFunds(buyer.id()), PageRequest.of(0, 10, 10)).total() == 5);
		assertThat(ledger.balance(AccountRef.buyerFunds(buyer.id()), "CNY")).isZero();
		assertThat(ledger.supplierBalance(supplierA.id(), "CNY").payable()).isEqualTo(Money.cny(5_400));
		assertThat(ledger.trialBalance().sum()).isZero();
	}

	@Test
	void operatorsSeeAccountsEntriesAndTheTrialBalance() {
		Person buyer = fixtures.buyer();
		Person supplierA = fixtures.verifiedSupplier();
		Person supplierB = fixtures.verifiedSupplier();
		tx.executeWithoutResult(s -> checkout(buyer, supplierA, supplierB).forEach(events::publishEvent));
		Person operator = fixtures.operator();

		var payables = api.get("/api/v1/operator/ledger/accounts?kind=SUPPLIER_PAYABLE&size=100").token(operator.token())
			.send().expect(200);
		assertThat(payables.at("/items").valueStream()
			.filter(a -> a.get("code").asString().equals("SUPPLIER_PAYABLE:" + supplierA.id()))
			.map(a -> a.get("balance").asLong())).containsExactly(-9_000L);
		assertThat(payables.at("/items").valueStream().map(a -> a.get("kind").asString())).containsOnly("SUPPLIER_PAYABLE");

		var entries = api.get("/api/v1/operator/ledger/entries?account=BUYER_FUNDS:{id}&size=2", buyer.id())
			.token(operator.token()).send().expect(200);
		assertThat(entries.at("/total").asLong()).isEqualTo(3);
		assertThat(entries.at("/items").size()).isEqualTo(2);
		assertThat(entries.at("/items/0/postings").valueStream().mapToLong(p -> p.get("amount").asLong()).sum()).isZero();

		assertThat(api.get("/api/v1/operator/ledger/trial-balance").token(operator.token()).send().expect(200)
			.at("/sum").asLong()).isZero();
		var bad = api.get("/api/v1/operator/ledger/entries?account=NOPE:1").token(operator.token()).send().expect(400);
		assertThat(bad.at("/errors/0/field").asString()).isEqualTo("account");
		api.get("/api/v1/operator/ledger/accounts").token(buyer.token()).send().expect(403);
		api.get("/api/v1/operator/ledger/entries").send().expect(401);
	}

	@Test
	void aSupplierSeesOnlyItsOwnPayableBalance() {
		Person buyer = fixtures.buyer();
		Person supplierA = fixtures.verifiedSupplier();
		Person supplierB = fixtures.verifiedSupplier();
		tx.executeWithoutResult(s -> checkout(buyer, supplierA, supplierB).forEach(events::publishEvent));
		var own = api.get("/api/v1/supplier/balance").token(supplierA.token()).send().expect(200);
		assertThat(own.at("/supplierId").asLong()).isEqualTo(supplierA.id());
		assertThat(own.at("/payable/amount").asLong()).isEqualTo(9_000);
		assertThat(own.at("/payable/currency").asString()).isEqualTo("CNY");
		Person other = fixtures.verifiedSupplier();
		assertThat(api.get("/api/v1/supplier/balance").token(other.token()).send().expect(200).at("/payable/amount")
			.asLong()).isZero();
		api.get("/api/v1/supplier/balance").token(buyer.token()).send().expect(403);
		var bad = api.get("/api/v1/supplier/balance?currency=XX1").token(supplierA.token()).send().expect(400);
		assertThat(bad.at("/errors/0/field").asString()).isEqualTo("currency");
	}

	@Test
	void theOperatorLedgerPageSpeaksThreeLanguages() throws Exception {
		Person buyer = fixtures.buyer();
		Person supplierA = fixtures.verifiedSupplier();
		Person supplierB = fixtures.verifiedSupplier();
		tx.executeWithoutResult(s -> checkout(buyer, supplierA, supplierB).forEach(events::publishEvent));
		var operator = accounts.currentUser(fixtures.operator().id()).orElseThrow();
		Map<String, String> trial = Map.of("en", "Trial balance", "zh-CN", "试算平衡", "zh-TW", "試算平衡");
		for (var language : trial.entrySet()) {
			String html = mvc.perform(MockMvcRequestBuilders.get("/operator/ledger").param("lang", language.getKey())
					.param("account", "SUPPLIER_PAYABLE:" + supplierA.id())
					.with(authentication(Sessions.authentication(operator))))
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
			assertThat(html).contains(language.getValue()).contains("SUPPLIER_PAYABLE:" + supplierA.id())
				.contains("¥90.00").doesNotContain("??");
		}
		var buyerUser = accounts.currentUser(buyer.id()).orElseThrow();
		assertThat(mvc.perform(MockMvcRequestBuilders.get("/operator/ledger")
				.with(authentication(Sessions.authentication(buyerUser)))).andReturn().getResponse().getStatus())
			.isEqualTo(403);
	}

	/** A checkout of 13,000 fen over two suppliers: 10,000 (fee 1,000) and 3,000 (fee 150). */
	private List<Object> checkout(Person buyer, Person supplierA, Person supplierB) {
		long intentId = Ids.next();
		long orderA = Ids.next();
		long orderB = Ids.next();
		var now = clock.instant();
		return List.of(
				new PaymentSucceeded(intentId, "checkout:" + intentId, buyer.id(), Money.cny(13_000), "SANDBOX",
						"sbx_" + intentId, now),
				new OrderPaid(orderA, "SM" + orderA, buyer.id(), supplierA.id(), intentId, Money.cny(10_000),
						Money.cny(0), Money.cny(1_000), Money.cny(9_000), List.of(), now),
				new OrderPaid(orderB, "SM" + orderB, buyer.id(), supplierB.id(), intentId, Money.cny(3_000),
						Money.cny(500), Money.cny(150), Money.cny(2_850), List.of(), now));
	}
}
