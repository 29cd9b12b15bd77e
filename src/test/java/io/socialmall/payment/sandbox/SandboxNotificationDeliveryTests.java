package io.socialmall.payment.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.sun.net.httpserver.HttpServer;

import io.socialmall.core.Money;
import io.socialmall.payment.spi.CheckoutRequest;
import io.socialmall.test.MutableClock;
import io.socialmall.test.SocialMallTest;

/**
 * The sandbox gateway's side of notifications, against a merchant endpoint on a loopback port that
 * refuses as often as the test says: signed deliveries, retried with growing pauses until a 2xx.
 */
@SocialMallTest
class SandboxNotificationDeliveryTests {

	@Autowired
	SandboxGateway gateway;

	@Autowired
	SandboxNotifier notifier;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Value("${socialmall.payment.sandbox.secret}")
	String secret;

	HttpServer server;

	record Received(String id, long timestamp, String signature, String body) {
	}

	final List<Received> received = new CopyOnWriteArrayList<>();

	@AfterEach
	void stop() {
		if (server != null) {
			server.stop(0);
		}
	}

	@Test
	void aRefusedNotificationIsRetriedWithGrowingPausesUntilTheMerchantAnswers2xx() throws IOException {
		String url = merchantRefusing(2);
		SandboxSession session = gateway.open(new CheckoutRequest("ext-" + UUID.randomUUID(), Money.cny(1_234), "test",
				"/", url));
		gateway.approve(session.token());
		String id = notificationOf(session.token());

		await().atMost(Duration.ofSeconds(10)).until(() -> attempts(id) == 1 && !leased(id));
		assertThat(Duration.between(clock.instant(), due(id))).isEqualTo(Duration.ofSeconds(15));
		notifier.deliverDue();
		assertThat(attempts(id)).as("not due yet").isEqualTo(1);

		advanceTo(due(id));
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			notifier.deliverDue();
			return attempts(id) == 2 && !leased(id);
		});
		assertThat(Duration.between(clock.instant(), due(id))).isEqualTo(Duration.ofSeconds(30));

		advanceTo(due(id));
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			notifier.deliverDue();
			return "DELIVERED".equals(status(id));
		});
		assertThat(received).hasSize(3);
		assertThat(received).allSatisfy(r -> {
			assertThat(r.id()).isEqualTo(id);
			assertThat(r.signature())
				.isEqualTo(SandboxSignatures.sign(secret, r.id(), r.timestamp(), r.body().getBytes(StandardCharsets.UTF_8)));
			assertThat(r.body()).contains("\"type\":\"payment.succeeded\"").contains("\"amount\":1234")
				.contains("\"id\":\"" + id + "\"");
		});
		assertThat(received).extracting(Received::body).containsOnly(received.get(0).body());
		// each delivery is signed when it is sent, so a retry is never stale
		assertThat(received.get(2).timestamp() - received.get(0).timestamp()).isEqualTo(45);

		advanceTo(clock.instant().plus(Duration.ofHours(2)));
		notifier.deliverDue();
		assertThat(received).as("delivered notifications are not sent again").hasSize(3);
	}

	@Test
	void aMerchantThatNeverAnswersIsGivenUpOnAfterTheLastAttempt() throws IOException {
		String url = merchantRefusing(Integer.MAX_VALUE);
		SandboxSession session = gateway.open(new CheckoutRequest("ext-" + UUID.randomUUID(), Money.cny(50), "test", "/",
				url));
		gateway.decline(session.token());
		String id = notificationOf(session.token());
		await().atMost(Duration.ofSeconds(10)).until(() -> attempts(id) == 1 && !leased(id));
		for (int attempt = 2; attempt <= 30; attempt++) {
			advanceTo(due(id));
			int expected = attempt;
			await().atMost(Duration.ofSeconds(10)).until(() -> {
				notifier.deliverDue();
				return attempts(id) == expected && !leased(id);
			});
			if (attempt < 30) {
				assertThat(Duration.between(clock.instant(), due(id)))
					.isEqualTo(attempt >= 9 ? Duration.ofHours(1) : Duration.ofSeconds(15L << (attempt - 1)));
			}
		}
		assertThat(status(id)).isEqualTo("ABANDONED");
		advanceTo(clock.instant().plus(Duration.ofHours(2)));
		notifier.deliverDue();
		assertThat(received).hasSize(30);
		assertThat(received.get(0).body()).contains("\"type\":\"payment.failed\"");
	}

	private String merchantRefusing(int refusals) throws IOException {
		AtomicInteger calls = new AtomicInteger();
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/notify", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			received.add(new Received(exchange.getRequestHeaders().getFirst(SandboxSignatures.NOTIFICATION_ID),
					Long.parseLong(exchange.getRequestHeaders().getFirst(SandboxSignatures.TIMESTAMP)),
					exchange.getRequestHeaders().getFirst(SandboxSignatures.SIGNATURE), body));
			int status = calls.incrementAndGet() <= refusals ? 503 : 204;
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		server.start();
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/notify";
	}

	private void advanceTo(Instant instant) {
		Duration gap = Duration.between(clock.instant(), instant);
		if (!gap.isNegative()) {
			((MutableClock) clock).advance(gap);
		}
	}

	private String notificationOf(String token) {
		return jdbc.sql("SELECT id FROM sandbox_notifications WHERE token = :t").param("t", token).query(String.class)
			.single();
	}

	private int attempts(String id) {
		return jdbc.sql("SELECT attempts FROM sandbox_notifications WHERE id = :id").param("id", id)
			.query(Integer.class).single();
	}

	private boolean leased(String id) {
		return jdbc.sql("SELECT lease_until FROM sandbox_notifications WHERE id = :id").param("id", id)
			.query((rs, n) -> rs.getTimestamp(1) != null).single();
	}

	private Instant due(String id) {
		return jdbc.sql("SELECT next_attempt_at FROM sandbox_notifications WHERE id = :id").param("id", id)
			.query((rs, n) -> rs.getTimestamp(1).toInstant()).single();
	}

	private String status(String id) {
		return jdbc.sql("SELECT status FROM sandbox_notifications WHERE id = :id").param("id", id)
			.query(String.class).single();
	}
}
