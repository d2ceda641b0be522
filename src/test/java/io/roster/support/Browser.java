package io.roster.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through Selenium, for tests of the web console. It uses
 * Debian's {@code chromium} and {@code chromium-driver} packages at fixed paths, so
 * Selenium Manager downloads nothing, and a fresh profile in a temporary directory that
 * {@link #close()} deletes. When either binary is missing, {@link #start()} fails the
 * test with the install command instead of skipping it.
 */
public final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private final ChromeDriver driver;

	private final Path profile;

	private Browser(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/**
	 * Starts Chromium with a 1366x900 window, a laptop screen.
	 * @throws AssertionError when Chromium or chromedriver is not installed
	 */
	public static Browser start() {
		for (Path binary : new Path[] { CHROMIUM, CHROMEDRIVER }) {
			if (!Files.isExecutable(binary)) {
				throw new AssertionError(binary + " is missing, and the console's browser tests need it;"
						+ " install it with: apt-get install -y chromium chromium-driver");
			}
		}
		try {
			Path profile = Files.createTempDirectory("roster-chromium-");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--user-data-dir=" + profile);
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
				.usingAnyFreePort()
				.build();
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			driver.manage().window().setSize(new Dimension(1366, 900));
			return new Browser(driver, profile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	/**
	 * Opens the URL and waits until its page has replaced the current one and loaded, so
	 * that no lookup afterwards reads the previous page.
	 */
	public void open(String url) {
		WebElement page = this.driver.findElement(By.tagName("html"));
		this.driver.get(url);
		waitUntilStale(page);
	}

	/** Fills in a sign-in form at {@code url} and submits it. */
	public void signIn(String url, String email, String password) {
		open(url);
		field("email").sendKeys(email);
		field("password").sendKeys(password);
		submit(this.driver.findElement(By.cssSelector("main form button[type=submit]")));
	}

	/** Clicks a submit button and waits until the browser has left the current page. */
	public void submit(WebElement button) {
		WebElement page = this.driver.findElement(By.tagName("html"));
		button.click();
		waitUntilStale(page);
	}

	/**
	 * Waits until the browser has replaced the page that contains the element and has
	 * loaded the new one. The old page goes stale when navigation starts, so without the
	 * second wait a lookup can find a node of a document that is about to be replaced.
	 */
	public void waitUntilStale(WebElement element) {
		WebDriverWait wait = new WebDriverWait(this.driver, Duration.ofSeconds(30));
		wait.until((driver) -> isStale(element));
		wait.until((driver) -> "complete".equals(this.driver.executeScript("return document.readyState")));
	}

	/**
	 * Returns whether the element's page is gone. Chromium 150 reports some stale nodes
	 * as an inspector error ("Node with given id does not belong to the document") in
	 * place of a stale element reference, so both count.
	 */
	private static boolean isStale(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (StaleElementReferenceException ex) {
			return true;
		}
		catch (WebDriverException ex) {
			if (ex.getMessage() != null && ex.getMessage().contains("does not belong to the document")) {
				return true;
			}
			throw ex;
		}
	}

	/** Submits the header's sign-out form. */
	public void signOut() {
		submit(this.driver.findElement(By.cssSelector("header form button[type=submit]")));
	}

	/** Returns the form control whose label has the given {@code for} id. */
	public WebElement field(String id) {
		return this.driver.findElement(By.id(id));
	}

	public String heading() {
		return this.driver.findElement(By.tagName("h1")).getText();
	}

	public String path() {
		return java.net.URI.create(this.driver.getCurrentUrl()).getPath();
	}

	public String text() {
		return this.driver.findElement(By.tagName("body")).getText();
	}

	/** Saves a PNG of the whole page, as tall as its content, to the file. */
	public void screenshot(Path file) {
		long height = ((Number) this.driver.executeScript("return document.documentElement.scrollHeight")).longValue();
		Dimension window = this.driver.manage().window().getSize();
		this.driver.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.max(900, height + 120)));
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.driver.manage().window().setSize(window);
		}
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			deleteProfile();
		}
	}

	private void deleteProfile() {
		try (Stream<Path> files = Files.walk(this.profile)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
