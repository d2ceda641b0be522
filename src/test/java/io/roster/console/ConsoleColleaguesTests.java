package io.roster.console;

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

import io.roster.support.ApiHttp;
import io.roster.support.Browser;
import io.roster.support.RosterServer;
import io.roster.support.ScimHttp;
import io.roster.support.TestCompany;
import io.roster.support.TestDatabase;
import io.roster.tenant.IdentityProvider;
import io.roster.tenant.Plan;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Company > Colleagues in real Chromium: labels, locked provisioned fields, the
 * directory's rejection of a crafted edit, and the changes an admin makes to app-managed
 * colleagues.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ConsoleColleaguesTests {

	private static RosterServer server;

	private static Browser browser;

	private static TestCompany company;

	private static String scimUserId;

	private static String scimColleagueId;

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
		company = server.newCompany("Acme", Plan.ENTERPRISE, IdentityProvider.OKTA);
		ScimHttp.Response created = company.scim().post("/Users", """
				{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "okta.user@acme.test",
				 "name": {"givenName": "Olga", "familyName": "Okta"}, "title": "Provisioned title", "active": true}""");
		assertThat(created.status()).isEqualTo(201);
		scimUserId = created.json().get("id").asString();
		scimColleagueId = colleagueId("okta.user@acme.test");
	}

	@AfterParameterizedClassInvocation
	static void stop() {
		server.close();
	}

	@BeforeEach
	void signIn() {
		browser.driver().manage().deleteAllCookies();
		browser.signIn(server.baseUrl() + "/console/sign-in", company.adminEmail(), company.adminPassword());
		assertThat(browser.path()).as(browser.text()).isEqualTo("/console");
	}

	@Test
	void listShowsManagedByLabels() {
		String appId = createAppColleague("app.user@acme.test", "Andy");

		browser.open(server.baseUrl() + "/console/colleagues?q=acme.test");

		assertThat(rowOf("okta.user@acme.test")).contains("SCIM · Okta");
		assertThat(rowOf("app.user@acme.test")).contains("App-managed");
		assertThat(appId).isNotBlank();
	}

	@Test
	void filtersByLabelAndStatus() {
		createAppColleague("filter.user@acme.test", "Fiona");

		browser.open(server.baseUrl() + "/console/colleagues?managedBy=scim");
		assertThat(browser.text()).contains("okta.user@acme.test").doesNotContain("filter.user@acme.test");

		browser.open(server.baseUrl() + "/console/colleagues?managedBy=app&q=fiona");
		assertThat(browser.text()).contains("filter.user@acme.test").doesNotContain("okta.user@acme.test");

		browser.open(server.baseUrl() + "/console/colleagues?status=deactivated");
		assertThat(browser.text()).doesNotContain("filter.user@acme.test").contains("No colleague matches.");
	}

	@Test
	void scimColleagueFieldsAreLocked() {
		browser.open(server.baseUrl() + "/console/colleagues/" + scimColleagueId);

		WebElement title = browser.field("title");
		assertThat(title.isEnabled()).isFalse();
		assertThat(title.getDomProperty("value")).isEqualTo("Provisioned title");
		assertThat(browser.field("email").isEnabled()).isFalse();
		assertThat(browser.field("role").isEnabled()).isFalse();
		assertThat(browser.field("title-locked").getText()).isEqualTo("Managed in Okta");
		assertThat(title.getDomAttribute("aria-describedby")).isEqualTo("title-locked");
		assertThat(browser.driver().findElements(By.xpath("//button[text()='Save']"))).isEmpty();
		assertThat(browser.driver().findElements(By.xpath("//button[text()='Deactivate']"))).isEmpty();
	}

	@Test
	void craftedEditOfScimFieldIsRejected() {
		browser.open(server.baseUrl() + "/console/colleagues/" + scimColleagueId);

		// A crafted post: enable the locked input and submit the form as a browser would.
		browser.driver()
			.executeScript("const title = document.getElementById('title'); title.disabled = false;"
					+ " title.value = 'Changed in the console';");
		WebElement page = browser.driver().findElement(By.tagName("html"));
		browser.driver().executeScript("document.getElementById('profile').submit();");
		browser.waitUntilStale(page);

		assertThat(browser.driver().findElement(By.cssSelector("p.error")).getText())
			.isEqualTo("'title' of colleague okta.user@acme.test is managed by Okta through SCIM and is"
					+ " read-only here; change it in Okta");
		assertThat(browser.field("title").getDomProperty("value")).isEqualTo("Provisioned title");
		JsonNode user = company.scim().get("/Users/" + scimUserId).json();
		assertThat(user.get("title").asString()).isEqualTo("Provisioned title");
	}

	@Test
	void adminEditsAppColleague() {
		String id = createAppColleague("edit.user@acme.test", "Eddie");
		browser.open(server.baseUrl() + "/console/colleagues/" + id);

		WebElement title = browser.field("title");
		title.clear();
		title.sendKeys("Head of Sales");
		browser.field("department").sendKeys("Sales");
		browser.submit(browser.driver().findElement(By.xpath("//button[text()='Save']")));

		assertThat(browser.driver().findElement(By.cssSelector("p.notice")).getText())
			.isEqualTo("Saved edit.user@acme.test.");
		assertThat(browser.field("title").getDomProperty("value")).isEqualTo("Head of Sales");
		JsonNode stored = company.api().get("colleagues/" + id).json();
		assertThat(stored.get("title").asString()).isEqualTo("Head of Sales");
		assertThat(stored.get("department").asString()).isEqualTo("Sales");
		JsonNode history = company.api().get("colleagues/" + id + "/history").json();
		JsonNode last = history.get(history.size() - 1);
		assertThat(last.get("actor").get("name").asString()).isEqualTo(company.adminEmail());
	}

	@Test
	void adminAddsDeactivatesAndReactivatesColleague() {
		browser.open(server.baseUrl() + "/console/colleagues/new");
		browser.field("email").sendKeys("new.user@acme.test");
		browser.field("givenName").sendKeys("Nina");
		browser.field("familyName").sendKeys("New");
		browser.submit(browser.driver().findElement(By.xpath("//button[text()='Add colleague']")));

		assertThat(browser.text()).contains("Added new.user@acme.test.");
		assertThat(browser.heading()).isEqualTo("Nina New");
		String id = browser.path().substring(browser.path().lastIndexOf('/') + 1);

		browser.submit(browser.driver().findElement(By.xpath("//button[text()='Deactivate']")));
		assertThat(browser.text()).contains("Deactivated new.user@acme.test.");
		assertThat(company.api().get("colleagues/" + id).json().get("active").asBoolean()).isFalse();

		browser.submit(browser.driver().findElement(By.xpath("//button[text()='Reactivate']")));
		assertThat(browser.text()).contains("Reactivated new.user@acme.test.");
		assertThat(company.api().get("colleagues/" + id).json().get("active").asBoolean()).isTrue();
	}

	@Test
	void invalidEmailKeepsTheFormAndChangesNothing() {
		String id = createAppColleague("keep.user@acme.test", "Kim");
		browser.open(server.baseUrl() + "/console/colleagues/" + id);

		WebElement email = browser.field("email");
		browser.driver().executeScript("arguments[0].type = 'text';", email);
		email.clear();
		email.sendKeys("not an email");
		browser.submit(browser.driver().findElement(By.xpath("//button[text()='Save']")));

		assertThat(browser.driver().findElement(By.cssSelector("p.error")).getText()).startsWith("'email' must be");
		assertThat(browser.field("email").getDomProperty("value")).isEqualTo("not an email");
		assertThat(company.api().get("colleagues/" + id).json().get("email").asString())
			.isEqualTo("keep.user@acme.test");
	}

	@Test
	void pagingSeeksToTheNextPage() {
		for (int i = 0; i < ConsoleColleaguesController.PAGE_SIZE + 5; i++) {
			createAppColleague("page.user" + i + "@paging.test", "Page" + i);
		}

		browser.open(server.baseUrl() + "/console/colleagues?q=paging.test");
		List<String> first = emails();
		assertThat(browser.text()).contains((ConsoleColleaguesController.PAGE_SIZE + 5) + " colleagues match");
		browser.open(browser.driver().findElement(By.linkText("Next page")).getDomProperty("href"));
		List<String> second = emails();

		assertThat(first).hasSize(ConsoleColleaguesController.PAGE_SIZE);
		assertThat(second).hasSize(5);
		assertThat(first).doesNotContainAnyElementsOf(second);
		assertThat(browser.driver().findElements(By.linkText("Next page"))).isEmpty();
	}

	private static List<String> emails() {
		return browser.driver()
			.findElements(By.cssSelector("tbody tr td:nth-child(2)"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	private static String rowOf(String email) {
		return browser.driver().findElement(By.xpath("//tr[td[text()='" + email + "']]")).getText();
	}

	private static String createAppColleague(String email, String givenName) {
		ApiHttp.Response created = company.api()
			.post("colleagues", "{\"email\": \"" + email + "\", \"givenName\": \"" + givenName + "\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private static String colleagueId(String email) {
		JsonNode page = company.api().get("colleagues?q=" + email).json();
		return page.get("items").get(0).get("id").asString();
	}

}
