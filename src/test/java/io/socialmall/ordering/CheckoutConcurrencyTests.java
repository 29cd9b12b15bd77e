package io.socialmall.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.socialmall.inventory.Inventory;
import io.socialmall.test.Fixtures;
import io.socialmall.test.Fixtures.Person;
import io.socialmall.test.PostgresTest;
import io.socialmall.test.Race;
import io.socialmall.test.TestApi;
import tools.jackson.databind.JsonNode;

/**
 * Buyers racing through the real checkout API over HTTP (the embedded server on its random port), on
 * PostgreSQL.
 */
@PostgresTest
class CheckoutConcurrencyTests {

	@LocalServerPort
	int port;

	@Autowired
	TestApi api;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Inventory inventory;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@Test
	void twoHundredBuyersRacingForFiftyUnitsGetExactlyFiftyOrders() {
		var supplier = fixtures.verifiedSupplier();
		long sku = fixtures.productOnSale(supplier, 9900, 50).skus().get(0).id();
		var shopping = new Shopping(api);
		List<Person> buyers = new ArrayList<>();
		List<Long> addresses = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			Person buyer = fixtures.buyer();
			buyers.add(buyer);
			addresses.add(shopping.readyToCheckOut(buyer, sku, 1));
		}

		long started = System.nanoTime();
		var results = Race.run(200, 50, i -> checkout(buyers.get(i), UUID.randomUUID().toString(), addresses.get(i)));
		org.slf4j.LoggerFactory.getLogger(CheckoutConcurrencyTests.class)
			.info("200 checkouts racing for one SKU answered in {} ms", (System.nanoTime() - started) / 1_000_000);

		assertThat(results).allMatch(Race.Result::succeeded);
		var won = results.stream().map(Race.Result::value).filter(r -> r.statusCode() == 201).toList();
		var lost = results.stream().map(Race.Result::value).filter(r -> r.statusCode() != 201).toList();
		assertThat(won).hasSize(50);
		assertThat(lost).hasSize(150).allSatisfy(response -> {
			assertThat(response.statusCode()).isEqualTo(409);
			assertThat(api.json().readTree(response.body()).get("code").asString()).isEqualTo("sold-out");
		});
		var level = inventory.level(sku);
		assertThat(level.available()).isZero();
		assertThat(level.reserved()).isEqualTo(50);
		assertThat(count("SELECT count(*) FROM orders WHERE supplier_id = :s", supplier.id())).isEqualTo(50);
		assertThat(count("SELECT count(DISTINCT buyer_id) FROM orders WHERE supplier_id = :s", supplier.id())).isEqualTo(50);
		assertThat(count("SELECT coalesce(sum(l.quantity), 0) FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.supplier_id = :s",
				supplier.id())).isEqualTo(50);
		assertThat(count("SELECT count(DISTINCT order_no) FROM orders WHERE supplier_id = :s", supplier.id())).isEqualTo(50);
		// the losers' payment intents rolled back with the rest of their checkouts
		assertThat(jdbc.sql("SELECT count(*) FROM payment_intents WHERE payer_id IN (:buyers)")
			.param("buyers", buyers.stream().map(Person::id).toList())
			.query(Long.class)
			.single()).isEqualTo(50);
	}

	@Test
	void tenConcurrentRetriesWithOneKeyPlaceOneCheckout() {
		var supplier = fixtures.verifiedSupplier();
		long sku = fixtures.productOnSale(supplier, 1500, 100).skus().get(0).id();
		var buyer = fixtures.buyer();
		long address = new Shopping(api).readyToCheckOut(buyer, sku, 3);
		String key = UUID.randomUUID().toString();

		var results = Race.run(10, 10, i -> checkout(buyer, key, address));

		assertThat(results).allMatch(Race.Result::succeeded);
		assertThat(results).extracting(r -> r.value().statusCode()).containsOnly(201);
		List<JsonNode> bodies = results.stream().map(r -> api.json().readTree(r.value().body())).toList();
		assertThat(bodies).extracting(b -> b.get("id").asLong()).containsOnly(bodies.get(0).get("id").asLong());
		assertThat(bodies).extracting(b -> b.get("paymentIntentId").asLong()).containsOnly(bodies.get(0).get("paymentIntentId").asLong());
		assertThat(results).filteredOn(r -> r.value().headers().firstValue("Idempotent-Replayed").orElse("").equals("false")).hasSize(1);
		assertThat(count("SELECT count(*) FROM checkouts WHERE buyer_id = :s", buyer.id())).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM orders WHERE buyer_id = :s", buyer.id())).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM payment_intents WHERE payer_id = :s", buyer.id())).isEqualTo(1);
		assertThat(inventory.level(sku).reserved()).isEqualTo(3);
		assertThat(inventory.level(sku).available()).isEqualTo(97);
	}

	private HttpResponse<String> checkout(Person buyer, String key, long address) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/checkouts"))
			.header("Authorization", "Bearer " + buyer.token())
			.header("Idempotency-Key", key)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofString("{\"addressId\": " + address + "}"))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private long count(String sql, long id) {
		return jdbc.sql(sql).param("s", id).query(Long.class).single();
	}
}
