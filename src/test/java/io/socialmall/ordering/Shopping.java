package io.socialmall.ordering;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.socialmall.test.Fixtures.Person;
import io.socialmall.test.TestApi;

/** A buyer's steps through the API, for tests that need an address, a cart and a checkout. */
public final class Shopping {

	private final TestApi api;

	public Shopping(TestApi api) {
		this.api = api;
	}

	public long address(Person buyer) {
		return api.post("/api/v1/addresses")
			.token(buyer.token())
			.json(Map.of("recipient", "王小明", "phone", "13800138000", "province", "浙江省", "city", "杭州市", "district",
					"西湖区", "street", "文三路 100 号", "postalCode", "310000"))
			.send()
			.expect(201)
			.id();
	}

	public TestApi.Response add(Person buyer, long skuId, int quantity) {
		return api.post("/api/v1/cart/items").token(buyer.token()).json(Map.of("skuId", skuId, "quantity", quantity)).send();
	}

	/** Checks out every selected cart line with a fresh idempotency key. */
	public TestApi.Response checkout(Person buyer, long addressId, Long... confirm) {
		return checkout(buyer, UUID.randomUUID().toString(), addressId, List.of(confirm));
	}

	public TestApi.Response checkout(Person buyer, String key, long addressId, List<Long> confirm) {
		Map<String, Object> body = new HashMap<>();
		body.put("addressId", addressId);
		body.put("confirmNonReturnable", confirm);
		return api.post("/api/v1/checkouts").token(buyer.token()).idempotencyKey(key).json(body).send();
	}

	/** A buyer with an address and {@code quantity} units of {@code skuId} in the cart. */
	public long readyToCheckOut(Person buyer, long skuId, int quantity) {
		long address = address(buyer);
		add(buyer, skuId, quantity).expect(200);
		return address;
	}
}
