package io.socialmall.test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium for browser tests, driven through Debian's chromedriver (both named explicitly,
 * so Selenium never downloads a browser or a driver), with a phone-sized window and a fresh profile.
 * Register with {@code @RegisterExtension static Browser browser = new Browser();}. Without the two binaries
 * the test class is skipped with a message, unless {@code SOCIALMALL_REQUIRE_BROWSER=true} (CI sets it),
 * when it fails instead.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback {

	public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
	public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private ChromeDriverService service;
	private WebDriver driver;
	private Path profile;

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			String missing = "browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
					+ " (Debian: apt-get install -y chromium chromium-driver)";
			if ("true".equalsIgnoreCase(System.getenv("SOCIALMALL_REQUIRE_BROWSER"))) {
				throw new IllegalStateException("SOCIALMALL_REQUIRE_BROWSER=true but " + missing);
			}
			Assumptions.abort("skipped: " + missing);
		}
		profile = Files.createTempDirectory("socialmall-chromium-");
		service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toString());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=375,812", "--user-data-dir=" + profile);
		driver = new ChromeDriver(service, options);
	}

	public WebDriver driver() {
		return driver;
	}

	/** Waits (polling, up to ten seconds) for something the page does after a click or a swap. */
	public WebDriverWait waiting() {
		return new WebDriverWait(driver, Duration.ofSeconds(10));
	}

	/** Saves what the browser shows to {@code target/browser/<name>.png}, to look at when a test fails. */
	public void screenshot(String name) {
		try {
			Path target = Path.of("target", "browser");
			Files.createDirectories(target);
			Files.write(target.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException {
		if (driver != null) {
			driver.quit();
		}
		if (service != null) {
			service.stop();
		}
		if (profile != null) {
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
		}
	}
}
