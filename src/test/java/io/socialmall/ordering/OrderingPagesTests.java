package io.socialmall.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.socialmall.identity.Accounts;
import io.socialmall.identity.Sessions;
import io.socialmall.inventory.Inventory;
import io.socialmall.test.Fixtures;
import io.socialmall.test.Fixtures.Person;
import io.socialmall.test.SocialMallTest;
import io.socialmall.test.TestApi;

/** The cart, checkout, address and order pages, driven like a browser would (session, CSRF, forms). */
@SocialMallTest
class OrderingPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestApi api;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Accounts accounts;

	@Autowired
	Inventory inventory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aGuestFillsACartThatFollowsThemWhenTheySignIn() throws Exception {
		long sku = fixtures.productOnSale(fixtures.verifiedSupplier(), 2990, 10).skus().get(0).id();
		var added = send(post("/cart/items").param("skuId", String.valueOf(sku)).param("quantity", "2").with(csrf()));
		assertThat(added.getStatus()).isEqualTo(302);
		assertThat(added.getRedirectedUrl()).isEqualTo("/cart");
		Cookie cookie = added.getCookie("sm_cart");
		assertThat(cookie).isNotNull();
		assertThat(cookie.isHttpOnly()).isTrue();

		var cart = send(get("/cart").cookie(cookie));
		assertThat(cart.getContentAsString()).contains("¥59.80").contains("id=\"sku-" + sku + "\"");

		var buyer = fixtures.buyer();
		var home = send(get("/cart").cookie(cookie).with(as(buyer)));
		assertThat(home.getCookie("sm_cart").getMaxAge()).isZero();
		assertThat(home.getContentAsString()).contains("¥59.80");
		assertThat(api.get("/api/v1/cart").token(buyer.token()).send().expect(200).at("/items/0/quantity").asInt()).isEqualTo(2);
	}

	@Test
	void escapesWhatSuppliersAndBuyersTypedOnEveryPage() throws Exception {
		var supplier = fixtures.verifiedSupplier();
		String title = "<script>alert('t')</script>";
		long sku = fixtures.productOnSale(supplier, title, 1000, 5, true).skus().get(0).id();
		var buyer = fixtures.buyer();
		var shopping = new Shopping(api);
		var address = AddressApiTests.address("Tom & \"Jerry\"");
		address.put("street", "Lane 1 & 'co'");
		long addressId = api.post("/api/v1/addresses").token(buyer.token()).json(address).send().expect(201).id();
		shopping.add(buyer, sku, 1).expect(200);

		String cart = send(get("/cart").with(as(buyer))).getContentAsString();
		String checkout = send(get("/checkout").with(as(buyer))).getContentAsString();
		long order = shopping.checkout(buyer, addressId).expect(201).at("/orders/0/id").asLong();
		String detail = send(get("/orders/" + order).with(as(buyer))).getContentAsString();
		String supplierDetail = send(get("/supplier/orders/" + order).with(as(supplier))).getContentAsString();
		String list = send(get("/orders").with(as(buyer))).getContentAsString();
		String addresses = send(get("/addresses").with(as(buyer))).getContentAsString();

		for (String page : new String[] { cart, checkout, detail, supplierDetail, list }) {
			assertThat(page).doesNotContain(title).contains("&lt;script&gt;");
		}
		for (String page : new String[] { checkout, detail, addresses }) {
			assertThat(page).doesNotContain("Tom & \"Jerry\"").contains("Tom &amp; &quot;Jerry&quot;");
		}
	}

	@Test
	void anAddressWithMarkupIsRefusedOnTheFormAndNothingIsWritten() throws Exception {
		var buyer = fixtures.buyer();
		var refused = send(post("/addresses").with(as(buyer)).with(csrf())
			.param("recipient", "<img src=x onerror=alert(1)>")
			.param("phone", "13800138000")
			.param("province", "浙江省")
			.param("city", "杭州市")
			.param("street", "文三路 1 号"));
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString()).contains("field-error").doesNotContain("<img src=x");
		assertThat(jdbc.sql("SELECT count(*) FROM addresses WHERE buyer_id = :b").param("b", buyer.id()).query(Long.class).single()).isZero();

		var saved = send(post("/addresses").with(as(buyer)).with(csrf())
			.param("recipient", "王小明")
			.param("phone", "13800138000")
			.param("province", "浙江省")
			.param("city", "杭州市")
			.param("street", "文三路 1 号")
			.param("next", "/checkout"));
		assertThat(saved.getRedirectedUrl()).isEqualTo("/checkout");
		assertThat(api.get("/api/v1/addresses").token(buyer.token()).send().expect(200).at("/0/isDefault").asBoolean()).isTrue();
	}

	@Test
	void checksOutOnThePagesAndIsSentToPay() throws Exception {
		var supplier = fixtures.verifiedSupplier();
		long returnable = fixtures.productOnSale(supplier, 5000, 5).skus().get(0).id();
		long engraved = fixtures.productOnSale(supplier, "刻字钢笔", 7000, 5, false).skus().get(0).id();
		var buyer = fixtures.buyer();
		var shopping = new Shopping(api);
		long address = shopping.readyToCheckOut(buyer, returnable, 1);
		shopping.add(buyer, engraved, 1).expect(200);

		String review = send(get("/checkout").with(as(buyer))).getContentAsString();
		assertThat(review).contains("¥120.00").contains("name=\"confirm\"").contains("value=\"" + engraved + "\"");
		String key = UUID.randomUUID().toString();

		var unconfirmed = send(place(buyer, address, key, 12000, returnable, engraved));
		assertThat(unconfirmed.getRedirectedUrl()).isEqualTo("/checkout");
		assertThat(inventory.level(engraved).reserved()).isZero();

		var placed = send(place(buyer, address, key + "-2", 12000, returnable, engraved).param("confirm", String.valueOf(engraved)));
		assertThat(placed.getRedirectedUrl()).matches("/checkout/\\d+/pay");
		var twice = send(place(buyer, address, key + "-2", 12000, returnable, engraved).param("confirm", String.valueOf(engraved)));
		assertThat(twice.getRedirectedUrl()).isEqualTo(placed.getRedirectedUrl());
		assertThat(inventory.level(engraved).reserved()).isEqualTo(1);

		String pay = send(get(placed.getRedirectedUrl()).with(as(buyer))).getContentAsString();
		assertThat(pay).contains("¥120.00").contains("data-deadline");
		var toProvider = send(post(placed.getRedirectedUrl()).with(as(buyer)).with(csrf()));
		assertThat(toProvider.getStatus()).isEqualTo(302);
		assertThat(toProvider.getRedirectedUrl()).isNotBlank().doesNotStartWith("/checkout");

		assertThat(send(get(placed.getRedirectedUrl()).with(as(fixtures.buyer()))).getStatus()).isEqualTo(404);
	}

	@Test
	void ordersAreListedForTheirBuyerSupplierAndOperatorOnly() throws Exception {
		var supplier = fixtures.verifiedSupplier();
		long sku = fixtures.productOnSale(supplier, 1000, 5).skus().get(0).id();
		var buyer = fixtures.buyer();
		var shopping = new Shopping(api);
		var placed = shopping.checkout(buyer, shopping.readyToCheckOut(buyer, sku, 1)).expect(201);
		long order = placed.at("/orders/0/id").asLong();
		String orderNo = placed.at("/orders/0/orderNo").asString();

		assertThat(send(get("/orders").with(as(buyer))).getContentAsString()).contains(orderNo);
		assertThat(send(get("/orders/" + order).with(as(buyer))).getContentAsString()).contains(orderNo);
		var stranger = fixtures.buyer();
		assertThat(send(get("/orders").with(as(stranger))).getContentAsString()).doesNotContain(orderNo);
		assertThat(send(get("/orders/" + order).with(as(stranger))).getStatus()).isEqualTo(404);
		assertThat(send(post("/orders/" + order + "/cancel").with(as(stranger)).with(csrf())).getStatus()).isEqualTo(404);

		assertThat(send(get("/supplier/orders").param("tab", "all").with(as(supplier))).getContentAsString()).contains(orderNo);
		var otherSupplier = fixtures.verifiedSupplier();
		assertThat(send(get("/supplier/orders/" + order).with(as(otherSupplier))).getStatus()).isEqualTo(404);
		assertThat(send(get("/supplier/orders").with(as(buyer))).getStatus()).isEqualTo(403);

		var operator = fixtures.operator();
		assertThat(send(get("/operator/orders").param("orderNo", orderNo).with(as(operator))).getContentAsString()).contains(orderNo);
		assertThat(send(get("/operator/orders/" + order).with(as(operator))).getContentAsString()).contains(orderNo);

		var cancelled = send(post("/orders/" + order + "/cancel").with(as(buyer)).with(csrf()));
		assertThat(cancelled.getRedirectedUrl()).isEqualTo("/orders/" + order);
		assertThat(api.get("/api/v1/orders/{id}", order).token(buyer.token()).send().expect(200).at("/status").asString()).isEqualTo("CANCELLED");
		assertThat(inventory.level(sku).available()).isEqualTo(5);
	}

	@Test
	void aSupplierSetsItsShippingRuleOnItsConsole() throws Exception {
		var supplier = fixtures.verifiedSupplier();
		assertThat(send(get("/supplier/shipping").with(as(supplier))).getContentAsString()).contains("10.00").contains("99.00");
		var saved = send(post("/supplier/shipping").with(as(supplier)).with(csrf()).param("flatFee", "6.5").param("freeOver", ""));
		assertThat(saved.getRedirectedUrl()).isEqualTo("/supplier/shipping");
		var rule = api.get("/api/v1/supplier/shipping-rule").token(supplier.token()).send().expect(200);
		assertThat(rule.at("/flatFee/amount").asLong()).isEqualTo(650);
		assertThat(rule.at("/freeOver").isNull()).isTrue();
		assertThat(rule.at("/custom").asBoolean()).isTrue();
	}

	@Test
	void everyOrderingPageSpeaksThreeLanguages() throws Exception {
		var buyer = fixtures.buyer();
		assertThat(send(get("/orders").with(as(buyer)).header("Accept-Language", "zh-CN")).getContentAsString()).contains("我的订单");
		assertThat(send(get("/orders").with(as(buyer)).header("Accept-Language", "zh-TW")).getContentAsString()).contains("我的訂單");
		assertThat(send(get("/cart").header("Accept-Language", "zh-TW")).getContentAsString()).contains("購物車是空的");
		assertThat(send(get("/addresses/new").with(as(buyer)).header("Accept-Language", "zh-CN")).getContentAsString()).contains("收货人");
	}

	private MockHttpServletRequestBuilder place(Person buyer, long address, String key, long total, long... skus) {
		var request = post("/checkout").with(as(buyer))
			.with(csrf())
			.param("addressId", String.valueOf(address))
			.param("idempotencyKey", key)
			.param("expectedTotal", String.valueOf(total));
		for (long sku : skus) {
			request.param("skuIds", String.valueOf(sku));
		}
		return request;
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor as(Person person) {
		return authentication(Sessions.authentication(accounts.currentUser(person.id()).orElseThrow()));
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse();
	}
}
