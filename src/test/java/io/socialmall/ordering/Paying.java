package io.socialmall.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import io.socialmall.test.Fixtures.Person;
import io.socialmall.test.TestApi;

/**
 * Paying the way the outside world does it: the buyer starts paying through the checkout API and approves on
 * the sandbox gateway's page; the gateway tells the shop by a signed HTTP notification to its callback, on
 * a thread of its own.
 */
public final class Paying {

	private final TestApi api;
	private final MockMvc mvc;

	public Paying(TestApi api, MockMvc mvc) {
		this.api = api;
		this.mvc = mvc;
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
}
