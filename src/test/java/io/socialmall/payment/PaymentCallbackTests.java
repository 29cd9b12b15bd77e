package io.socialmall.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import io.socialmall.ledger.AccountRef;
import io.socialmall.ledger.Ledger;
import io.socialmall.test.Fixtures;
import io.socialmall.test.Fixtures.Person;
import io.socialmall.test.Race;
import io.socialmall.test.RecordedEvents;
import io.socialmall.test.SocialMallTest;
import io.socialmall.test.TestApi;

/**
 * The callback endpoint as a gateway (or an attacker) reaches it: over real HTTP, signed or not. Anything
 * that does not verify or match is refused and changes nothing; a verified notification acts once.
 */
@SocialMallTest
class PaymentCallbackTests {

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
		PaymentIntent intent = started(buyer, 6_600);
		String id = "ntf_" + UUID.randomUUID();
		var n = sandbox.signed(id, sandbox.body(id, "payment.succeeded", intent.id(), "sbx_t" + intent.id(), 6_600,
				clock.instant()), clock.instant());

		var results = Race.run(10, 10, i -> sandbox.deliver(n));
		assertThat(results).allSatisfy(r -> assertThat(r.value()).isEqualTo(200));
		assertActedOnce(intent, buyer, 6_600);

		// and again later: the gateway's retries and a replay by anyone are acknowledged and ignored
		((io.socialmall.test.MutableClock) clock).advance(Duration.ofSeconds(30));
		assertThat(sandbox.deliver(sandbox.signed(id, n.body(), clock.instant()))).isEqualTo(200);
		assertThat(sandbox.deliver(n)).isEqualTo(200);
		assertActedOnce(intent, buyer, 6_600);
	}

	@Test
	void anotherNotificationOfTheSamePaymentChangesNothing() {
		Person buyer = fixtures.buyer();
		PaymentIntent intent = started(buyer, 1_000);
		assertThat(deliver("payment.succeeded", intent.id(), "sbx_a" + intent.id(), 1_000)).isEqualTo(200);
		assertThat(deliver("payment.succeeded", intent.id(), "sbx_a" + intent.id(), 1_000)).isEqualTo(200);
		// a decline arriving after the success is acknowledged and changes nothing either
		assertThat(deliver("payment.failed", intent.id(), "sbx_b" + intent.id(), 1_000)).isEqualTo(200);
		assertActedOnce(intent, buyer, 1_000);
		assertThat(events.count(PaymentFailed.class, e -> e.paymentIntentId() == intent.id())).isZero();
		assertThat(jdbc.sql("SELECT effect FROM payment_notifications WHERE payment_intent_id = :id ORDER BY received_at")
			.param("id", intent.id()).query(String.class).list()).containsExactly("APPLIED", "NO_EFFECT", "NO_EFFECT");
	}

	@Test
	void aPaymentForACancelledIntentIsStillRecordedAndAnnounced() {
		Person buyer = fixtures.buyer();
		PaymentIntent intent = started(buyer, 2_500);
		tx.executeWithoutResult(s -> payments.cancel(intent.id()));
		tx.executeWithoutResult(s -> payments.cancel(intent.id()));
		assertThat(payments.find(intent.id()).orElseThrow().status()).isEqualTo(PaymentStatus.CANCELLED);

		assertThat(deliver("payment.succeeded", intent.id(), "sbx_c" + intent.id(), 2_500)).isEqualTo(200);
		assertActedOnce(intent, buyer, 2_500);
		assertThat(org.assertj.core.api.Assertions.catchThrowable(
				() -> tx.executeWithoutResult(s -> payments.cancel(intent.id()))))
			.hasMessageContaining("already");
	}

	@Test
	void aDeclineLeavesThePaymentPayableAgain() {
		Person buyer = fixtures.buyer();
		PaymentIntent intent = started(buyer, 700);
		assertThat(deliver("payment.failed", intent.id(), "sbx_d" + intent.id(), 700)).isEqualTo(200);
		assertThat(payments.find(intent.id()).orElseThrow().status()).isEqualTo(PaymentStatus.FAILED);
		assertThat(events.count(PaymentFailed.class, e -> e.paymentIntentId() == intent.id())).isEqualTo(1);
		assertThat(sandbox.start(buyer, intent.id(), null)).startsWith("/sandbox/pay/");
		assertThat(payments.find(intent.id()).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
	}

	@Test
	void aTamperedSignatureIsRefusedAndChangesNothing() {
		Person buyer = fixtures.buyer();
		PaymentIntent intent = started(buyer, 3_000);
		String id = "ntf_" + UUID.randomUUID();
		var genuine = sandbox.signed(id, sandbox.body(id, "payment.succeeded", intent.id(), "sbx_e", 3_000, clock.instant()),
				clock.instant());
		// a cheaper amount in the same body, signature kept
		var tampered = new SandboxDriver.Notification(id, genuine.body().replace("3000", "1"), genuine.timestamp(),
				genuine.signature());
		assertThat(sandbox.deliver(tampered)).isEqualTo(401);
		assertThat(sandbox.deliver(genuine.withSignature("0".repeat(64)))).isEqualTo(401);
		assertThat(sandbox.deliver(genuine.withSignature("not hex at all"))).isEqualTo(401);
		// a signature made with another secret
		var forged = new SandboxDriver(payments, tx, api, mvc, "someone-elses-secret-123", port)
			.signed(id, genuine.body(), clock.instant());
		assertThat(sandbox.deliver(forged)).isEqualTo(401);
		// the signed id swapped for another one (replaying a body under a fresh id)
		var swapped = new SandboxDriver.Notification("ntf_other", genuine.body(), genuine.timestamp(), genuine.signature());
		assertThat(sandbox.deliver(swapped)).isEqualTo(401);
		assertNothingChanged(intent, buyer);
	}

	@Test
	void unsignedOrUnreadableNotificationsAreRefused() throws Exception {
		Person buyer = fixtures.buyer();
		PaymentIntent intent = started(buyer, 3_100);
		var response = api.post("/api/v1/payments/callbacks/sandbox")
			.json(sandbox.body("ntf_u", "payment.succeeded", intent.id(), "sbx_u", 3_100, clock.instant()))
			.send();
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.at("/code").asString()).isEqualTo("unsigned-notification");
		String id = "ntf_" + UUID.randomUUID();
		assertThat(sandbox.deliver(sandbox.signed(id, "{\"id\":\"" + id + "\",\"type\":\"payment.succeeded\"}",
				clock.instant()))).isEqualTo(400);
		assertThat(sandbox.deliver(sandbox.signed(id, "not json", clock.instant()))).isEqualTo(400);
		String fractional = sandbox.body(id, "payment.succeeded", intent.id(), "sbx_u", 3_100, clock.instant())
			.replace("3100", "31.00");
		assertThat(sandbox.deliver(sandbox.signed(id, fractional, clock.instant()))).isEqualTo(400);
		api.post("/api/v1/payments/callbacks/nobody").json("{}").send().expect(404);
		assertNothingChanged(intent, buyer);
	}

	@Test
	void aWrongAmountIsRefusedAndChangesNothing() {
		Person buyer = fixtures.buyer();
		PaymentIntent intent = started(buyer, 5_000);
		assertThat(deliver("payment.succeeded", intent.id(), "sbx_f", 4_999)).isEqualTo(422);
		String id = "ntf_" + UUID.randomUUID();
		String usd = sandbox.body(id, "payment.succeeded", intent.id(), "sbx_f", 5_000, clock.instant())
			.replace("CNY", "USD");
		assertThat(sandbox.deliver(sandbox.signed(id, usd, clock.instant()))).isEqualTo(422);
		assertNothingChanged(intent, buyer);
	}

	@Test
	void anUnknownPaymentIsRefused() {
		assertThat(deliver("payment.succeeded", 999_999_999L, "sbx_g", 100)).isEqualTo(404);
		String id = "ntf_" + UUID.randomUUID();
		String nonsense = sandbox.body(id, "payment.succeeded", 1, "sbx_g", 100, clock.instant())
			.replace("\"merchantOrderNo\":\"1\"", "\"merchantOrderNo\":\"checkout:1\"");
		assertThat(sandbox.deliver(sandbox.signed(id, nonsense, clock.instant()))).isEqualTo(404);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM payment_notifications WHERE transaction_id = 'sbx_g'")
			.query(Long.class).single()).isZero();
	}

	@Test
	void aStaleOrFutureTimestampIsRefusedAndChangesNothing() {
		Person buyer = fixtures.buyer();
		PaymentIntent intent = started(buyer, 4_000);
		Instant now = clock.instant();
		for (Instant at : new Instant[] { now.minus(Duration.ofMinutes(6)), now.plus(Duration.ofMinutes(6)) }) {
			String id = "ntf_" + UUID.randomUUID();
			var stale = sandbox.signed(id, sandbox.body(id, "payment.succeeded", intent.id(), "sbx_h", 4_000, at), at);
			assertThat(sandbox.deliver(stale)).isEqualTo(401);
		}
		assertNothingChanged(intent, buyer);
		// within the tolerance it is fine
		Instant recent = now.minus(Duration.ofMinutes(4));
		String id = "ntf_" + UUID.randomUUID();
		assertThat(sandbox.deliver(sandbox.signed(id,
				sandbox.body(id, "payment.succeeded", intent.id(), "sbx_h", 4_000, recent), recent))).isEqualTo(200);
		assertActedOnce(intent, buyer, 4_000);
	}

	private PaymentIntent started(Person buyer, long fen) {
		PaymentIntent intent = sandbox.intent(buyer, fen);
		sandbox.start(buyer, intent.id(), null);
		return intent;
	}

	private int deliver(String type, long intentId, String transactionId, long amount) {
		String id = "ntf_" + UUID.randomUUID();
		return sandbox.deliver(sandbox.signed(id, sandbox.body(id, type, intentId, transactionId, amount, clock.instant()),
				clock.instant()));
	}

	private void assertActedOnce(PaymentIntent intent, Person buyer, long fen) {
		assertThat(payments.find(intent.id()).orElseThrow().status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(events.count(PaymentSucceeded.class, e -> e.paymentIntentId() == intent.id())).isEqualTo(1);
		assertThat(ledger.entries(AccountRef.buyerFunds(buyer.id()), io.socialmall.core.PageRequest.of(0, 10, 10)).total())
			.isEqualTo(1);
		assertThat(ledger.balance(AccountRef.buyerFunds(buyer.id()), "CNY")).isEqualTo(-fen);
	}

	private void assertNothingChanged(PaymentIntent intent, Person buyer) {
		PaymentIntent now = payments.find(intent.id()).orElseThrow();
		assertThat(now.status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(now.providerTransactionId()).isNull();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM payment_notifications WHERE payment_intent_id = :id")
			.param("id", intent.id()).query(Long.class).single()).isZero();
		assertThat(events.count(PaymentSucceeded.class, e -> e.paymentIntentId() == intent.id())).isZero();
		assertThat(ledger.balance(AccountRef.buyerFunds(buyer.id()), "CNY")).isZero();
	}
}
