package io.socialmall.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.socialmall.inventory.Inventory;
import io.socialmall.ordering.internal.OrderSweeper;
import io.socialmall.payment.PaymentStatus;
import io.socialmall.payment.Payments;
import io.socialmall.payment.RefundStatus;
import io.socialmall.test.Fixtures;
import io.socialmall.test.MutableClock;
import io.socialmall.test.PostgresTest;
import io.socialmall.test.Race;
import io.socialmall.test.RecordedEvents;
import io.socialmall.test.TestApi;

/**
 * The payment timeout and late payments racing on PostgreSQL: buyers approve on the sandbox gateway's page
 * just after their deadline while the sweeper cancels the due orders; the gateway's signed notifications
 * arrive over HTTP on its own threads. Every order ends in exactly one of two consistent states, and every
 * late payment is refunded at the gateway.
 */
@PostgresTest
class PaymentRaceTests {

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
	OrderSweeper sweeper;

	@Autowired
	MutableClock clock;

	@Autowired
	RecordedEvents events;


	@Test
	void aTimeoutAndALatePaymentNeverBothWin() {
		var supplier = fixtures.verifiedSupplier();
		var shopping = new Shopping(api);
		var paying = new Paying(api, mvc);
		// orders other tests left unpaid become due first and would keep the sweeper busy: settle them now
		clock.advance(Duration.ofMinutes(31));
		while (sweeper.cancelUnpaid() > 0) {
			// until none is left
		}
		record Placed(long order, long intent, long sku, long total, String gatewayPage) {
		}
		List<Fixtures.Person> buyers = new ArrayList<>();
		List<Long> checkouts = new ArrayList<>();
		List<Long> skus = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			long sku = fixtures.productOnSale(supplier, 2000, 5).skus().get(0).id();
			var buyer = fixtures.buyer();
			buyers.add(buyer);
			skus.add(sku);
			checkouts.add(shopping.checkout(buyer, shopping.readyToCheckOut(buyer, sku, 2)).expect(201).id());
		}
		// every buyer opens the gateway's page a minute before the deadline...
		clock.advance(Duration.ofMinutes(29));
		List<Placed> placed = new ArrayList<>();
		for (int i = 0; i < checkouts.size(); i++) {
			var checkout = api.get("/api/v1/checkouts/{id}", checkouts.get(i)).token(buyers.get(i).token()).send().expect(200);
			placed.add(new Placed(checkout.at("/orders/0/id").asLong(), checkout.at("/paymentIntentId").asLong(), skus.get(i),
					checkout.at("/total/amount").asLong(), paying.start(buyers.get(i), checkouts.get(i))));
		}
		clock.advance(Duration.ofMinutes(2));

		// ...and approves just after it, while two sweepers (as on two nodes) cancel what is due. The sweepers
		// start when every buyer has approved and the first notification has landed, so they meet the other
		// notifications on their way.
		var approved = new java.util.concurrent.CountDownLatch(placed.size());
		var results = Race.run(placed.size() + 2, placed.size() + 2, i -> {
			if (i >= placed.size()) {
				approved.await();
				await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
					.until(() -> placed.stream().anyMatch(p -> events.count(OrderPaid.class, e -> e.orderId() == p.order()) > 0));
				return sweeper.cancelUnpaid();
			}
			int status = paying.approve(placed.get(i).gatewayPage()).getStatus();
			approved.countDown();
			return status;
		});
		assertThat(results).allMatch(Race.Result::succeeded);
		assertThat(results.subList(0, placed.size())).extracting(Race.Result::value).containsOnly(302);

		var operator = fixtures.operator();
		int paid = 0;
		for (Placed p : placed) {
			// the gateway notifies on its own thread: wait until its notification has been applied
			await().atMost(Duration.ofSeconds(30))
				.until(() -> payments.find(p.intent()).orElseThrow().status() == PaymentStatus.SUCCEEDED);
			String status = api.get("/api/v1/operator/orders/{id}", p.order()).token(operator.token()).send().expect(200)
				.at("/status").asString();
			var stock = inventory.level(p.sku());
			long orderPaidEvents = events.count(OrderPaid.class, e -> e.orderId() == p.order());
			if (status.equals("PAID")) {
				paid++;
				assertThat(stock.sold()).isEqualTo(2);
				assertThat(stock.reserved()).isZero();
				assertThat(orderPaidEvents).isEqualTo(1);
				assertThat(payments.refunds(p.intent())).isEmpty();
			}
			else {
				assertThat(status).isEqualTo("CANCELLED");
				assertThat(stock.available()).isEqualTo(5);
				assertThat(stock.reserved()).isZero();
				assertThat(stock.sold()).isZero();
				assertThat(orderPaidEvents).isZero();
				assertThat(payments.refunds(p.intent())).singleElement().satisfies(refund -> {
					assertThat(refund.reference()).isEqualTo("order:" + p.order() + ":late-payment");
					assertThat(refund.amount().amount()).isEqualTo(p.total());
				});
				await().atMost(Duration.ofSeconds(30))
					.until(() -> payments.refunds(p.intent()).get(0).status() == RefundStatus.SUCCEEDED);
			}
		}
		org.slf4j.LoggerFactory.getLogger(PaymentRaceTests.class)
			.info("race outcome: {} paid, {} cancelled and refunded", paid, placed.size() - paid);
	}
}
