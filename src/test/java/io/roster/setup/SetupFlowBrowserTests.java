package io.roster.setup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.UserResource;

import io.roster.support.Browser;
import io.roster.support.RosterServer;
import io.roster.support.ScimClients;
import io.roster.support.TestDatabase;
import io.roster.tenant.CompanyOverview;
import io.roster.tenant.CompanyStore;
import io.roster.tenant.ConnectionState;
import io.roster.tenant.IdentityProvider;
import io.roster.tenant.ScimConnections;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole SCIM setup in real Chromium. An operator enables SCIM for the demo company
 * "Demo Setup" and sends the link. The directory admin opens it from the mail GreenMail
 * received and goes through the wizard. A real SCIM client provisions with the token the
 * page shows, the live check lists its requests, and Done reaches support by mail and in
 * the console. With {@code -Droster.screenshots=true}, the H2 run saves the screenshots
 * of docs/console.md.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class SetupFlowBrowserTests {

	private static final Path SCREENSHOTS = Path.of("docs", "screenshots");

	@RegisterExtension
	static final GreenMailExtension smtp = SetupMail.smtp();

	private static Browser operator;

	private static Browser directoryAdmin;

	@Parameter
	TestDatabase database;

	@BeforeAll
	static void startBrowsers() {
		operator = Browser.start();
		directoryAdmin = Browser.start();
	}

	@AfterAll
	static void stopBrowsers() {
		try {
			operator.close();
		}
		finally {
			directoryAdmin.close();
		}
	}

	@Test
	void setupFromLinkToLiveConnection() throws Exception {
		smtp.purgeEmailFromAllMailboxes();
		try (RosterServer server = RosterServer.start(this.database, SetupMail.properties(smtp))) {
			operator.driver().manage().deleteAllCookies();
			directoryAdmin.driver().manage().deleteAllCookies();

			operator.signIn(server.baseUrl() + "/support/sign-in", "support@roster.example",
					server.demoOperatorPassword());
			operator.open(server.baseUrl() + "/support/companies");
			operator.field("q").sendKeys("demo");
			operator.submit(operator.driver().findElement(By.cssSelector("form.search button")));
			assertThat(rows(operator, "#companies tbody tr")).anyMatch((row) -> row.startsWith("Demo enterprise live"))
				.anyMatch((row) -> row.startsWith("Demo Setup enterprise none"));
			screenshot(operator, "support-companies.png");

			operator.submit(operator.driver().findElement(By.linkText("Demo Setup")));
			operator.submit(operator.field("enable-scim"));
			assertThat(operator.text()).contains("SCIM is enabled and its connection is in setup.");
			operator.field("email").sendKeys("it@demo-setup.example");
			operator.submit(operator.field("send-link"));
			assertThat(operator.text()).contains("Sent a configuration link to it@demo-setup.example");
			assertThat(rows(operator, "#links tbody tr")).singleElement()
				.satisfies((row) -> assertThat(row).startsWith("it@demo-setup.example").contains("pending"));

			String link = SetupMail.link(smtp, "it@demo-setup.example");
			directoryAdmin.open(link);
			assertThat(directoryAdmin.heading()).isEqualTo("Connect Demo Setup to Roster");
			directoryAdmin.submit(directoryAdmin.field("start"));
			assertThat(directoryAdmin.path()).isEqualTo("/setup/provider");
			assertThat(directoryAdmin.text()).contains("Workday and BambooHR do not call Roster themselves");
			directoryAdmin.field("provider-okta").click();
			screenshot(directoryAdmin, "setup-provider.png");
			directoryAdmin.submit(directoryAdmin.field("choose-provider"));

			String baseUrl = directoryAdmin.field("scim-base-url").getText();
			String token = directoryAdmin.field("scim-token").getText();
			assertThat(baseUrl).isEqualTo(server.scimUrl());
			assertThat(token).startsWith("rst_");
			directoryAdmin.submit(directoryAdmin.field("next"));
			assertThat(rows(directoryAdmin, "#mapping tbody tr"))
				.contains("user.login userName Email (the colleague's username)", "user.title title Job title");
			directoryAdmin.submit(directoryAdmin.field("next"));
			directoryAdmin.field("role-member").click();
			directoryAdmin.submit(directoryAdmin.field("save-settings"));
			assertThat(directoryAdmin.path()).isEqualTo("/setup/check");
			assertThat(directoryAdmin.text()).contains("Waiting for the first request");

			ScimService scim = ScimClients.connect(baseUrl, token);
			UserResource ada = scim.create("Users", user("ada@demo-setup.example", "Ada", "Lovelace", "Engineer"));
			UserResource grace = scim.create("Users",
					user("Grace@demo-setup.example", "Grace", "Hopper", "Engineering Manager"));
			scim.create("Groups", new GroupResource().setDisplayName("Engineering")
				.setMembers(List.of(new Member().setValue(ada.getId()), new Member().setValue(grace.getId()))));

			new WebDriverWait(directoryAdmin.driver(), Duration.ofSeconds(30))
				.until((driver) -> driver.findElements(By.cssSelector("#requests tbody tr")).size() == 3);
			assertThat(rows(directoryAdmin, "#requests tbody tr"))
				.extracting((row) -> row.substring(row.indexOf(' ') + 1))
				.containsExactly("POST User 201 success", "POST User 201 success", "POST Group 201 success");
			assertThat(directoryAdmin.driver().findElement(By.id("waiting")).isDisplayed()).isFalse();
			screenshot(directoryAdmin, "setup-check.png");

			directoryAdmin.submit(directoryAdmin.field("done"));
			assertThat(directoryAdmin.text()).contains("Roster support has been told");
			List<MimeMessage> toSupport = SetupMail.to(smtp, "support-team@roster.test");
			assertThat(toSupport).singleElement()
				.satisfies(
						(mail) -> assertThat(mail.getSubject()).isEqualTo("Demo Setup finished SCIM setup with Okta"));
			assertThat(GreenMailUtil.getBody(toSupport.get(0))).contains("SCIM requests so far: 3");

			operator.open(server.baseUrl() + "/support/companies");
			assertThat(operator.driver().findElement(By.id("notifications")).getText())
				.contains("Demo Setup finished SCIM setup with Okta");
			assertThat(rows(operator, "#companies tbody tr"))
				.anyMatch((row) -> row.startsWith("Demo Setup enterprise setup Okta"));
			operator.submit(operator.driver().findElement(By.linkText("Demo Setup finished SCIM setup with Okta")));
			assertThat(rows(operator, "#links tbody tr")).singleElement()
				.satisfies((row) -> assertThat(row).contains("used"));

			directoryAdmin.open(link);
			assertThat(directoryAdmin.path()).isEqualTo("/setup/provider");
			operator.open(link);
			assertThat(operator.heading()).isEqualTo("This link has been used");

			CompanyOverview company = server.bean(CompanyStore.class).search("Demo Setup", 0, 1).get(0);
			assertThat(company.connection().provider()).isEqualTo(IdentityProvider.OKTA);
			assertThat(company.company().defaultRole()).isEqualTo("member");
			assertThat(colleagues(server, company)).containsExactlyInAnyOrder("alan@demo-setup.example app true",
					"grace@demo-setup.example app true", "hedy@demo-setup.example app true");

			operator.open(server.baseUrl() + "/support/companies/" + company.company().id());
			operator.submit(operator.field("first-sync"));
			assertThat(operator.heading()).isEqualTo("First sync");
			assertThat(rows(operator, "#sections li")).containsExactly("Colleagues to create (1)",
					"Colleagues to link (1)", "Teams to create (1)", "Teams to take over (0)", "Errors (0)",
					"App-managed colleagues not sent (2)");
			assertThat(rows(operator, "#plan tbody tr")).containsExactly("ada@demo-setup.example colleague new");
			screenshot(operator, "support-first-sync.png");
			operator.submit(operator.driver().findElement(By.partialLinkText("Colleagues to link")));
			assertThat(rows(operator, "#plan tbody tr"))
				.containsExactly("Grace@demo-setup.example colleague grace@demo-setup.example");
			operator.submit(operator.driver().findElement(By.partialLinkText("Teams to create")));
			assertThat(rows(operator, "#plan tbody tr")).containsExactly("Engineering team new");
			operator.submit(operator.driver().findElement(By.partialLinkText("not sent")));
			assertThat(rows(operator, "#plan tbody tr")).containsExactly("alan@demo-setup.example",
					"hedy@demo-setup.example");
			operator.driver()
				.findElement(By.cssSelector("input[aria-label='Deactivate hedy@demo-setup.example']"))
				.click();
			operator.submit(operator.field("save-choices"));
			assertThat(operator.text()).contains("1 will be deactivated when the sync is finished.");
			assertThat(operator.field("deactivate-count").getText()).isEqualTo("1");

			operator.submit(operator.field("finish-sync"));
			assertThat(operator.heading()).isEqualTo("First sync finished");
			assertThat(operator.field("finished").getText()).isEqualTo("The SCIM connection of Demo Setup is live.");
			assertThat(operator.field("applied").getText()).contains("Colleagues created\n1", "Colleagues linked\n1",
					"Teams created\n1", "Unsent colleagues deactivated\n1");
			assertThat(server.bean(ScimConnections.class).findOpen(company.company().id()).orElseThrow().state())
				.isEqualTo(ConnectionState.LIVE);
			assertThat(colleagues(server, company)).containsExactlyInAnyOrder("ada@demo-setup.example scim true",
					"grace@demo-setup.example scim true", "alan@demo-setup.example app true",
					"hedy@demo-setup.example app false");
			assertThat(scim.searchRequest("Users").invoke(UserResource.class).getTotalResults()).isEqualTo(2);
		}
	}

	private static UserResource user(String userName, String givenName, String familyName, String title) {
		return new UserResource().setUserName(userName)
			.setName(new Name().setGivenName(givenName).setFamilyName(familyName))
			.setTitle(title)
			.setEmails(List.of(new Email().setValue(userName).setType("work")));
	}

	/**
	 * Returns each colleague of the company as its email, {@code managed_by} and active.
	 */
	private static List<String> colleagues(RosterServer server, CompanyOverview company) {
		return server.bean(JdbcClient.class)
			.sql("SELECT user_name, managed_by, active FROM colleague WHERE company_id = ?")
			.param(company.company().id())
			.query((rs, row) -> rs.getString("user_name").toLowerCase(java.util.Locale.ROOT) + " "
					+ rs.getString("managed_by") + " " + rs.getBoolean("active"))
			.list();
	}

	private static List<String> rows(Browser browser, String selector) {
		return browser.driver().findElements(By.cssSelector(selector)).stream().map(WebElement::getText).toList();
	}

	private void screenshot(Browser browser, String name) {
		if (this.database == TestDatabase.H2 && Boolean.getBoolean("roster.screenshots")) {
			browser.screenshot(SCREENSHOTS.resolve(name));
		}
	}

}
