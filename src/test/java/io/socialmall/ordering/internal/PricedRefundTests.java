package io.socialmall.ordering.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import io.socialmall.core.Money;
import io.socialmall.ledger.AccountRef;
import io.socialmall.ledger.Ledger;
import io.socialmall.ordering.CheckoutDraft.Funder;
import io.socialmall.ordering.OrderRefunded;
import io.socialmall.ordering.Paying;
import io.socialmall.ordering.Shopping;
import io.socialmall.test.Fixtures;
import io.socialmall.test.Fixtures.Person;
import io.socialmall.test.RecordedEvents;
import io.socialmall.test.ScriptedParticipant;
import io.socialmall.test.SocialMallTest;
import io.socialmall.test.TestApi;

/**
 * Refunds by line of an order with a reseller margin and a platform subsidy (after-sales returns take this
 * path): each refund gives back margin and subsidy in proportion to what it refunds of the line, and once
 * everything is refunded every account the order touched is back where it was.
 */
@SocialMallTest
class PricedRefundTests {

	@Autowired
	TestApi api;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ScriptedParticipant participant;

	@Autowired
	OrderTransitions transitions;

	@Autowired
	OrderStore store;

	@Autowired
	Ledger ledger;

	@Autowired
	RecordedEvents events;

	@Autowired
	TransactionTemplate tx;

	@Test
	void partialRefundsGiveBackMarginAndSubsidyInProportionAndAFullRefundEverything() {
		Person supplier = fixtures.verifiedSupplier();
		Person reseller = fixtures.buyer();
		Person buyer = fixtures.buyer();
		long sku = fixtures.productOnSale(supplier, 3000, 20).skus().get(0).id();
		var shopping = new Shopping(api);
		long address = shopping.address(buyer);
		api.post("/api/v1/cart/items").token(buyer.token()).json(Map.of("skuId", sku, "quantity", 3, "source", "test:shop"))
			.send().expect(200);
		// 3 x 4000 = 12000, margin 3 x 1000 = 3000, platform coupon 1200: each unit paid 3600
		participant.forBuyer(buyer.id(), draft -> {
			draft.line(0).charge(Money.cny(4000), "shop").reseller(reseller.id());
			draft.addDiscount("coupon:1", "Coupon", Funder.PLATFORM, null, Money.cny(1200), List.of(0));
		});
		var placed = shopping.checkout(buyer, address).expect(201);
		new Paying(api, mvc).pay(buyer, placed.id());
		long orderId = placed.at("/orders/0/id").asLong();
		long promotions = ledger.balance(AccountRef.platformPromotions(), "CNY");
		long fees = ledger.balance(AccountRef.platformFees(), "CNY");
		assertThat(ledger.balance(AccountRef.resellerPending(reseller.id()), "CNY")).isEqualTo(-3000);

		// one unit comes back: a third of the line
		OrderRow order = store.find(orderId).orElseThrow();
		LineRow line = store.lines(orderId).get(0);
		assertThat(line.amount()).isEqualTo(10800);
		tx.executeWithoutResult(s -> transitions.refund(order, List.of(new OrderTransitions.LineRefund(line.id(), 1, 3600)), 0,
				"order:" + orderId + ":return:1", "returned", Actor.SYSTEM));
		OrderRefunded first = refund(orderId, 1);
		assertThat(first.resellerMarginShare()).isEqualTo(Money.cny(1000));
		assertThat(first.platformSubsidyShare()).isEqualTo(Money.cny(400));
		assertThat(first.supplierShare().plus(first.platformFeeShare()).plus(first.resellerMarginShare())
			.minus(first.platformSubsidyShare())).isEqualTo(first.amount());
		assertThat(first.lines().get(0).margin()).isEqualTo(Money.cny(1000));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> ledger.balance(AccountRef.resellerPending(reseller.id()), "CNY") == -2000);
		assertThat(ledger.balance(AccountRef.platformPromotions(), "CNY") - promotions).isEqualTo(-400);

		// an odd amount: 1 fen of the line, then the rest with the shipping (cancellation)
		OrderRow again = store.find(orderId).orElseThrow();
		tx.executeWithoutResult(s -> transitions.refund(again, List.of(new OrderTransitions.LineRefund(line.id(), 0, 1)), 0,
				"order:" + orderId + ":adjust", "price adjustment", Actor.SYSTEM));
		api.post("/api/v1/orders/{id}/cancellation", orderId).token(buyer.token()).send().expect(200);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> ledger.balance(AccountRef.buyerFunds(buyer.id()), "CNY") == 0
					&& ledger.balance(AccountRef.resellerPending(reseller.id()), "CNY") == 0);
		List<OrderRefunded> all = events.of(OrderRefunded.class, e -> e.orderId() == orderId);
		assertThat(all).hasSize(3);
		assertThat(all.stream().map(OrderRefunded::resellerMarginShare).reduce(Money.cny(0), Money::plus)).isEqualTo(Money.cny(3000));
		assertThat(all.stream().map(OrderRefunded::platformSubsidyShare).reduce(Money.cny(0), Money::plus)).isEqualTo(Money.cny(1200));
		assertThat(ledger.balance(AccountRef.platformPromotions(), "CNY")).isEqualTo(promotions - 1200);
		await().atMost(Duration.ofSeconds(10)).until(() -> ledger.balance(AccountRef.platformFees(), "CNY") == fees
				+ store.find(orderId).orElseThrow().platformFee());
		assertThat(ledger.balance(AccountRef.supplierPayable(supplier.id()), "CNY")).isZero();
		OrderRow done = store.find(orderId).orElseThrow();
		assertThat(done.refundedMargin()).isEqualTo(3000);
		assertThat(done.refundedSubsidy()).isEqualTo(1200);
	}

	private OrderRefunded refund(long orderId, int count) {
		await().atMost(Duration.ofSeconds(10)).until(() -> events.count(OrderRefunded.class, e -> e.orderId() == orderId) >= count);
		return events.of(OrderRefunded.class, e -> e.orderId() == orderId).get(count - 1);
	}
}
