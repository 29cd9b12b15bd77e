package io.socialmall.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.socialmall.core.DomainException;
import io.socialmall.core.Money;
import io.socialmall.core.PageRequest;
import io.socialmall.ledger.AccountRef;
import io.socialmall.ledger.Ledger;
import io.socialmall.payment.internal.RefundWorker;
import io.socialmall.test.Fixtures;
import io.socialmall.test.Fixtures.Person;
import io.socialmall.test.PostgresTest;
import io.socialmall.test.Race;
import io.socialmall.test.RecordedEvents;
import io.socialmall.test.TestApi;

/** The concurrency claims of payments, proved on PostgreSQL. */
@PostgresTest
class PaymentConcurrencyTests {

	@Autowired
	Payments payments;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	TestApi api;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	RecordedEvents events;

	@Autowired
	Ledger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	RefundWorker worker;

	@Autowired
	MeterRegistry meters;

	@Value("${socialmall.payment.sandbox.secret}")
	String secret;

	@LocalServerPort
	int port;

	SandboxDriver sandbox;

	@BeforeEach
	void driver() {
		sandbox = new SandboxDriver(payments, tx, api, mvc, secret, port);
	}

	@Test
	void theSameSignedCallbackTenTimesConcurrentlyActsOnce() {
		Person buyer = fixtures.buyer();
		PaymentIntent intent = sandbox.intent(buyer, 7_700);
		sandbox.start(buyer, intent.id(), null);
		String id = "ntf_" + UUID.randomUUID();
		var n = sandbox.signed(id, sandbox.body(id, "payment.succeeded", intent.id(), "sbx_pg" + intent.id(), 7_700,
				clock.instant()), clock.instant());
		var results = Race.run(10, 10, i -> sandbox.deliver(n));
		assertThat(results).allSatisfy(r -> assertThat(r.value()).isEqualTo(200));
		assertThat(sandbox.deliver(n)).isEqualTo(200);
		assertThat(events.count(PaymentSucceeded.class, e -> e.paymentIntentId() == intent.id())).isEqualTo(1);
		assertThat(ledger.entries(AccountRef.buyerFunds(buyer.id()), PageRequest.of(0, 10, 10)).total()).isEqualTo(1);
		assertThat(ledger.balance(AccountRef.buyerFunds(buyer.id()), "CNY")).isEqualTo(-7_700);
	}

	@Test
	void concurrentRefundRequestsNeverAddUpToMoreThanWasPaid() {
		Person buyer = fixtures.buyer();
		PaymentIntent paid = paid(buyer, 10_000);
		var results = Race.run(30, 15, i -> tx.execute(
				s -> payments.requestRefund(paid.id(), "race:" + paid.id() + ":" + i, Money.cny(700), "race")));
		assertThat(results).filteredOn(Race.Result::succeeded).hasSize(14);
		assertThat(results).filteredOn(r -> !r.succeeded())
			.allSatisfy(r -> assertThat(((DomainException) r.error()).code()).isEqualTo("refund-exceeds-payment"));
		assertThat(payments.refunds(paid.id())).hasSize(14);
		assertThat(jdbc.sql("SELECT refunded_amount FROM payment_intents WHERE id = :id").param("id", paid.id())
			.query(Long.class).single()).isEqualTo(9_800);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> payments.refunds(paid.id()).stream().allMatch(r -> r.status() == RefundStatus.SUCCEEDED));
		assertThat(gatewayRefunded(paid.id())).isEqualTo(9_800);
		assertThat(events.count(RefundSucceeded.class, e -> e.paymentIntentId() == paid.id())).isEqualTo(14);
	}

	@Test
	void concurrentRequestsWithOneReferenceQueueOneRefund() {
		Person buyer = fixtures.buyer();
		PaymentIntent paid = paid(buyer, 3_000);
		String reference = "same:" + paid.id();
		var results = Race.run(10, 10,
				i -> tx.execute(s -> payments.requestRefund(paid.id(), reference, Money.cny(1_000), null)).id());
		assertThat(results).allMatch(Race.Result::succeeded);
		assertThat(results).extracting(Race.Result::value).containsOnly(results.get(0).value());
		assertThat(jdbc.sql("SELECT refunded_amount FROM payment_intents WHERE id = :id").param("id", paid.id())
			.query(Long.class).single()).isEqualTo(1_000);
	}

	@Test
	void workersRacingOnTwoThreadsCallTheProviderOncePerRefund() {
		for (int round = 0; round < 3; round++) {
			Person buyer = fixtures.buyer();
			PaymentIntent paid = paid(buyer, 20_000);
			double before = providerRefundCalls();
			// twenty refunds commit at once: each is kicked after commit on the task executor while two more
			// threads sweep the queue, so up to three workers go for every refund
			List<RefundView> refunds = new ArrayList<>();
			var sweepers = Race.run(3, 3, i -> {
				if (i == 0) {
					tx.executeWithoutResult(s -> {
						for (int r = 0; r < 20; r++) {
							refunds.add(payments.requestRefund(paid.id(), "w:" + paid.id() + ":" + r, Money.cny(1_000), null));
						}
					});
					return 0;
				}
				int processed = 0;
				long until = System.currentTimeMillis() + 10_000;
				while (System.currentTimeMillis() < until && !allSucceeded(paid.id(), 20)) {
					processed += worker.processDue();
				}
				return processed;
			});
			assertThat(sweepers).allMatch(Race.Result::succeeded);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> payments.refunds(paid.id()).stream().allMatch(r -> r.status() == RefundStatus.SUCCEEDED));
			for (RefundView refund : refunds) {
				assertThat(jdbc.sql("SELECT requests FROM sandbox_refunds WHERE idempotency_key = :k")
					.param("k", "refund-" + refund.id()).query(Integer.class).single())
					.as("gateway requests for refund %d", refund.id()).isEqualTo(1);
				assertThat(events.count(RefundSucceeded.class, e -> e.refundId() == refund.id())).isEqualTo(1);
			}
			assertThat(providerRefundCalls() - before).isEqualTo(20.0);
			assertThat(gatewayRefunded(paid.id())).isEqualTo(20_000);
		}
	}

	private boolean allSucceeded(long intentId, int expected) {
		var refunds = payments.refunds(intentId);
		return refunds.size() == expected && refunds.stream().allMatch(r -> r.status() == RefundStatus.SUCCEEDED);
	}

	private double providerRefundCalls() {
		return meters.counter("socialmall.payment.provider.calls", "provider", "SANDBOX", "operation", "refund").count();
	}

	private long gatewayRefunded(long intentId) {
		return jdbc.sql("SELECT refunded_amount FROM sandbox_payments WHERE merchant_order_no = :o AND status = 'PAID'")
			.param("o", String.valueOf(intentId)).query(Long.class).single();
	}

	private PaymentIntent paid(Person buyer, long fen) {
		PaymentIntent intent = sandbox.intent(buyer, fen);
		sandbox.approve(sandbox.start(buyer, intent.id(), null));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> payments.find(intent.id()).orElseThrow().status() == PaymentStatus.SUCCEEDED);
		return payments.find(intent.id()).orElseThrow();
	}
}
