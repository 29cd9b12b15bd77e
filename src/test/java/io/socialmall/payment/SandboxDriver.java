package io.socialmall.payment;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;

import io.socialmall.core.Money;
import io.socialmall.payment.sandbox.SandboxSignatures;
import io.socialmall.test.Fixtures.Person;
import io.socialmall.test.TestApi;

/**
 * Drives payments the way the outside world does: the buyer through the API and the sandbox page, the
 * gateway by signed HTTP notifications to the application's real port.
 */
final class SandboxDriver {

	private final Payments payments;
	private final TransactionTemplate tx;
	private final TestApi api;
	private final MockMvc mvc;
	private final String secret;
	private final int port;
	private final HttpClient http = HttpClient.newHttpClient();

	SandboxDriver(Payments payments, TransactionTemplate tx, TestApi api, MockMvc mvc, String secret, int port) {
		this.payments = payments;
		this.tx = tx;
		this.api = api;
		this.mvc = mvc;
		this.secret = secret;
		this.port = port;
	}

	PaymentIntent intent(Person payer, long fen) {
		return tx.execute(s -> payments.create(new NewPayment("test:" + UUID.randomUUID(), payer.id(), Money.cny(fen),
				"补水面膜 ×2 <b>&amp;</b>")));
	}

	/** Starts paying with the sandbox through the API; returns the sandbox page's path. */
	String start(Person payer, long intentId, String returnPath) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("provider", "SANDBOX");
		if (returnPath != null) {
			body.put("returnPath", returnPath);
		}
		return api.post("/api/v1/payments/{id}/start", intentId)
			.token(payer.token())
			.idempotencyKey(UUID.randomUUID().toString())
			.json(body)
			.send()
			.expect(200)
			.at("/url")
			.asString();
	}

	MockHttpServletResponse approve(String page) {
		return post(page + "/approve");
	}

	MockHttpServletResponse decline(String page) {
		return post(page + "/decline");
	}

	MockHttpServletResponse get(String page) {
		try {
			return mvc.perform(MockMvcRequestBuilders.get(page)).andReturn().getResponse();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private MockHttpServletResponse post(String path) {
		try {
			return mvc.perform(MockMvcRequestBuilders.post(path).with(csrf())).andReturn().getResponse();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** A notification as the sandbox gateway would send it. */
	record Notification(String id, String body, long timestamp, String signature) {

		Notification withSignature(String signature) {
			return new Notification(id, body, timestamp, signature);
		}
	}

	String body(String notificationId, String type, long intentId, String transactionId, long amount, Instant at) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", notificationId);
		body.put("type", type);
		body.put("merchantOrderNo", String.valueOf(intentId));
		body.put("transactionId", transactionId);
		body.put("amount", amount);
		body.put("currency", "CNY");
		body.put("occurredAt", at.toString());
		return api.json().writeValueAsString(body);
	}

	Notification signed(String notificationId, String body, Instant at) {
		long timestamp = at.getEpochSecond();
		return new Notification(notificationId, body, timestamp,
				SandboxSignatures.sign(secret, notificationId, timestamp, body.getBytes(StandardCharsets.UTF_8)));
	}

	/** POSTs a notification to the callback endpoint over real HTTP; returns the status code. */
	int deliver(Notification n) {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/payments/callbacks/sandbox"))
			.header("Content-Type", "application/json")
			.header(SandboxSignatures.NOTIFICATION_ID, n.id())
			.header(SandboxSignatures.TIMESTAMP, String.valueOf(n.timestamp()))
			.header(SandboxSignatures.SIGNATURE, n.signature())
			.POST(HttpRequest.BodyPublishers.ofString(n.body()))
			.build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
