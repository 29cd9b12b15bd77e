package io.socialmall.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import io.socialmall.test.Fixtures;
import io.socialmall.test.Fixtures.Person;
import io.socialmall.test.SocialMallTest;
import io.socialmall.test.TestApi;

/**
 * The buyer's journey in a real browser on a phone-sized window: sign in, the sandbox gateway's page,
 * approve, and back on the shop's payment page, which turns from processing to paid by itself once the
 * gateway's callback lands. Screenshots go to target/screenshots.
 */
@SocialMallTest
class SandboxPaymentBrowserTests {

	private static final String CHROMIUM = "/usr/bin/chromium";
	private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

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

	@Value("${socialmall.payment.sandbox.secret}")
	String secret;

	@LocalServerPort
	int port;

	WebDriver browser;

	@BeforeEach
	void browser() {
		boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
		if (!installed && !"true".equals(System.getenv("SOCIALMALL_REQUIRE_BROWSER"))) {
			Assumptions.abort("no chromium and chromedriver here; CI installs them and requires this test");
		}
		var options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--lang=en");
		var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
		browser = new ChromeDriver(service, options);
		browser.manage().window().setSize(new Dimension(375, 812));
	}

	@AfterEach
	void close() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void aBuyerApprovesOnThePhoneAndSeesThePaymentConfirmed() throws IOException {
		var sandbox = new SandboxDriver(payments, tx, api, mvc, secret, port);
		Person buyer = fixtures.buyer();
		PaymentIntent intent = sandbox.intent(buyer, 8_850);
		String page = sandbox.start(buyer, intent.id(), null);

		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(buyer.email());
		browser.findElement(By.id("password")).sendKeys(buyer.password());
		browser.findElement(By.cssSelector("#login-form button")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

		browser.get(url(page));
		assertThat(browser.findElement(By.id("merchant")).getText()).isEqualTo("SocialMall");
		assertThat(browser.findElement(By.id("amount")).getText()).isEqualTo("¥88.50");
		assertThat(browser.findElement(By.id("description")).getText()).isEqualTo("补水面膜 ×2 <b>&amp;</b>");
		var approve = browser.findElement(By.id("approve"));
		assertThat(approve.getRect().getWidth()).as("the button fits the phone").isLessThanOrEqualTo(375);
		assertThat(fitsWidth()).as("no sideways scrolling on a phone").isTrue();
		screenshot("sandbox-pay-375");
		approve.click();

		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.textToBe(By.cssSelector("#state .badge"), "Paid"));
		assertThat(browser.getCurrentUrl()).endsWith("/payments/" + intent.id());
		assertThat(payments.find(intent.id()).orElseThrow().status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(fitsWidth()).isTrue();
		screenshot("payment-paid-375");

		browser.manage().window().setSize(new Dimension(1280, 900));
		browser.get(url("/payments/" + intent.id() + "?lang=zh-TW"));
		assertThat(browser.findElement(By.cssSelector("#state .badge")).getText()).isEqualTo("已付款");
		screenshot("payment-paid-1280-zh-TW");
	}

	private boolean fitsWidth() {
		Object fits = ((org.openqa.selenium.JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;");
		return Boolean.TRUE.equals(fits);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private void screenshot(String name) throws IOException {
		Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
		Path target = Path.of("target", "screenshots", name + ".png");
		Files.createDirectories(target.getParent());
		Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
	}
}
