package io.roster.setup;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import io.roster.support.ConsoleHttp;
import io.roster.support.RosterServer;
import io.roster.support.TestDatabase;
import io.roster.tenant.Company;
import io.roster.tenant.CompanyStore;
import io.roster.tenant.ConnectionState;
import io.roster.tenant.Plan;
import io.roster.tenant.ScimConnections;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The support console's company pages over real HTTP: who may open them, CSRF, escaping,
 * search and paging, and the rules for plans, SCIM and links.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class SupportConsoleTests {

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
	void operatorAndAdminPagesAreSeparate() {
		ConsoleHttp admin = new ConsoleHttp(server().baseUrl());
		admin.signIn("/console/sign-in", "admin@demo.example", server().demoAdminPassword());
		assertThat(admin.get("/console").statusCode()).isEqualTo(200);
		for (String path : new String[] { "/support/companies", "/support/notifications",
				"/support/companies/" + UUID.randomUUID() }) {
			HttpResponse<String> page = admin.get(path);
			assertThat(page.statusCode()).as(path).isEqualTo(302);
			assertThat(page.headers().firstValue("Location").orElseThrow()).as(path).endsWith("/support/sign-in");
		}

		ConsoleHttp operator = operator();
		assertThat(operator.get("/support/companies").statusCode()).isEqualTo(200);
		HttpResponse<String> console = operator.get("/console");
		assertThat(console.statusCode()).isEqualTo(302);
		assertThat(console.headers().firstValue("Location").orElseThrow()).endsWith("/console/sign-in");
	}

	@Test
	void supportFormsNeedCsrfToken() {
		Company company = server().bean(CompanyStore.class).create("Csrf Support Co", Plan.BUSINESS);
		ConsoleHttp operator = operator();
		operator.get("/support/companies/" + company.id());

		assertThat(operator.postWithoutCsrf("/support/companies/" + company.id() + "/plan", "plan", "enterprise")
			.statusCode()).isEqualTo(403);
		assertThat(operator.postWithoutCsrf("/support/companies/" + company.id() + "/scim").statusCode())
			.isEqualTo(403);
		assertThat(operator
			.postWithoutCsrf("/support/companies/" + company.id() + "/links", "email", "it@csrf.test", "_csrf", "x")
			.statusCode()).isEqualTo(403);
		assertThat(company(company).plan()).isEqualTo(Plan.BUSINESS);
		assertThat(server().bean(ScimConnections.class).list(company.id())).isEmpty();
	}

	@Test
	void enablingScimNeedsTheEnterprisePlan() {
		Company company = server().bean(CompanyStore.class).create("Business Co", Plan.BUSINESS);
		ConsoleHttp operator = operator();
		String page = "/support/companies/" + company.id();
		operator.get(page);

		HttpResponse<String> refused = operator.post(page + "/scim");
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(operator.get(page).body())
			.contains("SCIM is available on the enterprise plan only, and Business Co is on the business plan");
		assertThat(server().bean(ScimConnections.class).list(company.id())).isEmpty();

		operator.post(page + "/plan", "plan", "premium");
		assertThat(operator.get(page).body())
			.contains("&#39;premium&#39; is not a plan; choose one of free, business," + " enterprise.");
		assertThat(company(company).plan()).isEqualTo(Plan.BUSINESS);

		operator.post(page + "/plan", "plan", "enterprise");
		assertThat(operator.get(page).body()).contains("Business Co is now on the enterprise plan.");
		operator.post(page + "/scim");
		String enabled = operator.get(page).body();
		assertThat(enabled).contains("SCIM is enabled and its connection is in setup.");
		assertThat(enabled).contains("id=\"connection-state\">setup<");
		assertThat(server().bean(ScimConnections.class).list(company.id())).singleElement()
			.extracting((connection) -> connection.state())
			.isEqualTo(ConnectionState.SETUP);

		operator.post(page + "/scim");
		assertThat(operator.get(page).body()).contains("Business Co already has a SCIM connection in setup");
		assertThat(server().bean(ScimConnections.class).list(company.id())).hasSize(1);
	}

	@Test
	void linksAreSentListedAndRevoked() {
		Company company = server().bean(CompanyStore.class).create("Links Co", Plan.ENTERPRISE);
		ConsoleHttp operator = operator();
		String page = "/support/companies/" + company.id();
		operator.get(page);
		operator.post(page + "/scim");
		operator.get(page);

		operator.post(page + "/links", "email", "not an address");
		String rejected = operator.get(page).body();
		assertThat(rejected).contains("&#39;not an address&#39; is not a valid email address");
		assertThat(jdbc().sql("SELECT COUNT(*) FROM configuration_link WHERE company_id = ?")
			.param(company.id())
			.query(Long.class)
			.single()).isZero();

		operator.post(page + "/links", "email", "it@links-co.test");
		String sent = operator.get(page).body();
		assertThat(sent).contains("Sent a configuration link to it@links-co.test");
		assertThat(sent).contains("<td class=\"link-state\">pending</td>");
		assertThat(SetupMail.link(smtp, "it@links-co.test")).startsWith(server().baseUrl() + "/setup/link/");

		UUID linkId = server().bean(ConfigurationLinks.class).list(company.id(), 1).get(0).id();
		operator.post(page + "/links/" + linkId + "/revoke");
		String revoked = operator.get(page).body();
		assertThat(revoked).contains("The link is revoked.");
		assertThat(revoked).contains("<td class=\"link-state\">revoked</td>");
		operator.post(page + "/links/" + linkId + "/revoke");
		assertThat(operator.get(page).body()).contains("is revoked already, so it cannot be revoked");
	}

	@Test
	void companiesAreSearchedPagedAndEscaped() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < SupportCompanies.PAGE_SIZE + 2; i++) {
			server().bean(CompanyStore.class).create(String.format("Paged %s %02d", tag, i), Plan.FREE);
		}
		server().bean(CompanyStore.class).create("<img src=x onerror=alert(1)> " + tag, Plan.ENTERPRISE);
		server().bean(CompanyStore.class).create("100%_literal " + tag, Plan.FREE);
		ConsoleHttp operator = operator();

		String first = operator.get("/support/companies?q=paged+" + tag).body();
		assertThat(first).contains("Paged " + tag + " 00").contains("Paged " + tag + " 24");
		assertThat(first).doesNotContain("Paged " + tag + " 25");
		assertThat(first).contains("27</span> companies").contains("Next page");
		String second = operator.get("/support/companies?q=paged+" + tag + "&page=1").body();
		assertThat(second).contains("Paged " + tag + " 25").contains("Paged " + tag + " 26");
		assertThat(second).doesNotContain("Paged " + tag + " 24").doesNotContain("Next page");

		String escaped = operator.get("/support/companies?q=" + tag).body();
		assertThat(escaped).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)&gt;");
		String literal = operator.get("/support/companies?q=100%25_").body();
		assertThat(literal).contains("100%_literal " + tag).doesNotContain("Paged " + tag);
		String searchEcho = operator.get("/support/companies?q=%22%3E%3Cscript%3E").body();
		assertThat(searchEcho).doesNotContain("\"><script>").contains("&quot;&gt;&lt;script&gt;");
	}

	@Test
	void unknownCompanyIsNotFound() {
		ConsoleHttp operator = operator();
		HttpResponse<String> page = operator.get("/support/companies/" + UUID.randomUUID());
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("No company has the id");
	}

	private ConsoleHttp operator() {
		return server().signedInOperator();
	}

	private Company company(Company company) {
		return server().bean(CompanyStore.class).find(company.id()).orElseThrow();
	}

	private JdbcClient jdbc() {
		return server().bean(JdbcClient.class);
	}

	private RosterServer server() {
		if (server == null) {
			server = RosterServer.start(this.database, SetupMail.properties(smtp));
		}
		return server;
	}

}
