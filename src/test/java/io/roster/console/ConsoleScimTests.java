package io.roster.console;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.roster.support.Browser;
import io.roster.support.RosterServer;
import io.roster.support.ScimHttp;
import io.roster.support.TestCompany;
import io.roster.support.TestDatabase;
import io.roster.tenant.IdentityProvider;
import io.roster.tenant.Plan;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Company > SCIM in real Chromium: token rotation without downtime, revocation, expiry,
 * the settings, and the connection details.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ConsoleScimTests {

	private static RosterServer server;

	private static Browser browser;

	@Parameter
	TestDatabase database;

	@BeforeAll
	static void startBrowser() {
		browser = Browser.start();
	}

	@AfterAll
	static void stopBrowser() {
		browser.close();
	}

	@BeforeParameterizedClassInvocation
	static void start(TestDatabase database) {
		server = RosterServer.start(database);
	}

	@AfterParameterizedClassInvocation
	static void stop() {
		server.close();
	}

	@BeforeEach
	void signedOut() {
		browser.driver().manage().deleteAllCookies();
	}

	@Test
	void rotationKeepsOldTokenUntilRevoked() {
		TestCompany company = signedInCompany("Rotate");
		browser.open(server.baseUrl() + "/console/scim");
		assertThat(tokenRows()).hasSize(1);

		browser.submit(browser.driver().findElement(By.cssSelector("button[aria-label='Rotate Test token']")));

		String secret = browser.driver().findElement(By.id("secret")).getText();
		assertThat(secret).startsWith("rst_").isNotEqualTo(company.token());
		assertThat(browser.text()).contains("Copy its secret now");
		assertThat(tokenRows()).hasSize(2);
		assertThat(status(secret)).isEqualTo(200);
		assertThat(status(company.token())).isEqualTo(200);

		browser.open(server.baseUrl() + "/console/scim");
		assertThat(browser.driver().findElements(By.id("secret"))).isEmpty();
		assertThat(browser.driver().getPageSource()).doesNotContain(secret);

		// Tokens are listed newest first, so the old token is the last row.
		List<WebElement> revokes = browser.driver()
			.findElements(By.cssSelector("button[aria-label='Revoke Test token']"));
		browser.submit(revokes.get(revokes.size() - 1));

		assertThat(browser.text()).contains("Revoked token 'Test token'; it now gets 401.");
		assertThat(status(company.token())).isEqualTo(401);
		assertThat(status(secret)).isEqualTo(200);
		assertThat(tokenRows().get(1)).contains("revoked");
	}

	@Test
	void newTokenWithExpiryAuthenticates() {
		signedInCompany("Expiry");
		browser.open(server.baseUrl() + "/console/scim");
		String lastDay = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();

		browser.field("label").sendKeys("Entra token");
		setDate(browser.field("expires"), lastDay);
		browser.submit(browser.driver().findElement(By.xpath("//button[text()='Create token']")));

		String secret = browser.driver().findElement(By.id("secret")).getText();
		assertThat(status(secret)).isEqualTo(200);
		assertThat(tokenRows().get(0)).contains("Entra token").contains("valid");
		WebElement expiry = browser.driver().findElement(By.cssSelector("tbody tr input[type=date]"));
		assertThat(expiry.getDomProperty("value")).isEqualTo(lastDay);
	}

	@Test
	void pastExpiryIsRejected() {
		TestCompany company = signedInCompany("Past");
		browser.open(server.baseUrl() + "/console/scim");

		WebElement expiry = browser.driver().findElement(By.cssSelector("tbody tr input[type=date]"));
		setDate(expiry, "2020-01-01");
		browser.submit(browser.driver().findElement(By.xpath("//button[text()='Set expiry']")));

		assertThat(browser.driver().findElement(By.cssSelector("p.error")).getText())
			.isEqualTo("The expiry day 2020-01-01 has passed; choose a later day");
		assertThat(status(company.token())).isEqualTo(200);
	}

	@Test
	void disabledConnectionGetsNoNewToken() {
		TestCompany company = signedInCompany("Disabled");
		browser.open(server.baseUrl() + "/console/scim");

		browser.submit(browser.driver().findElement(By.xpath("//button[text()='Disable']")));
		assertThat(browser.text()).contains("The Okta connection is now disabled.");
		assertThat(status(company.token())).isEqualTo(401);
		browser.field("label").sendKeys("Refused token");
		browser.submit(browser.driver().findElement(By.xpath("//button[text()='Create token']")));

		assertThat(browser.driver().findElement(By.cssSelector("p.error")).getText())
			.startsWith("The company has no SCIM connection that is not disabled");
		assertThat(browser.driver().findElements(By.id("secret"))).isEmpty();
		assertThat(tokenRows()).hasSize(1);

		browser.submit(browser.driver().findElement(By.xpath("//button[text()='Enable']")));
		assertThat(browser.text()).contains("The Okta connection is now live.");
		assertThat(status(company.token())).isEqualTo(200);
	}

	@Test
	void pageShowsBaseUrlAndSavesSettings() {
		TestCompany company = signedInCompany("Settings");
		browser.open(server.baseUrl() + "/console/scim");

		assertThat(browser.field("base-url").getText()).isEqualTo(server.scimUrl());
		assertThat(browser.text()).contains("Okta").contains("live");
		browser.field("defaultRole").sendKeys("member");
		browser.field("matchingPolicy").sendKeys("never");
		browser.submit(browser.driver().findElement(By.xpath("//button[text()='Save settings']")));

		assertThat(browser.text()).contains("Saved the provisioning settings.");
		assertThat(company.api().get("settings").json().get("defaultRole").asString()).isEqualTo("member");
		assertThat(company.api().get("settings").json().get("matchingPolicy").asString()).isEqualTo("never");
	}

	private static TestCompany signedInCompany(String name) {
		TestCompany company = server.newCompany(name, Plan.ENTERPRISE, IdentityProvider.OKTA);
		browser.signIn(server.baseUrl() + "/console/sign-in", company.adminEmail(), company.adminPassword());
		assertThat(browser.path()).isEqualTo("/console");
		return company;
	}

	private static List<String> tokenRows() {
		return browser.driver()
			.findElements(By.xpath("//table[caption[starts-with(text(), 'Bearer tokens')]]/tbody/tr"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	private static void setDate(WebElement input, String day) {
		browser.driver().executeScript("arguments[0].value = arguments[1];", input, day);
	}

	private static int status(String token) {
		return new ScimHttp(server.scimUrl(), token).get("/Users?count=1").status();
	}

}
