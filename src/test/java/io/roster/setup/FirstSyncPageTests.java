package io.roster.setup;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import io.roster.directory.AppColleagues;
import io.roster.support.ConsoleHttp;
import io.roster.support.RosterServer;
import io.roster.support.ScimHttp;
import io.roster.support.TestDatabase;
import io.roster.tenant.Actor;
import io.roster.tenant.Company;
import io.roster.tenant.CompanyStore;
import io.roster.tenant.ConnectionState;
import io.roster.tenant.MatchingPolicy;
import io.roster.tenant.Plan;
import io.roster.tenant.ScimConnection;
import io.roster.tenant.ScimConnections;
import io.roster.tenant.ScimTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The support console's plan page over real HTTP: sections read in pages, errors that
 * stop the finish until support skips them, CSRF, and the page once the sync is done.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class FirstSyncPageTests {

	private static final Pattern NEXT = Pattern
		.compile("href=\"([^\"]*first-sync\\?section=create&amp;cursor=[^\"]+)\"");

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

	@Test
	void planIsPagedAndErrorsBlockFinish() {
		Company company = server().bean(CompanyStore.class).create("Paged Plan Co", Plan.ENTERPRISE);
		server().bean(CompanyStore.class).changeSettings(company.id(), "light", MatchingPolicy.NEVER);
		server().bean(AppColleagues.class)
			.create(Actor.SYSTEM, company, Map.of("email", "taken@paged.test", "givenName", "Taken"));
		ConsoleHttp operator = operator();
		String page = "/support/companies/" + company.id();
		operator.get(page);
		operator.post(page + "/scim");
		ScimHttp scim = scim(company);
		int users = FirstSyncController.PAGE_SIZE + 5;
		for (int i = 0; i < users; i++) {
			assertThat(scim.post("/Users", user(String.format("user%02d@paged.test", i))).status()).isEqualTo(201);
		}
		scim.post("/Users", user("taken@paged.test"));

		String first = operator.get(page + "/first-sync").body();
		assertThat(first).contains("Colleagues to create (" + users + ")").contains("Errors (1)");
		assertThat(first).contains("user00@paged.test")
			.contains("user49@paged.test")
			.doesNotContain("user50@paged.test");
		Matcher next = NEXT.matcher(first);
		assertThat(next.find()).as("a link to the next page").isTrue();
		String second = operator.get(next.group(1).replace("&amp;", "&")).body();
		assertThat(second).contains("user50@paged.test")
			.contains("user54@paged.test")
			.doesNotContain("user49@paged.test");
		assertThat(second).doesNotContain("Next page");
		assertThat(operator.get(page + "/first-sync?section=errors").body()).contains("taken@paged.test");

		assertThat(operator.postWithoutCsrf(page + "/first-sync/finish").statusCode()).isEqualTo(403);
		HttpResponse<String> refused = operator.post(page + "/first-sync/finish");
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(operator.get(page + "/first-sync").body()).contains("The sync was not finished, and nothing changed")
			.contains("1 errors");
		assertThat(connection(company).state()).isEqualTo(ConnectionState.SETUP);

		operator.get(page + "/first-sync");
		HttpResponse<String> finished = operator.post(page + "/first-sync/finish", "skipErrors", "true");
		assertThat(finished.statusCode()).isEqualTo(200);
		assertThat(finished.body()).contains("is <strong>live</strong>");
		assertThat(connection(company).state()).isEqualTo(ConnectionState.LIVE);

		HttpResponse<String> after = operator.get(page + "/first-sync");
		assertThat(after.statusCode()).isEqualTo(404);
		assertThat(after.body()).contains("There is no first sync to review");
	}

	@Test
	void unknownSectionAndCompanyAreNotFound() {
		Company company = server().bean(CompanyStore.class).create("Section Co", Plan.ENTERPRISE);
		ConsoleHttp operator = operator();
		operator.get("/support/companies/" + company.id());
		operator.post("/support/companies/" + company.id() + "/scim");

		HttpResponse<String> section = operator
			.get("/support/companies/" + company.id() + "/first-sync?section=%3Cb%3E");
		assertThat(section.statusCode()).isEqualTo(404);
		assertThat(section.body()).contains("The plan has no section &#39;&lt;b&gt;&#39;; use one of create, link,");
		assertThat(operator.get("/support/companies/" + UUID.randomUUID() + "/first-sync").statusCode()).isEqualTo(404);
	}

	private ScimHttp scim(Company company) {
		ScimConnection connection = connection(company);
		return new ScimHttp(server().scimUrl(), server().bean(ScimTokens.class).issue(connection, "Test token"));
	}

	private ScimConnection connection(Company company) {
		return server().bean(ScimConnections.class).list(company.id()).get(0);
	}

	private static String user(String userName) {
		return """
				{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "%s"}""".formatted(userName);
	}

	private ConsoleHttp operator() {
		return server().signedInOperator();
	}

	private RosterServer server() {
		if (server == null) {
			server = RosterServer.start(this.database);
		}
		return server;
	}

}
