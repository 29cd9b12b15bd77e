package io.socialmall.ordering.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import io.socialmall.ordering.Paying;
import io.socialmall.test.Fixtures;
import io.socialmall.test.MutableClock;
import io.socialmall.test.SocialMallTest;
import io.socialmall.test.TestApi;

/** An open after-sales case holds a received order back from completing until the case is closed. */
@SocialMallTest
class AfterSalesHookTests {

	@Autowired
	TestApi api;

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	OrderTransitions transitions;

	@Autowired
	OrderSweeper sweeper;

	@Autowired
	MutableClock clock;

	@Autowired
	TransactionTemplate tx;


	@Test
	void anOpenCaseHoldsTheOrderBackFromCompleting() {
		var supplier = fixtures.verifiedSupplier();
		var buyer = fixtures.buyer();
		long order = new Paying(api, mvc).paidOrder(fixtures, supplier, buyer, 2500, 1);
		api.post("/api/v1/supplier/orders/{id}/shipment", order).token(supplier.token())
			.json(Map.of("carrier", "圆通速递", "trackingNumber", "YT123")).send().expect(200);
		api.post("/api/v1/orders/{id}/receipt", order).token(buyer.token()).send().expect(200);
		tx.executeWithoutResult(s -> transitions.openAfterSales(order));

		clock.advance(Duration.ofDays(8));
		sweeper.completeReceived();
		assertThat(status(buyer, order)).isEqualTo("RECEIVED");

		tx.executeWithoutResult(s -> transitions.closeAfterSales(order));
		sweeper.completeReceived();
		assertThat(status(buyer, order)).isEqualTo("COMPLETED");
	}

	private String status(Fixtures.Person buyer, long order) {
		return api.get("/api/v1/orders/{id}", order).token(buyer.token()).send().expect(200).at("/status").asString();
	}
}
