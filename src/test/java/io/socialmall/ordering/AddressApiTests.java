package io.socialmall.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.socialmall.test.Fixtures;
import io.socialmall.test.SocialMallTest;
import io.socialmall.test.TestApi;

@SocialMallTest
class AddressApiTests {

	@Autowired
	TestApi api;

	@Autowired
	Fixtures fixtures;

	@Test
	void keepsABuyersAddressesWithOneDefault() {
		var buyer = fixtures.buyer();
		long first = api.post("/api/v1/addresses").token(buyer.token()).json(address("张三")).send().expect(201).id();
		var second = api.post("/api/v1/addresses").token(buyer.token()).json(address("李四")).send().expect(201);
		assertThat(api.get("/api/v1/addresses/{id}", first).token(buyer.token()).send().expect(200).at("/isDefault").asBoolean()).isTrue();
		assertThat(second.at("/isDefault").asBoolean()).isFalse();

		var body = address("李四");
		body.put("isDefault", true);
		api.put("/api/v1/addresses/{id}", second.id()).token(buyer.token()).json(body).send().expect(200);
		var list = api.get("/api/v1/addresses").token(buyer.token()).send().expect(200);
		assertThat(list.at("/0/id").asLong()).isEqualTo(second.id());
		assertThat(list.at("/0/isDefault").asBoolean()).isTrue();
		assertThat(list.at("/1/isDefault").asBoolean()).isFalse();

		api.delete("/api/v1/addresses/{id}", second.id()).token(buyer.token()).send().expect(204);
		assertThat(api.get("/api/v1/addresses/{id}", first).token(buyer.token()).send().expect(200).at("/isDefault").asBoolean()).isTrue();
	}

	@Test
	void anotherBuyersAddressCannotBeReadChangedOrDeleted() {
		var ann = fixtures.buyer();
		var bob = fixtures.buyer();
		long annsAddress = api.post("/api/v1/addresses").token(ann.token()).json(address("Ann")).send().expect(201).id();

		api.get("/api/v1/addresses/{id}", annsAddress).token(bob.token()).send().expect(404);
		api.put("/api/v1/addresses/{id}", annsAddress).token(bob.token()).json(address("Bob")).send().expect(404);
		api.delete("/api/v1/addresses/{id}", annsAddress).token(bob.token()).send().expect(404);
		assertThat(api.get("/api/v1/addresses").token(bob.token()).send().expect(200).json().size()).isZero();
		assertThat(api.get("/api/v1/addresses/{id}", annsAddress).token(ann.token()).send().expect(200).at("/recipient").asString())
			.isEqualTo("Ann");
		api.get("/api/v1/addresses").send().expect(401);
	}

	@Test
	void refusesMarkupOverLongTextAndBadPhonesNamingTheFieldAndWritesNothing() {
		var buyer = fixtures.buyer();
		var script = address("<script>alert(1)</script>");
		var refused = api.post("/api/v1/addresses").token(buyer.token()).json(script).send().expect(400);
		assertThat(refused.header("Content-Type")).contains("application/problem+json");
		assertThat(refused.at("/errors/0/field").asString()).isEqualTo("recipient");

		var longStreet = address("Ann");
		longStreet.put("street", "长".repeat(201));
		assertThat(api.post("/api/v1/addresses").token(buyer.token()).json(longStreet).send().expect(400).at("/errors/0/field").asString())
			.isEqualTo("street");

		var badPhone = address("Ann");
		badPhone.put("phone", "call me");
		assertThat(api.post("/api/v1/addresses").token(buyer.token()).json(badPhone).send().expect(400).at("/errors/0/field").asString())
			.isEqualTo("phone");

		api.post("/api/v1/addresses").token(buyer.token()).raw("{\"recipient\": [", "application/json").send().expect(400);
		assertThat(api.get("/api/v1/addresses").token(buyer.token()).send().expect(200).json().size()).isZero();
	}

	static Map<String, Object> address(String recipient) {
		var body = new HashMap<String, Object>();
		body.put("recipient", recipient);
		body.put("phone", "13800138000");
		body.put("province", "浙江省");
		body.put("city", "杭州市");
		body.put("district", "西湖区");
		body.put("street", "文三路 100 号");
		body.put("postalCode", "310000");
		return body;
	}
}
