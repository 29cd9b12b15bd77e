package io.socialmall.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import io.socialmall.core.DomainException;
import io.socialmall.core.Money;
import io.socialmall.ledger.AccountRef;
import io.socialmall.ledger.Ledger;
import io.socialmall.payment.internal.RefundWorker;
import io.socialmall.payment.sandbox.SandboxGateway;
import io.socialmall.test.Fixtures;
import io.socialmall.test.Fixtures.Person;
import io.socialmall.test.MutableClock;
import io.socialmall.test.RecordedEvents;
import io.socialmall.test.SocialMallTest;
import io.socialmall.test.TestApi;

/** Refunds: queued in the caller's transaction, sent to the gateway once, retried, given up, retried by an operator. */
@SocialMallTest
class RefundTests {

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
	SandboxGateway gateway;

	@Autowired
	RefundWorker worker;

	@Value("${socialmall.payment.sandbox.secret}")
	String secret;

	@LocalServerPort
	int port;

	SandboxDriver sandbox;

	@BeforeEach
	void driver() {
		sandbox = new SandboxDriver(payments, tx, api, mvc, secret, port);
	}

	@AfterEach
	void gatewayBackUp() {
		gateway.setAvailable(true);
	}

	@Test
	void aRefundIsExecutedOnceAtTheGatewayAndAnnounced() {
		Person buyer = fixtures.buyer();
		PaymentIntent paid = paid(buyer, 10_000);
		RefundView refund = tx.execute(s -> payments.requestRefund(paid.id(), "test-refund:" + paid.id(), Money.cny(3_000),
				"buyer cancelled"));
		assertThat(refund.status()).isEqualTo(RefundStatus.REQUESTED);

		await().atMost(Duration.ofSeconds(10)).until(() -> status(refund.id()) == RefundStatus.SUCCEEDED);
		assertThat(events.of(RefundSucceeded.class, e -> e.refundId() == refund.id())).singleElement().satisfies(e -> {
			assertThat(e.amount()).isEqualTo(Money.cny(3_000));
			assertThat(e.payerId()).isEqualTo(buyer.id());
			assertThat(e.paymentIntentId()).isEqualTo(paid.id());
		});
		assertThat(gatewayRequests(refund.id())).isEqualTo(1);
		assertThat(payments.refunds(paid.id())).singleElement().satisfies(r -> assertThat(r.completedAt()).isNotNull());
		// the ledger posts the refund after commit, through the event outbox
		await().atMost(Duration.ofSeconds(10))
			.until(() -> ledger.balance(AccountRef.buyerFunds(buyer.id()), "CNY") == -10_000 + 3_000);
		// the sweep finds nothing left to do, and calls nobody
		worker.processDue();
		assertThat(gatewayRequests(refund.id())).isEqualTo(1);
	}

	@Test
	void aRefundIsIdempotentByReference() {
		Person buyer = fixtures.buyer();
		PaymentIntent paid = paid(buyer, 5_000);
		String reference = "test-refund:" + UUID.randomUUID();
		RefundView first = tx.execute(s -> payments.requestRefund(paid.id(), reference, Money.cny(2_000), null));
		RefundView again = tx.execute(s -> payments.requestRefund(paid.id(), reference, Money.cny(2_000), null));
		assertThat(again.id()).isEqualTo(first.id());
		var reused = catchThrowableOfType(DomainException.class,
				() -> tx.execute(s -> payments.requestRefund(paid.id(), reference, Money.cny(2_500), null)));
		assertThat(reused.code()).isEqualTo("refund-reference-reused");
		assertThat(payments.refunds(paid.id())).hasSize(1);
		await().atMost(Duration.ofSeconds(10)).until(() -> status(first.id()) == RefundStatus.SUCCEEDED);
		assertThat(events.count(RefundSucceeded.class, e -> e.paymentIntentId() == paid.id())).isEqualTo(1);
	}

	@Test
	void refundsNeverAddUpToMoreThanWasPaid() {
		Person buyer = fixtures.buyer();
		PaymentIntent paid = paid(buyer, 10_000);
		tx.execute(s -> payments.requestRefund(paid.id(), "r1:" + paid.id(), Money.cny(6_000), null));
		tx.execute(s -> payments.requestRefund(paid.id(), "r2:" + paid.id(), Money.cny(4_000), null));
		var tooMuch = catchThrowableOfType(DomainException.class,
				() -> tx.execute(s -> payments.requestRefund(paid.id(), "r3:" + paid.id(), Money.cny(1), null)));
		assertThat(tooMuch.code()).isEqualTo("refund-exceeds-payment");
		assertThat(payments.refunds(paid.id())).extracting(r -> r.amount().amount()).containsExactly(6_000L, 4_000L);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> payments.refunds(paid.id()).stream().allMatch(r -> r.status() == RefundStatus.SUCCEEDED));
		assertThat(jdbc.sql("SELECT refunded_amount FROM sandbox_payments WHERE merchant_order_no = :o AND status = 'PAID'")
			.param("o", String.valueOf(paid.id())).query(Long.class).single()).isEqualTo(10_000);
	}

	@Test
	void onlyASucceededPaymentCanBeRefundedAndOnlyInItsCurrency() {
		Person buyer = fixtures.buyer();
		PaymentIntent unpaid = sandbox.intent(buyer, 1_000);
		var notPaid = catchThrowableOfType(DomainException.class,
				() -> tx.execute(s -> payments.requestRefund(unpaid.id(), "r:" + unpaid.id(), Money.cny(100), null)));
		assertThat(notPaid.code()).isEqualTo("payment-not-succeeded");
		var zero = catchThrowableOfType(DomainException.class,
				() -> tx.execute(s -> payments.requestRefund(unpaid.id(), "r:" + unpaid.id(), Money.cny(0), null)));
		assertThat(zero.fields()).extracting(DomainException.FieldProblem::field).containsExactly("amount");
		var dollars = catchThrowableOfType(DomainException.class, () -> tx
			.execute(s -> payments.requestRefund(unpaid.id(), "r:" + unpaid.id(), Money.of(100, "USD"), null)));
		assertThat(dollars.fields()).extracting(DomainException.FieldProblem::field).containsExactly("amount");
		assertThat(payments.refunds(unpaid.id())).isEmpty();
	}

	@Test
	void aRefundTheGatewayRefusesFailsAtOnce() {
		Person buyer = fixtures.buyer();
		PaymentIntent intent = sandbox.intent(buyer, 2_000);
		sandbox.start(buyer, intent.id(), null);
		// a success for a transaction the sandbox gateway never made: it will refuse to refund it
		String id = "ntf_" + UUID.randomUUID();
		assertThat(sandbox.deliver(sandbox.signed(id,
				sandbox.body(id, "payment.succeeded", intent.id(), "sbx_unknown" + intent.id(), 2_000, clock.instant()),
				clock.instant()))).isEqualTo(200);
		RefundView refund = tx.execute(s -> payments.requestRefund(intent.id(), "r:" + intent.id(), Money.cny(2_000), null));
		await().atMost(Duration.ofSeconds(10)).until(() -> status(refund.id()) == RefundStatus.FAILED);
		assertThat(attempts(refund.id())).isEqualTo(1);
		assertThat(events.of(RefundFailed.class, e -> e.refundId() == refund.id())).singleElement()
			.satisfies(e -> assertThat(e.reason()).contains("no such paid transaction"));
		assertThat(events.count(RefundSucceeded.class, e -> e.refundId() == refund.id())).isZero();
	}

	@Test
	void anUnavailableGatewayIsRetriedWithBackoffThenGivenUpAndAnOperatorCanRetry() {
		Person buyer = fixtures.buyer();
		PaymentIntent paid = paid(buyer, 8_000);
		gateway.setAvailable(false);
		RefundView refund = tx.execute(s -> payments.requestRefund(paid.id(), "r:" + paid.id(), Money.cny(8_000), null));
		await().atMost(Duration.ofSeconds(10)).until(() -> attempts(refund.id()) == 1);
		await().atMost(Duration.ofSeconds(5)).until(() -> nextAttempt(refund.id()).isAfter(clock.instant()));
		assertThat(Duration.between(clock.instant(), nextAttempt(refund.id()))).isEqualTo(Duration.ofSeconds(30));
		// not due yet: nothing happens however often the sweep runs
		worker.processDue();
		assertThat(attempts(refund.id())).isEqualTo(1);
		for (int attempt = 2; attempt <= 5; attempt++) {
			Instant before = clock.instant();
			((MutableClock) clock).advance(Duration.between(before, nextAttempt(refund.id())));
			int expected = attempt;
			await().atMost(Duration.ofSeconds(10)).until(() -> {
				worker.processDue();
				return attempts(refund.id()) == expected;
			});
			if (attempt < 5) {
				// 30 s, 60 s, 120 s, 240 s between calls
				await().atMost(Duration.ofSeconds(5)).until(() -> nextAttempt(refund.id()).isAfter(clock.instant()));
				assertThat(Duration.between(clock.instant(), nextAttempt(refund.id())))
					.isEqualTo(Duration.ofSeconds(30L << (attempt - 1)));
			}
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> status(refund.id()) == RefundStatus.FAILED);
		assertThat(events.count(RefundFailed.class, e -> e.refundId() == refund.id())).isEqualTo(1);
		assertThat(gatewayRequests(refund.id())).isZero();

		// the operator sees it and sends it again once the gateway is back
		Person operator = fixtures.operator();
		assertThat(api.get("/api/v1/operator/refunds?status=FAILED&size=100").token(operator.token()).send().expect(200)
			.at("/items").valueStream().map(r -> r.get("id").asLong())).contains(refund.id());
		api.get("/api/v1/operator/refunds").token(buyer.token()).send().expect(403);
		gateway.setAvailable(true);
		api.post("/api/v1/operator/refunds/{id}/retry", refund.id()).token(operator.token()).send().expect(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> status(refund.id()) == RefundStatus.SUCCEEDED);
		assertThat(gatewayRequests(refund.id())).isEqualTo(1);
		assertThat(events.count(RefundSucceeded.class, e -> e.refundId() == refund.id())).isEqualTo(1);
		api.post("/api/v1/operator/refunds/{id}/retry", refund.id()).token(operator.token()).send().expect(409);
	}

	@Test
	void aRefundCallRepeatedAfterALostAnswerRefundsOnceAtTheGateway() {
		Person buyer = fixtures.buyer();
		PaymentIntent paid = paid(buyer, 9_000);
		RefundView refund = tx.execute(s -> payments.requestRefund(paid.id(), "r:" + paid.id(), Money.cny(9_000), null));
		await().atMost(Duration.ofSeconds(10)).until(() -> status(refund.id()) == RefundStatus.SUCCEEDED);
		// a worker that crashed after the gateway answered would call again with the same key once its
		// lease ran out: simulate it by putting the refund back in the queue
		jdbc.sql("UPDATE refunds SET status = 'REQUESTED', completed_at = NULL WHERE id = :id").param("id", refund.id()).update();
		worker.process(refund.id());
		assertThat(status(refund.id())).isEqualTo(RefundStatus.SUCCEEDED);
		assertThat(gatewayRequests(refund.id())).isEqualTo(2);
		assertThat(jdbc.sql("SELECT refunded_amount FROM sandbox_payments WHERE merchant_order_no = :o AND status = 'PAID'")
			.param("o", String.valueOf(paid.id())).query(Long.class).single()).isEqualTo(9_000);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM sandbox_refunds WHERE idempotency_key = :k")
			.param("k", "refund-" + refund.id()).query(Long.class).single()).isEqualTo(1);
	}

	/** A payment paid through the sandbox gateway's page, so the gateway holds a real transaction to refund. */
	private PaymentIntent paid(Person buyer, long fen) {
		PaymentIntent intent = sandbox.intent(buyer, fen);
		sandbox.approve(sandbox.start(buyer, intent.id(), null));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> payments.find(intent.id()).orElseThrow().status() == PaymentStatus.SUCCEEDED);
		return payments.find(intent.id()).orElseThrow();
	}

	private RefundStatus status(long refundId) {
		return RefundStatus.valueOf(jdbc.sql("SELECT status FROM refunds WHERE id = :id").param("id", refundId)
			.query(String.class).single());
	}

	private int attempts(long refundId) {
		return jdbc.sql("SELECT attempts FROM refunds WHERE id = :id").param("id", refundId).query(Integer.class).single();
	}

	private Instant nextAttempt(long refundId) {
		return jdbc.sql("SELECT next_attempt_at FROM refunds WHERE id = :id").param("id", refundId)
			.query((rs, n) -> rs.getTimestamp(1).toInstant()).single();
	}

	private int gatewayRequests(long refundId) {
		return jdbc.sql("SELECT COALESCE(SUM(requests), 0) FROM sandbox_refunds WHERE idempotency_key = :k")
			.param("k", "refund-" + refundId).query(Integer.class).single();
	}
}
