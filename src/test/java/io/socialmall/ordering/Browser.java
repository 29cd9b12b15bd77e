package io.socialmall.ordering;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its chromedriver (never a downloaded browser), sized like a
 * 375-px phone. Skipped when the binaries are missing, unless {@code SOCIALMALL_REQUIRE_BROWSER=true} (CI).
 */
final class Browser implements AutoCloseable {

	private static final String CHROMIUM = env("SOCIALMALL_CHROMIUM", "/usr/bin/chromium");
	private static final String CHROMEDRIVER = env("SOCIALMALL_CHROMEDRIVER", "/usr/bin/chromedriver");

	private final ChromeDriver driver;
	private final String base;

	private Browser(ChromeDriver driver, String base) {
		this.driver = driver;
		this.base = base;
	}

	static Browser phone(int port) {
		boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
		if (!present && Boolean.parseBoolean(System.getenv("SOCIALMALL_REQUIRE_BROWSER"))) {
			throw new IllegalStateException("no Chromium at " + CHROMIUM + " or chromedriver at " + CHROMEDRIVER);
		}
		Assumptions.assumeTrue(present, "skipped: no Chromium/chromedriver (install chromium chromium-driver)");
		var options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=375,812", "--lang=en");
		// headless Chromium keeps windows at least 500 px wide; emulate the phone's viewport instead
		options.setExperimentalOption("mobileEmulation",
				java.util.Map.of("deviceMetrics", java.util.Map.of("width", 375, "height", 812, "pixelRatio", 1.0)));
		var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
		var driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
		return new Browser(driver, "http://localhost:" + port);
	}

	Browser open(String path) {
		driver.get(base + path);
		return this;
	}

	WebElement find(String css) {
		return driver.findElement(By.cssSelector(css));
	}

	/** Clicks an element after scrolling it to the middle, clear of sticky bars. */
	void click(String css) {
		WebElement element = find(css);
		script("arguments[0].scrollIntoView({block: 'center'})", element);
		element.click();
	}

	String path() {
		return driver.getCurrentUrl().substring(base.length());
	}

	String text() {
		return driver.findElement(By.tagName("body")).getText();
	}

	Object script(String js, Object... args) {
		return driver.executeScript(js, args);
	}

	/** Waits until the browser is on a page whose path matches {@code regex} and it has loaded. */
	void awaitPath(String regex) {
		new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> path().matches(regex)
				&& "complete".equals(driver.executeScript("return document.readyState")));
	}

	/** Waits until the page that set {@code window.leaving} has been replaced by the next one. */
	void awaitNewPage() {
		new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10)).until(
				d -> Boolean.TRUE.equals(driver.executeScript("return window.leaving === undefined && document.readyState === 'complete'")));
	}

	/** Keeps a picture of the page under target/screenshots, to look at the phone layout. */
	void screenshot(String name) {
		try {
			Path dir = Path.of("target", "screenshots");
			Files.createDirectories(dir);
			Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The page is no wider than the phone: nothing forces sideways scrolling. */
	boolean fitsTheScreen() {
		Number scroll = (Number) script("return document.documentElement.scrollWidth");
		Number client = (Number) script("return document.documentElement.clientWidth");
		return scroll.longValue() <= client.longValue();
	}

	@Override
	public void close() {
		driver.quit();
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}
}
