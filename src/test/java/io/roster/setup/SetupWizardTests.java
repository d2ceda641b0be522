package io.roster.setup;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.UserResource;

import io.roster.support.ConsoleHttp;
import io.roster.support.RosterServer;
import io.roster.support.ScimClients;
import io.roster.support.TestDatabase;
import io.roster.tenant.Company;
import io.roster.tenant.CompanyStore;
import io.roster.tenant.ConnectionState;
import io.roster.tenant.IdentityProvider;
import io.roster.tenant.ScimConnection;
import io.roster.tenant.ScimConnections;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The setup wizard over real HTTP, with a real SCIM client using the token it shows and a
 * real SMTP server receiving the mail to support.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
@ExtendWith(OutputCaptureExtension.class)
class SetupWizardTests {

	private static final Pattern TOKEN = Pattern.compile("id=\"scim-token\">(rst_[A-Za-z0-9_-]{43})<");

	@RegisterExtension
	static final GreenMailExtension smtp = SetupMail.smtp();

	@Parameter
	TestDatabase database;

	private static RosterServer server;

	@AfterParameterizedClassInvocation
	static void stop() {
		if (server != null) {
			server.close();
			server = null;
		}
	}

	@BeforeEach
	void clearMail() throws Exception {
		smtp.purgeEmailFromAllMailboxes();
	}

	@Test
	void wizardIssuesTokenChecksRequestsAndTellsSupport(CapturedOutput output) throws Exception {
		Company company = server().newCompanyWithSetupConnection("Wizard Co");
		ConsoleHttp browser = redeemedWizard(company);

		HttpResponse<String> unknown = browser.post("/setup/provider", "provider", "workday");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(unknown.body()).contains("Choose one of the identity providers listed.");
		assertThat(browser.get("/setup/provider").body()).contains("Workday and BambooHR do not call Roster");

		HttpResponse<String> tokenPage = browser.post("/setup/provider", "provider", "okta");
		assertThat(tokenPage.statusCode()).isEqualTo(200);
		assertThat(tokenPage.body()).contains(server().scimUrl());
		String token = token(tokenPage.body());
		assertThat(output.getAll()).doesNotContain(token);
		assertThat(connection(company).provider()).isEqualTo(IdentityProvider.OKTA);
		assertThat(browser.get("/setup/token").body()).doesNotContain("id=\"scim-token\"");

		String steps = browser.get("/setup/steps").body();
		assertThat(steps).contains("SCIM connector base URL").contains("user.login").contains("user.title");

		ScimService scim = ScimClients.connect(server().scimUrl(), token);
		UserResource created = scim.create("Users",
				new UserResource().setUserName("ada@wizard.test")
					.setName(new Name().setGivenName("Ada").setFamilyName("Lovelace"))
					.setTitle("Engineer")
					.setEmails(List.of(new Email().setValue("ada@wizard.test").setType("work"))));
		assertThat(created.getId()).isNotNull();
		scim.searchRequest("Users").filter("userName eq \"nobody@wizard.test\"").invoke(UserResource.class);

		JsonNode requests = JsonMapper.builder().build().readTree(browser.get("/setup/check/requests").body());
		assertThat(requests).hasSize(2);
		assertThat(requests.get(0).get("method").asString()).isEqualTo("POST");
		assertThat(requests.get(0).get("resource").asString()).isEqualTo("User");
		assertThat(requests.get(0).get("status").asInt()).isEqualTo(201);
		assertThat(requests.get(0).get("outcome").asString()).isEqualTo("success");
		assertThat(requests.get(1).get("method").asString()).isEqualTo("GET");
		assertThat(browser.get("/setup/check").body()).contains("<td>POST</td>").contains("<td>201</td>");

		HttpResponse<String> badRole = browser.post("/setup/settings", "defaultRole", "owner", "matchingPolicy",
				"auto");
		assertThat(badRole.statusCode()).isEqualTo(400);
		assertThat(badRole.body()).contains("owner").contains("admin, member, light");
		assertThat(company(company).defaultRole()).isEqualTo("light");
		HttpResponse<String> saved = browser.post("/setup/settings", "defaultRole", "member", "matchingPolicy",
				"never");
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(company(company).defaultRole()).isEqualTo("member");
		assertThat(company(company).matchingPolicy()).isEqualTo("never");

		browser.get("/setup/check");
		HttpResponse<String> done = browser.post("/setup/done");
		assertThat(done.statusCode()).isEqualTo(200);
		assertThat(done.body()).contains("Roster support has been told");
		List<MimeMessage> toSupport = SetupMail.to(smtp, "support-team@roster.test");
		assertThat(toSupport).hasSize(1);
		assertThat(toSupport.get(0).getSubject()).isEqualTo("Wizard Co finished SCIM setup with Okta");
		assertThat(GreenMailUtil.getBody(toSupport.get(0))).contains("SCIM requests so far: 2");
		assertThat(server().bean(SetupWizard.class).notifications(10))
			.anyMatch((notification) -> notification.companyId().equals(company.id())
					&& notification.message().equals("Wizard Co finished SCIM setup with Okta"));

		browser.post("/setup/done");
		assertThat(SetupMail.to(smtp, "support-team@roster.test")).hasSize(1);
	}

	@Test
	void anotherTokenCanBeIssuedAndBothWork() throws Exception {
		Company company = server().newCompanyWithSetupConnection("Tokens Co");
		ConsoleHttp browser = redeemedWizard(company);
		String first = token(browser.post("/setup/provider", "provider", "entra").body());
		browser.get("/setup/token");
		String second = token(browser.post("/setup/token").body());

		assertThat(second).isNotEqualTo(first);
		for (String token : List.of(first, second)) {
			ScimService scim = ScimClients.connect(server().scimUrl(), token);
			assertThat(scim.searchRequest("Users").invoke(UserResource.class).getTotalResults()).isZero();
		}
		assertThat(browser.get("/setup/steps").body()).contains("userPrincipalName")
			.contains("emails[type eq &quot;work&quot;].value")
			.contains("jobTitle");
	}

	@Test
	void wizardStopsOnceConnectionLeavesSetup() {
		Company company = server().newCompanyWithSetupConnection("Left Co");
		ConsoleHttp browser = redeemedWizard(company);
		ScimConnection connection = connection(company);
		server().bean(ScimConnections.class).changeState(company.id(), connection.id(), ConnectionState.DISABLED);

		HttpResponse<String> page = browser.post("/setup/provider", "provider", "okta");
		assertThat(page.statusCode()).isEqualTo(409);
		assertThat(page.body()).contains("no longer in setup");
		assertThat(server().bean(JdbcClient.class)
			.sql("SELECT COUNT(*) FROM scim_token WHERE company_id = ?")
			.param(company.id())
			.query(Long.class)
			.single()).isZero();
	}

	private ConsoleHttp redeemedWizard(Company company) {
		String recipient = "it-" + UUID.randomUUID() + "@wizard.test";
		server().bean(ConfigurationLinks.class)
			.send(company.id(), recipient, server().baseUrl(), "support@roster.example");
		String link = SetupMail.link(smtp, recipient);
		ConsoleHttp browser = new ConsoleHttp(server().baseUrl());
		browser.get(link);
		assertThat(browser.post(link).statusCode()).isEqualTo(302);
		assertThat(browser.get("/setup/provider").statusCode()).isEqualTo(200);
		return browser;
	}

	private static String token(String page) {
		Matcher token = TOKEN.matcher(page);
		assertThat(token.find()).as("a token on the page").isTrue();
		return token.group(1);
	}

	private Company company(Company company) {
		return server().bean(CompanyStore.class).find(company.id()).orElseThrow();
	}

	private ScimConnection connection(Company company) {
		return server().bean(ScimConnections.class).list(company.id()).get(0);
	}

	private RosterServer server() {
		if (server == null) {
			server = RosterServer.start(this.database, SetupMail.properties(smtp));
		}
		return server;
	}

}
