package io.roster.setup;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import io.roster.support.SettableClock;
import io.roster.support.TestDatabase;
import io.roster.tenant.Company;
import io.roster.tenant.CompanyStore;
import io.roster.tenant.ConnectionState;
import io.roster.tenant.IdentityProvider;
import io.roster.tenant.Plan;
import io.roster.tenant.ScimConnections;
import io.roster.tenant.ScimTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Configuration links over real HTTP and SMTP: single use, expiry, revocation, forged
 * links, CSRF, escaping, and storage of the hash alone.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ConfigurationLinkTests {

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
	void linkIsMailedAndOnlyItsHashStored() {
		Company company = server().newCompanyWithSetupConnection("Hash Co");
		String recipient = "it-" + UUID.randomUUID() + "@hash.test";
		links().send(company.id(), recipient, server().baseUrl(), "support@roster.example");

		String link = SetupMail.link(smtp, recipient);
		String secret = link.substring(link.lastIndexOf('/') + 1);
		assertThat(link).startsWith(server().baseUrl() + "/setup/link/rcl_");
		List<Map<String, Object>> rows = jdbc().sql("SELECT * FROM configuration_link WHERE company_id = ?")
			.param(company.id())
			.query()
			.listOfRows();
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).get("secret_hash")).isEqualTo(ScimTokens.hash(secret));
		assertThat(rows.get(0).values()).noneMatch((value) -> String.valueOf(value).contains(secret));
		assertThat(rows.get(0).get("recipient")).isEqualTo(recipient);
	}

	@Test
	void usedLinkCannotBeOpenedAgain() {
		Company company = server().newCompanyWithSetupConnection("Used Co");
		String path = sendLink(company);
		ConsoleHttp first = new ConsoleHttp(server().baseUrl());
		assertThat(first.get(path).statusCode()).isEqualTo(200);
		HttpResponse<String> started = first.post(path);
		assertThat(started.statusCode()).isEqualTo(302);
		assertThat(started.headers().firstValue("Location").orElseThrow()).endsWith("/setup/provider");
		assertThat(first.get("/setup/provider").statusCode()).isEqualTo(200);
		assertThat(jdbc().sql("SELECT COUNT(*) FROM spring_session WHERE max_inactive_interval = ?")
			.param(8 * 60 * 60)
			.query(Long.class)
			.single()).as("wizard sessions lasting 8 hours").isPositive();
		Object usedAt = usedAt(company);

		ConsoleHttp second = browserWithCsrfToken();
		HttpResponse<String> page = second.get(path);
		assertThat(page.statusCode()).isEqualTo(410);
		assertThat(page.body()).contains("This link has been used");
		HttpResponse<String> post = second.post(path);
		assertThat(post.statusCode()).isEqualTo(410);
		assertThat(second.get("/setup/provider").statusCode()).isEqualTo(403);
		assertThat(usedAt(company)).isEqualTo(usedAt);
	}

	@Test
	void expiredLinkIsRejectedAndStaysUnused() {
		Company company = server().newCompanyWithSetupConnection("Expired Co");
		String path = sendLink(company);
		ConsoleHttp browser = new ConsoleHttp(server().baseUrl());
		assertThat(browser.get(path).statusCode()).isEqualTo(200);

		server().bean(SettableClock.class).advance(Duration.ofDays(7).plusMinutes(1));

		HttpResponse<String> post = browser.post(path);
		assertThat(post.statusCode()).isEqualTo(410);
		assertThat(post.body()).contains("This link has expired");
		assertThat(browser.get(path).body()).contains("This link has expired");
		assertThat(browser.get("/setup/provider").statusCode()).isEqualTo(403);
		assertThat(usedAt(company)).isNull();
	}

	@Test
	void linkWorksUntilItsLastMinute() {
		Company company = server().newCompanyWithSetupConnection("Almost Co");
		String path = sendLink(company);
		server().bean(SettableClock.class).advance(Duration.ofDays(7).minusMinutes(1));
		ConsoleHttp browser = new ConsoleHttp(server().baseUrl());

		assertThat(browser.get(path).statusCode()).isEqualTo(200);
		assertThat(browser.post(path).statusCode()).isEqualTo(302);
	}

	@Test
	void revokedLinkIsRejectedAndStaysUnused() {
		Company company = server().newCompanyWithSetupConnection("Revoked Co");
		String path = sendLink(company);
		UUID linkId = links().list(company.id(), 10).get(0).id();
		links().revoke(company.id(), linkId, "support@roster.example");
		ConsoleHttp browser = browserWithCsrfToken();

		HttpResponse<String> page = browser.get(path);
		assertThat(page.statusCode()).isEqualTo(410);
		assertThat(page.body()).contains("This link is no longer valid");
		assertThat(browser.post(path).statusCode()).isEqualTo(410);
		assertThat(usedAt(company)).isNull();
		assertThat(links().list(company.id(), 10).get(0).stateAt(links().now())).isEqualTo(LinkState.REVOKED);
		assertThatExceptionOfType(SetupException.class)
			.isThrownBy(() -> links().revoke(company.id(), linkId, "support@roster.example"))
			.withMessageContaining("revoked already");
	}

	@Test
	void newLinkRevokesTheOpenOne() {
		Company company = server().newCompanyWithSetupConnection("Resent Co");
		String firstPath = sendLink(company);
		String secondPath = sendLink(company);
		ConsoleHttp browser = new ConsoleHttp(server().baseUrl());

		assertThat(browser.get(firstPath).statusCode()).isEqualTo(410);
		assertThat(browser.get(secondPath).statusCode()).isEqualTo(200);
		assertThat(links().list(company.id(), 10)).extracting((link) -> link.stateAt(links().now()))
			.containsExactly(LinkState.PENDING, LinkState.REVOKED);
	}

	@Test
	void forgedLinksAreNotFound() {
		ConsoleHttp browser = browserWithCsrfToken();
		List<String> forged = List.of("/setup/link/rcl_" + "A".repeat(43), "/setup/link/rcl_short",
				"/setup/link/rst_" + "B".repeat(43), "/setup/link/%3Cscript%3E");
		for (String path : forged) {
			HttpResponse<String> page = browser.get(path);
			assertThat(page.statusCode()).as(path).isEqualTo(404);
			assertThat(page.body()).as(path).contains("This link is not valid");
			assertThat(browser.post(path).statusCode()).as(path).isEqualTo(404);
		}
		assertThat(jdbc().sql("SELECT COUNT(*) FROM configuration_link WHERE used_at IS NOT NULL")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void redeemWithoutCsrfTokenIsRejected() {
		Company company = server().newCompanyWithSetupConnection("Csrf Co");
		String path = sendLink(company);
		ConsoleHttp browser = new ConsoleHttp(server().baseUrl());
		browser.get(path);

		assertThat(browser.postWithoutCsrf(path).statusCode()).isEqualTo(403);
		assertThat(browser.postWithoutCsrf(path, "_csrf", "forged").statusCode()).isEqualTo(403);
		assertThat(usedAt(company)).isNull();

		assertThat(browser.post(path).statusCode()).isEqualTo(302);
		browser.get("/setup/provider");
		assertThat(browser.postWithoutCsrf("/setup/provider", "provider", "okta").statusCode()).isEqualTo(403);
		assertThat(browser.postWithoutCsrf("/setup/settings", "defaultRole", "admin", "matchingPolicy", "auto")
			.statusCode()).isEqualTo(403);
		assertThat(browser.postWithoutCsrf("/setup/done").statusCode()).isEqualTo(403);
		assertThat(server().bean(CompanyStore.class).find(company.id()).orElseThrow().defaultRole()).isEqualTo("light");
	}

	@Test
	void wizardPagesNeedARedeemedLink() {
		ConsoleHttp browser = new ConsoleHttp(server().baseUrl());
		for (String path : List.of("/setup/provider", "/setup/token", "/setup/steps", "/setup/settings", "/setup/check",
				"/setup/check/requests")) {
			HttpResponse<String> page = browser.get(path);
			assertThat(page.statusCode()).as(path).isEqualTo(403);
		}
		assertThat(browser.get("/setup/provider").body()).contains("Open the configuration link");
	}

	@Test
	void pagesEscapeCompanyNameAndRecipient() {
		String name = "<script>alert('name')</script> & \"Co\"";
		Company company = server().newCompanyWithSetupConnection(name);
		String recipient = "o'neil&" + UUID.randomUUID().toString().substring(0, 8) + "@escape.test";
		links().send(company.id(), recipient, server().baseUrl(), "support@roster.example");
		String link = SetupMail.link(smtp, recipient);
		ConsoleHttp browser = new ConsoleHttp(server().baseUrl());

		String start = browser.get(link).body();
		assertThat(start).doesNotContain("<script>alert").doesNotContain("o'neil&");
		assertThat(start).contains("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt; &amp; &quot;Co&quot;");
		assertThat(start).contains("o&#39;neil&amp;");
		browser.post(link);
		for (String path : List.of("/setup/provider", "/setup/settings", "/setup/check")) {
			String page = browser.get(path).body();
			assertThat(page).as(path).doesNotContain("<script>alert").contains("&lt;script&gt;alert");
		}
	}

	@Test
	void sendRejectsBadInputAndChangesNothing() {
		Company company = server().newCompanyWithSetupConnection("Input Co");
		Company live = server().bean(CompanyStore.class).create("Live Co", Plan.ENTERPRISE);
		server().bean(ScimConnections.class).open(live.id(), IdentityProvider.OKTA, ConnectionState.LIVE);
		Company none = server().bean(CompanyStore.class).create("None Co", Plan.ENTERPRISE);

		for (String bad : List.of("", "  ", "no-at-sign", "Name <it@input.test>", "two@@input.test", "a@b",
				"x".repeat(320) + "@input.test")) {
			assertThatExceptionOfType(SetupException.class).as(bad)
				.isThrownBy(() -> links().send(company.id(), bad, server().baseUrl(), "support@roster.example"));
		}
		assertThatExceptionOfType(SetupException.class)
			.isThrownBy(() -> links().send(live.id(), "it@live.test", server().baseUrl(), "support@roster.example"))
			.withMessageContaining("no SCIM connection in setup");
		assertThatExceptionOfType(SetupException.class)
			.isThrownBy(() -> links().send(none.id(), "it@none.test", server().baseUrl(), "support@roster.example"))
			.withMessageContaining("enable SCIM");
		assertThat(jdbc().sql("SELECT COUNT(*) FROM configuration_link WHERE company_id IN (?, ?, ?)")
			.params(company.id(), live.id(), none.id())
			.query(Long.class)
			.single()).isZero();
		assertThat(smtp.getReceivedMessages()).isEmpty();
	}

	/**
	 * Returns a browser that read the start page of another company's pending link, so
	 * that it holds a session and a valid CSRF token, as an attacker's browser could.
	 */
	private ConsoleHttp browserWithCsrfToken() {
		ConsoleHttp browser = new ConsoleHttp(server().baseUrl());
		assertThat(browser.get(sendLink(server().newCompanyWithSetupConnection("Other Co"))).statusCode())
			.isEqualTo(200);
		return browser;
	}

	private String sendLink(Company company) {
		String recipient = "it-" + UUID.randomUUID() + "@links.test";
		links().send(company.id(), recipient, server().baseUrl(), "support@roster.example");
		String link = SetupMail.link(smtp, recipient);
		return link.substring(server().baseUrl().length());
	}

	private Object usedAt(Company company) {
		return jdbc().sql("SELECT used_at FROM configuration_link WHERE company_id = ? ORDER BY created_at DESC")
			.param(company.id())
			.query()
			.listOfRows()
			.get(0)
			.get("used_at");
	}

	private ConfigurationLinks links() {
		return server().bean(ConfigurationLinks.class);
	}

	private JdbcClient jdbc() {
		return server().bean(JdbcClient.class);
	}

	private RosterServer server() {
		if (server == null) {
			Map<String, Object> properties = new LinkedHashMap<>(SetupMail.properties(smtp));
			properties.put(SettableClock.PROPERTY, SettableClock.class.getName());
			server = RosterServer.start(this.database, properties);
		}
		return server;
	}

}
