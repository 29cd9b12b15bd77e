package io.socialmall.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import io.socialmall.payment.sandbox.SandboxSignatures;
import io.socialmall.test.Fixtures.Person;
import io.socialmall.test.TestApi;

/**
 * Paying the way the outside world does it: the buyer starts paying through the checkout API and approves on
 * the sandbox gateway's page; the gateway tells the shop by a signed HTTP notification to the callback.
 */
public final class Paying {

	private final TestApi api;
	private final MockMvc mvc;
	private final Clock clock;
	private final String secret;
	private final int port;
	private final HttpClient http = HttpClient.newHttpClient();

	public Paying(TestApi api, MockMvc mvc, Clock clock, String secret, int port) {
		this.api = api;
		this.mvc = mvc;
		this.clock = clock;
		this.secret = secret;
		this.port = port;
	}

	/** Starts paying the checkout with the sandbox; returns the sandbox page's path. */
	public String start(Person buyer, long checkoutId) {
		var redirect = api.post("/api/v1/checkouts/{id}/payment", checkoutId)
			.token(buyer.token())
			.idempotencyKey(UUID.randomUUID().toString())
			.json(Map.of("provider", "sandbox"))
			.send()
			.expect(200);
		return redirect.at("/url").asString();
	}

	/** Approves on the sandbox page; the gateway sends the buyer back to the pay step. */
	public MockHttpServletResponse approve(String sandboxPage) {
		try {
			return mvc.perform(MockMvcRequestBuilders.post(sandboxPage + "/approve").with(csrf())).andReturn().getResponse();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** Starts, approves and waits until the gateway's notification has made every order of the checkout PAID. */
	public void pay(Person buyer, long checkoutId) {
		var back = approve(start(buyer, checkoutId));
		assertThat(back.getRedirectedUrl()).isEqualTo("/checkout/" + checkoutId + "/pay");
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			var checkout = api.get("/api/v1/checkouts/{id}", checkoutId).token(buyer.token()).send().expect(200).json();
			for (var order : checkout.get("orders")) {
				if (!order.get("status").asString().equals("PAID")) {
					return false;
				}
			}
			return true;
		});
	}

	/** A paid order of {@code quantity} units of a new product of {@code supplier}, bought by {@code buyer}. */
	public long paidOrder(io.socialmall.test.Fixtures fixtures, Person supplier, Person buyer, long price, int quantity) {
		long sku = fixtures.productOnSale(supplier, price, 10).skus().get(0).id();
		var shopping = new Shopping(api);
		var placed = shopping.checkout(buyer, shopping.readyToCheckOut(buyer, sku, quantity)).expect(201);
		pay(buyer, placed.id());
		return placed.at("/orders/0/id").asLong();
	}

	/**
	 * Delivers, over HTTP, the success notification the sandbox gateway sends when a payment went through
	 * (signed with the shared secret, as the gateway signs it): a payment arriving on its own schedule.
	 * @return the callback's HTTP status
	 */
	public int notifySucceeded(long paymentIntentId, long amount) {
		String id = "ntf_" + UUID.randomUUID().toString().replace("-", "");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", id);
		body.put("type", "payment.succeeded");
		body.put("merchantOrderNo", String.valueOf(paymentIntentId));
		body.put("transactionId", "sbx_" + UUID.randomUUID().toString().replace("-", ""));
		body.put("amount", amount);
		body.put("currency", "CNY");
		body.put("occurredAt", clock.instant().toString());
		String json = api.json().writeValueAsString(body);
		long timestamp = clock.instant().getEpochSecond();
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/payments/callbacks/sandbox"))
			.header("Content-Type", "application/json")
			.header(SandboxSignatures.NOTIFICATION_ID, id)
			.header(SandboxSignatures.TIMESTAMP, String.valueOf(timestamp))
			.header(SandboxSignatures.SIGNATURE, SandboxSignatures.sign(secret, id, timestamp, json.getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString(json))
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
