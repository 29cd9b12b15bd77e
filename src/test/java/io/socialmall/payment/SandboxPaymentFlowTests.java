package io.socialmall.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;

import io.socialmall.identity.Accounts;
import io.socialmall.identity.Sessions;
import io.socialmall.ledger.AccountRef;
import io.socialmall.ledger.Ledger;
import io.socialmall.test.Fixtures;
import io.socialmall.test.Fixtures.Person;
import io.socialmall.test.RecordedEvents;
import io.socialmall.test.SocialMallTest;
import io.socialmall.test.TestApi;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/** The sandbox gateway end to end: API start, the gateway's page, its asynchronous signed callback over HTTP. */
@SocialMallTest
class SandboxPaymentFlowTests {

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
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Value("${socialmall.payment.sandbox.secret}")
	String secret;

	@LocalServerPort
	int port;

	@Autowired
	java.time.Clock clock;

	@Autowired
	io.socialmall.payment.sandbox.SandboxGateway gateway;

	SandboxDriver sandbox;

	@BeforeEach
	void driver() {
		sandbox = new SandboxDriver(payments, tx, api, mvc, secret, port);
	}

	@Test
	void approvedPaymentIsConfirmedOnceByTheGatewaysSignedCallback() {
		Person buyer = fixtures.buyer();
		PaymentIntent intent = sandbox.intent(buyer, 12_345);
		String page = sandbox.start(buyer, intent.id(), "/orders?checkout=77");
		assertThat(page).startsWith("/sandbox/pay/");
		assertThat(payments.find(intent.id()).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);

		var approved = sandbox.approve(page);
		assertThat(approved.getStatus()).isEqualTo(302);
		assertThat(approved.getRedirectedUrl()).isEqualTo("/orders?checkout=77");

		await().atMost(Duration.ofSeconds(20)).until(() -> payments.find(intent.id()).orElseThrow().status() == PaymentStatus.SUCCEEDED);
		PaymentIntent paid = payments.find(intent.id()).orElseThrow();
		assertThat(paid.provider()).isEqualTo("SANDBOX");
		assertThat(paid.providerTransactionId()).startsWith("sbx_");
		assertThat(paid.succeededAt()).isNotNull();
		assertThat(events.of(PaymentSucceeded.class, e -> e.paymentIntentId() == intent.id())).singleElement()
			.satisfies(e -> {
				assertThat(e.amount().amount()).isEqualTo(12_345);
				assertThat(e.payerId()).isEqualTo(buyer.id());
				assertThat(e.providerTransactionId()).isEqualTo(paid.providerTransactionId());
			});
		await().atMost(Duration.ofSeconds(5)).until(() -> "DELIVERED".equals(notificationStatus(page)));
		assertThat(jdbc.sql("SELECT attempts FROM sandbox_notifications WHERE token = :t")
			.param("t", token(page)).query(Integer.class).single()).isEqualTo(1);
		// the ledger posted the payment in the callback's transaction
		assertThat(ledger.balance(AccountRef.buyerFunds(buyer.id()), "CNY")).isEqualTo(-12_345);

		// approving again (a double click) changes nothing and takes no second payment
		assertThat(sandbox.approve(page).getRedirectedUrl()).isEqualTo("/orders?checkout=77");
		assertThat(events.count(PaymentSucceeded.class, e -> e.paymentIntentId() == intent.id())).isEqualTo(1);
		assertThat(payments.find(intent.id()).orElseThrow().providerTransactionId()).isEqualTo(paid.providerTransactionId());
	}

	@Test
	void declinedPaymentFailsAndCanBePaidAgain() {
		Person buyer = fixtures.buyer();
		PaymentIntent intent = sandbox.intent(buyer, 990);
		String first = sandbox.start(buyer, intent.id(), null);
		assertThat(sandbox.decline(first).getRedirectedUrl()).isEqualTo("/payments/" + intent.id());

		await().atMost(Duration.ofSeconds(20)).until(() -> payments.find(intent.id()).orElseThrow().status() == PaymentStatus.FAILED);
		assertThat(events.of(PaymentFailed.class, e -> e.paymentIntentId() == intent.id())).singleElement()
			.satisfies(e -> assertThat(e.reason()).contains("declined"));
		assertThat(events.count(PaymentSucceeded.class, e -> e.paymentIntentId() == intent.id())).isZero();
		assertThat(ledger.balance(AccountRef.buyerFunds(buyer.id()), "CNY")).isZero();

		String second = sandbox.start(buyer, intent.id(), null);
		assertThat(second).isNotEqualTo(first);
		// the declined session stays decided
		assertThat(sandbox.approve(first).getRedirectedUrl()).isEqualTo("/payments/" + intent.id());
		sandbox.approve(second);
		await().atMost(Duration.ofSeconds(20)).until(() -> payments.find(intent.id()).orElseThrow().status() == PaymentStatus.SUCCEEDED);
		assertThat(events.count(PaymentSucceeded.class, e -> e.paymentIntentId() == intent.id())).isEqualTo(1);
	}

	@Test
	void anOrderIsPaidOnceEvenIfTheBuyerApprovesTwoSessions() {
		Person buyer = fixtures.buyer();
		PaymentIntent intent = sandbox.intent(buyer, 500);
		String first = sandbox.start(buyer, intent.id(), null);
		String second = sandbox.start(buyer, intent.id(), null);
		sandbox.approve(first);
		var again = sandbox.approve(second);
		assertThat(again.getStatus()).isEqualTo(409);
		await().atMost(Duration.ofSeconds(20)).until(() -> payments.find(intent.id()).orElseThrow().status() == PaymentStatus.SUCCEEDED);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM sandbox_payments WHERE merchant_order_no = :o AND status = 'PAID'")
			.param("o", String.valueOf(intent.id())).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theSandboxPageShowsMerchantAmountAndDescriptionInEachLanguage() throws Exception {
		Person buyer = fixtures.buyer();
		PaymentIntent intent = sandbox.intent(buyer, 12_300);
		String page = sandbox.start(buyer, intent.id(), null);
		Map<String, String> approve = Map.of("en", "Approve and pay", "zh-CN", "确认支付", "zh-TW", "確認付款");
		for (var language : approve.entrySet()) {
			String html = mvc.perform(MockMvcRequestBuilders.get(page).param("lang", language.getKey()))
				.andReturn()
				.getResponse()
				.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
			assertThat(html).contains(language.getValue()).contains("SocialMall").contains("¥123.00")
				.contains("补水面膜 ×2 &lt;b&gt;&amp;amp;&lt;/b&gt;")
				.doesNotContain("<b>&amp;</b>");
		}
		assertThat(sandbox.get("/sandbox/pay/no-such-token").getStatus()).isEqualTo(404);
	}

	@Test
	void theReturnPageShowsProcessingUntilTheCallbackLands() throws Exception {
		Person buyer = fixtures.buyer();
		var user = accounts.currentUser(buyer.id()).orElseThrow();
		PaymentIntent intent = sandbox.intent(buyer, 4_200);
		sandbox.start(buyer, intent.id(), null);
		String processing = mvc.perform(MockMvcRequestBuilders.get("/payments/{id}", intent.id())
				.with(authentication(Sessions.authentication(user))))
			.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(processing).contains("Processing").contains("hx-trigger=\"every 2s\"");

		// the gateway's notification arrives: the polled status block now says paid and stops polling
		String body = sandbox.body("ntf_page_" + intent.id(), "payment.succeeded", intent.id(), "sbx_page_" + intent.id(),
				4_200, clockNow());
		assertThat(sandbox.deliver(sandbox.signed("ntf_page_" + intent.id(), body, clockNow()))).isEqualTo(200);
		String paid = mvc.perform(MockMvcRequestBuilders.get("/payments/{id}/status", intent.id())
				.with(authentication(Sessions.authentication(user))))
			.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(paid).contains("Paid").doesNotContain("hx-trigger");

		// someone else's payment is not found
		var stranger = accounts.currentUser(fixtures.buyer().id()).orElseThrow();
		assertThat(mvc.perform(MockMvcRequestBuilders.get("/payments/{id}", intent.id())
				.with(authentication(Sessions.authentication(stranger)))).andReturn().getResponse().getStatus())
			.isEqualTo(404);
	}

	@Test
	void startIsIdempotentAndOnlyForThePayer() {
		Person buyer = fixtures.buyer();
		PaymentIntent intent = sandbox.intent(buyer, 800);
		String key = UUID.randomUUID().toString();
		var first = api.post("/api/v1/payments/{id}/start", intent.id()).token(buyer.token()).idempotencyKey(key)
			.json(Map.of("provider", "SANDBOX")).send().expect(200);
		var replay = api.post("/api/v1/payments/{id}/start", intent.id()).token(buyer.token()).idempotencyKey(key)
			.json(Map.of("provider", "SANDBOX")).send().expect(200);
		assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(replay.at("/url").asString()).isEqualTo(first.at("/url").asString());

		Person stranger = fixtures.buyer();
		api.post("/api/v1/payments/{id}/start", intent.id()).token(stranger.token()).idempotencyKey(UUID.randomUUID().toString())
			.json(Map.of("provider", "SANDBOX")).send().expect(404);
		api.get("/api/v1/payments/{id}", intent.id()).token(stranger.token()).send().expect(404);
		assertThat(api.get("/api/v1/payments/{id}", intent.id()).token(buyer.token()).send().expect(200)
			.at("/status").asString()).isEqualTo("PENDING");
		api.post("/api/v1/payments/{id}/start", intent.id()).token(buyer.token())
			.json(Map.of("provider", "SANDBOX")).send().expect(400);
	}

	@Test
	void refusesBadStartRequestsNamingTheField() {
		Person buyer = fixtures.buyer();
		PaymentIntent intent = sandbox.intent(buyer, 800);
		var offsite = api.post("/api/v1/payments/{id}/start", intent.id()).token(buyer.token())
			.idempotencyKey(UUID.randomUUID().toString())
			.json(Map.of("provider", "SANDBOX", "returnPath", "//evil.example/steal")).send().expect(400);
		assertThat(offsite.at("/errors/0/field").asString()).isEqualTo("returnPath");
		var unknown = api.post("/api/v1/payments/{id}/start", intent.id()).token(buyer.token())
			.idempotencyKey(UUID.randomUUID().toString()).json(Map.of("provider", "BITCOIN")).send().expect(400);
		assertThat(unknown.at("/errors/0/field").asString()).isEqualTo("provider");
		var missing = api.post("/api/v1/payments/{id}/start", intent.id()).token(buyer.token())
			.idempotencyKey(UUID.randomUUID().toString()).json(Map.of()).send().expect(400);
		assertThat(missing.at("/errors/0/field").asString()).isEqualTo("provider");
		assertThat(payments.find(intent.id()).orElseThrow().status()).isEqualTo(PaymentStatus.CREATED);
	}

	@Test
	void aPaidOrCancelledPaymentCannotBeStarted() {
		Person buyer = fixtures.buyer();
		PaymentIntent intent = sandbox.intent(buyer, 300);
		tx.executeWithoutResult(s -> payments.cancel(intent.id()));
		var cancelled = api.post("/api/v1/payments/{id}/start", intent.id()).token(buyer.token())
			.idempotencyKey(UUID.randomUUID().toString()).json(Map.of("provider", "SANDBOX")).send().expect(409);
		assertThat(cancelled.at("/code").asString()).isEqualTo("payment-cancelled");
	}

	@Test
	void aGatewayThatIsDownOpensNothingAndTheBuyerMayTryAgain() {
		Person buyer = fixtures.buyer();
		PaymentIntent intent = sandbox.intent(buyer, 600);
		String key = UUID.randomUUID().toString();
		gateway.setAvailable(false);
		try {
			var down = api.post("/api/v1/payments/{id}/start", intent.id()).token(buyer.token()).idempotencyKey(key)
				.json(Map.of("provider", "SANDBOX")).send().expect(503);
			assertThat(down.at("/code").asString()).isEqualTo("provider-unavailable");
			assertThat(payments.find(intent.id()).orElseThrow().status()).isEqualTo(PaymentStatus.CREATED);
		}
		finally {
			gateway.setAvailable(true);
		}
		// the failed attempt kept neither the status nor the idempotency key
		assertThat(api.post("/api/v1/payments/{id}/start", intent.id()).token(buyer.token()).idempotencyKey(key)
			.json(Map.of("provider", "SANDBOX")).send().expect(200).header("Idempotent-Replayed")).isNull();
		assertThat(payments.find(intent.id()).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
	}

	private java.time.Instant clockNow() {
		return clock.instant();
	}

	private String notificationStatus(String page) {
		return jdbc.sql("SELECT status FROM sandbox_notifications WHERE token = :t").param("t", token(page))
			.query(String.class).single();
	}

	private static String token(String page) {
		return page.substring(page.lastIndexOf('/') + 1);
	}
}
