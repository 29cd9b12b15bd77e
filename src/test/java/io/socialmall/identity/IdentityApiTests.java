package io.socialmall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.socialmall.test.Fixtures;
import io.socialmall.test.SocialMallTest;
import io.socialmall.test.TestApi;

@SocialMallTest
class IdentityApiTests {

	@Autowired
	TestApi api;

	@Autowired
	Fixtures fixtures;

	@Test
	void registersSignsInWithATokenAndRevokesIt() {
		String email = "ann-" + System.nanoTime() + "@example.com";
		api.post("/api/v1/auth/register")
			.json(Map.of("email", email, "password", "long-enough-1", "displayName", "Ann"))
			.send()
			.expect(201);
		var created = api.post("/api/v1/auth/tokens")
			.json(Map.of("email", email.toUpperCase(), "password", "long-enough-1", "name", "phone"))
			.send()
			.expect(201);
		String token = created.at("/token").asString();
		assertThat(token).startsWith("sm_");

		assertThat(api.get("/api/v1/me").token(token).send().expect(200).at("/email").asString()).isEqualTo(email);

		long tokenId = created.at("/details/id").asLong();
		api.delete("/api/v1/me/tokens/{id}", tokenId).token(token).send().expect(204);
		var after = api.get("/api/v1/me").token(token).send().expect(401);
		assertThat(after.at("/code").asString()).isEqualTo("invalid-token");
	}

	@Test
	void refusesASecondAccountWithTheSameEmailNamingTheField() {
		var ann = fixtures.buyer();
		var response = api.post("/api/v1/auth/register")
			.json(Map.of("email", ann.email(), "password", "long-enough-1", "displayName", "Imposter"))
			.send()
			.expect(409);
		assertThat(response.header("Content-Type")).contains("application/problem+json");
		assertThat(response.at("/code").asString()).isEqualTo("email-taken");
		assertThat(response.at("/errors/0/field").asString()).isEqualTo("email");
	}

	@Test
	void explainsEveryInvalidField() {
		var response = api.post("/api/v1/auth/register")
			.json(Map.of("email", "not-an-email", "password", "short", "displayName", ""))
			.send()
			.expect(400);
		assertThat(response.at("/code").asString()).isEqualTo("invalid-input");
		assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()))
			.containsExactlyInAnyOrder("email", "password", "displayName");
	}

	@Test
	void answersMalformedJsonWithAProblem() {
		var response = api.post("/api/v1/auth/register").raw("{\"email\": ", "application/json").send().expect(400);
		assertThat(response.at("/code").asString()).isEqualTo("malformed-json");
	}

	@Test
	void wrongPasswordGetsNoToken() {
		var ann = fixtures.buyer();
		var response = api.post("/api/v1/auth/tokens")
			.json(Map.of("email", ann.email(), "password", "wrong-password"))
			.send()
			.expect(401);
		assertThat(response.at("/code").asString()).isEqualTo("bad-credentials");
	}

	@Test
	void aTokenCannotBeRevokedByAnotherPerson() {
		var ann = fixtures.buyer();
		var bob = fixtures.buyer();
		long annTokenId = api.get("/api/v1/me/tokens").token(ann.token()).send().expect(200).at("/0/id").asLong();
		api.delete("/api/v1/me/tokens/{id}", annTokenId).token(bob.token()).send().expect(404);
		api.get("/api/v1/me").token(ann.token()).send().expect(200);
	}

	@Test
	void onlyAnOperatorVerifiesASupplier() {
		var shop = fixtures.buyer();
		api.post("/api/v1/me/supplier-application")
			.token(shop.token())
			.json(Map.of("businessName", "Hangzhou Goods Co.", "licenseNumber", "91330100MA2X0001"))
			.send()
			.expect(201);
		api.get("/api/v1/suppliers/{id}", shop.id()).send().expect(404);

		var buyer = fixtures.buyer();
		api.post("/api/v1/operator/suppliers/{id}/verification", shop.id()).token(buyer.token()).send().expect(403);
		api.post("/api/v1/operator/suppliers/{id}/verification", shop.id()).token(shop.token()).send().expect(403);

		var operator = fixtures.operator();
		var verified = api.post("/api/v1/operator/suppliers/{id}/verification", shop.id())
			.token(operator.token())
			.send()
			.expect(200);
		assertThat(verified.at("/status").asString()).isEqualTo("VERIFIED");
		assertThat(api.get("/api/v1/suppliers/{id}", shop.id()).send().expect(200).at("/businessName").asString())
			.isEqualTo("Hangzhou Goods Co.");
	}

	@Test
	void anonymousCallsToPrivateEndpointsAreUnauthenticated() {
		var response = api.get("/api/v1/me").send().expect(401);
		assertThat(response.at("/code").asString()).isEqualTo("unauthenticated");
	}
}
