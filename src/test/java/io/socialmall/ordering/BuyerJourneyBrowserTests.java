package io.socialmall.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.socialmall.inventory.Inventory;
import io.socialmall.test.Browser;
import io.socialmall.test.Fixtures;
import io.socialmall.test.SocialMallTest;

/**
 * A guest fills a cart from product pages on a 375-px phone, signs in at checkout, adds an address, places
 * the order and pays it on the sandbox gateway's page; every page on the way fits the phone's width.
 */
@SocialMallTest
class BuyerJourneyBrowserTests {

	@RegisterExtension
	static Browser browser = new Browser();

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Inventory inventory;

	@BeforeEach
	void phoneViewport() {
		// headless Chromium keeps windows at least 500 px wide; emulate the phone's viewport instead
		((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", true));
		browser.driver().manage().deleteAllCookies();
	}

	@Test
	void aGuestChecksOutOnAPhone() {
		var supplier = fixtures.verifiedSupplier();
		var mask = fixtures.productOnSale(supplier, "補水保濕面膜 10 片", 8900, 20, true);
		var pen = fixtures.productOnSale(supplier, "刻字鋼筆", 15000, 3, false);
		var buyer = fixtures.buyer();

		open("/products/" + mask.id());
		find("#add-to-cart input[name=quantity]").clear();
		find("#add-to-cart input[name=quantity]").sendKeys("2");
		click("#add-to-cart button");
		awaitPath("/cart");
		open("/products/" + pen.id());
		click("#add-to-cart button");
		awaitPath("/cart");
		assertThat(text()).contains("補水保濕面膜 10 片").contains("¥328.00");
		assertThat(fitsTheScreen()).isTrue();
		browser.screenshot("ordering-cart");

		click("a.button.primary[href='/checkout']");
		awaitPath("/login.*");
		find("#username").sendKeys(buyer.email());
		find("#password").sendKeys(buyer.password());
		click("#login-form button");
		awaitPath("/checkout(\\?continue)?");
		assertThat(text()).contains("補水保濕面膜 10 片").contains("刻字鋼筆");

		click("a[href='/addresses/new?next=/checkout']");
		awaitPath("/addresses/new.*");
		find("input[name=recipient]").sendKeys("王小明");
		find("input[name=phone]").sendKeys("13800138000");
		find("input[name=province]").sendKeys("浙江省");
		find("input[name=city]").sendKeys("杭州市");
		find("input[name=street]").sendKeys("文三路 100 号");
		assertThat(fitsTheScreen()).isTrue();
		click("#address-form button[type=submit]");
		awaitPath("/checkout");
		// goods of 328.00 are over the default free-shipping threshold of 99.00
		assertThat(find("#checkout-total").getText()).isEqualTo("¥328.00");
		assertThat(fitsTheScreen()).isTrue();
		browser.screenshot("ordering-checkout");

		click("input[name=confirm][value='" + pen.skus().get(0).id() + "']");
		click("#checkout-form button[type=submit]");
		awaitPath("/checkout/\\d+/pay");
		assertThat(find("#pay-total").getText()).isEqualTo("¥328.00");
		assertThat(fitsTheScreen()).isTrue();
		assertThat(inventory.level(mask.skus().get(0).id()).reserved()).isEqualTo(2);
		assertThat(inventory.level(pen.skus().get(0).id()).reserved()).isEqualTo(1);
		String payStep = path();

		// the sandbox gateway's page, then back to the pay step, which shows the payment once its callback landed
		click("#pay-form button");
		awaitPath("/sandbox/pay/.+");
		assertThat(text()).contains("¥328.00");
		click("#approve");
		awaitPath(payStep);
		browser.waiting().until(d -> {
			d.navigate().refresh();
			return text().contains("Paid. Thank you");
		});
		assertThat(fitsTheScreen()).isTrue();
		browser.screenshot("ordering-paid");
		assertThat(inventory.level(mask.skus().get(0).id()).sold()).isEqualTo(2);

		open("/orders");
		assertThat(text()).contains("Paid");
		assertThat(fitsTheScreen()).isTrue();
		click("a.card.line");
		awaitPath("/orders/\\d+");
		assertThat(text()).contains("History").contains("刻字鋼筆");
		assertThat(fitsTheScreen()).isTrue();
		browser.screenshot("ordering-order");
	}

	private void open(String path) {
		browser.driver().get("http://localhost:" + port + path);
	}

	private WebElement find(String css) {
		return browser.waiting().until(d -> d.findElement(By.cssSelector(css)));
	}

	/** Clicks after scrolling the element to the middle, clear of the sticky bars. */
	private void click(String css) {
		WebElement element = find(css);
		script("arguments[0].scrollIntoView({block: 'center'})", element);
		element.click();
	}

	private void awaitPath(String regex) {
		browser.waiting().until(d -> path().matches(regex) && "complete".equals(script("return document.readyState")));
	}

	private String path() {
		return browser.driver().getCurrentUrl().substring(("http://localhost:" + port).length());
	}

	private String text() {
		return browser.driver().findElement(By.tagName("body")).getText();
	}

	private Object script(String js, Object... args) {
		return ((JavascriptExecutor) browser.driver()).executeScript(js, args);
	}

	/** Nothing on the page forces sideways scrolling. */
	private boolean fitsTheScreen() {
		Number scroll = (Number) script("return document.documentElement.scrollWidth");
		Number client = (Number) script("return document.documentElement.clientWidth");
		return scroll.longValue() <= client.longValue();
	}
}
