package io.socialmall.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;

import io.socialmall.core.Money;
import io.socialmall.test.Fixtures;
import io.socialmall.test.SocialMallTest;
import io.socialmall.test.TestApi;

/** Production switches the sandbox off: no gateway that approves without money, no page, no callback. */
@SocialMallTest
@TestPropertySource(properties = { "socialmall.payment.sandbox.enabled=false", "socialmall.payment.sandbox.secret=" })
class SandboxDisabledTests {

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

	@Test
	void withoutTheSandboxThereIsNothingToPayWithAndNothingToCallBack() throws Exception {
		var buyer = fixtures.buyer();
		var intent = tx.execute(s -> payments.create(new NewPayment("test:" + UUID.randomUUID(), buyer.id(),
				Money.cny(100), "test")));
		var refused = api.post("/api/v1/payments/{id}/start", intent.id()).token(buyer.token())
			.idempotencyKey(UUID.randomUUID().toString()).json(Map.of("provider", "SANDBOX")).send().expect(400);
		assertThat(refused.at("/errors/0/field").asString()).isEqualTo("provider");
		api.post("/api/v1/payments/callbacks/sandbox").json("{}").send().expect(404);
		assertThat(mvc.perform(MockMvcRequestBuilders.get("/sandbox/pay/anything")).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		assertThat(payments.find(intent.id()).orElseThrow().status()).isEqualTo(PaymentStatus.CREATED);
	}
}
