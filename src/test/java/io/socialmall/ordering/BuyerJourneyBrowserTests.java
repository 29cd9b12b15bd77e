package io.socialmall.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.socialmall.inventory.Inventory;
import io.socialmall.test.Fixtures;
import io.socialmall.test.SocialMallTest;

/** A guest fills a cart on a phone, signs in at checkout, adds an address, places the order and goes to pay. */
@SocialMallTest
class BuyerJourneyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Inventory inventory;

	@Test
	void aGuestChecksOutOnAPhone() {
		var supplier = fixtures.verifiedSupplier();
		long mask = fixtures.productOnSale(supplier, "補水保濕面膜 10 片", 8900, 20, true).skus().get(0).id();
		long pen = fixtures.productOnSale(supplier, "刻字鋼筆", 15000, 3, false).skus().get(0).id();
		var buyer = fixtures.buyer();
		try (var browser = Browser.phone(port)) {
			browser.open("/cart");
			addToCart(browser, mask, 2);
			addToCart(browser, pen, 1);
			assertThat(browser.path()).isEqualTo("/cart");
			assertThat(browser.text()).contains("補水保濕面膜 10 片").contains("¥328.00");
			assertThat(browser.fitsTheScreen()).isTrue();
			browser.screenshot("cart");

			browser.click("a.button.primary[href='/checkout']");
			browser.awaitPath("/login.*");
			browser.find("#username").sendKeys(buyer.email());
			browser.find("#password").sendKeys(buyer.password());
			browser.click("#login-form button");
			browser.awaitPath("/checkout(\\?continue)?");
			assertThat(browser.text()).contains("補水保濕面膜 10 片").contains("刻字鋼筆");

			browser.click("a[href='/addresses/new?next=/checkout']");
			browser.find("input[name=recipient]").sendKeys("王小明");
			browser.find("input[name=phone]").sendKeys("13800138000");
			browser.find("input[name=province]").sendKeys("浙江省");
			browser.find("input[name=city]").sendKeys("杭州市");
			browser.find("input[name=street]").sendKeys("文三路 100 号");
			assertThat(browser.fitsTheScreen()).isTrue();
			browser.screenshot("address");
			browser.click("#address-form button[type=submit]");
			browser.awaitPath("/checkout");
			// goods 328.00 are over the default free-shipping threshold of 99.00
			assertThat(browser.find("#checkout-total").getText()).isEqualTo("¥328.00");
			assertThat(browser.fitsTheScreen()).isTrue();
			browser.screenshot("checkout");

			browser.click("input[name=confirm][value='" + pen + "']");
			browser.click("#checkout-form button[type=submit]");
			browser.awaitPath("/checkout/\\d+/pay");
			assertThat(browser.find("#pay-total").getText()).isEqualTo("¥328.00");
			browser.screenshot("pay");
			assertThat(inventory.level(mask).reserved()).isEqualTo(2);
			assertThat(inventory.level(pen).reserved()).isEqualTo(1);

			browser.open("/orders");
			assertThat(browser.text()).contains("Awaiting payment");
			assertThat(browser.fitsTheScreen()).isTrue();
			browser.screenshot("orders");
			browser.click("a.card.line");
			browser.awaitPath("/orders/\\d+");
			assertThat(browser.text()).contains("History").contains("刻字鋼筆");
			assertThat(browser.fitsTheScreen()).isTrue();
			browser.screenshot("order");
		}
	}

	/** What a product page's add-to-cart form posts (the catalog's pages carry the same form). */
	private static void addToCart(Browser browser, long sku, int quantity) {
		browser.script("""
				const csrf = Object.values(JSON.parse(document.body.getAttribute('hx-headers')))[0];
				const form = document.createElement('form');
				form.method = 'post';
				form.action = '/cart/items';
				for (const [name, value] of [['skuId', arguments[0]], ['quantity', arguments[1]],
				    ['_csrf', csrf]]) {
				  const input = document.createElement('input');
				  input.type = 'hidden'; input.name = name; input.value = value;
				  form.appendChild(input);
				}
				document.body.appendChild(form);
				window.leaving = true;
				form.submit();""", String.valueOf(sku), String.valueOf(quantity));
		browser.awaitNewPage();
	}
}
