package io.roster.console;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import io.roster.activity.ActivityCsv;
import io.roster.support.ConsoleHttp;
import io.roster.support.RosterServer;
import io.roster.support.ScimHttp;
import io.roster.support.TestCompany;
import io.roster.support.TestDatabase;
import io.roster.tenant.IdentityProvider;
import io.roster.tenant.Plan;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Company > Provisioning activity over HTTP: its filters, the client habit shown with an
 * entry, and the CSV export of a filtered selection.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ConsoleActivityTests {

	private static RosterServer server;

	private static TestCompany company;

	private static String userId;

	private static ConsoleHttp http;

	@Parameter
	TestDatabase database;

	@BeforeParameterizedClassInvocation
	static void start(TestDatabase database) {
		server = RosterServer.start(database);
		company = server.newCompany("Acme", Plan.ENTERPRISE, IdentityProvider.OKTA);
		ScimHttp scim = company.scim();
		userId = scim.post("/Users", """
				{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "watched@acme.test",
				 "active": true}""").json().get("id").asString();
		scim.post("/Users", """
				{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "other@acme.test",
				 "active": true}""");
		assertThat(scim.patch("/Users/" + userId, """
				{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations": [{"op": "Replace", "path": "title", "value": "Lead"}]}""").status()).isEqualTo(200);
		assertThat(scim.post("/Users", """
				{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "active": true}""").status())
			.isEqualTo(400);
		http = new ConsoleHttp(server.baseUrl());
		http.signIn("/console/sign-in", company.adminEmail(), company.adminPassword());
	}

	@AfterParameterizedClassInvocation
	static void stop() {
		server.close();
	}

	@Test
	void listShowsEveryRequestWithHabit() {
		String page = http.get("/console/activity").body();

		assertThat(page).contains(userId);
		assertThat(page).contains("capitalized-patch-op");
		assertThat(page).contains("201 success").contains("200 success").contains("400 failure");
	}

	@Test
	void filtersByOutcomeMethodAndColleague() {
		String failures = http.get("/console/activity?outcome=failure").body();
		String patches = http.get("/console/activity?method=PATCH").body();
		String watched = http.get("/console/activity?colleague=Watched@Acme.test").body();
		String unknown = http.get("/console/activity?colleague=nobody@acme.test").body();

		assertThat(failures).contains("400 failure").doesNotContain("success</span>");
		assertThat(patches).contains("200 success").contains("capitalized-patch-op").doesNotContain("201 success");
		assertThat(watched).contains("201 success").contains("200 success").doesNotContain("400 failure");
		assertThat(unknown).contains("No activity matches.");
	}

	@Test
	void filtersByDay() {
		String today = LocalDate.now(ZoneOffset.UTC).toString();
		String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();

		assertThat(http.get("/console/activity?from=" + today + "&to=" + today).body()).contains("201 success");
		assertThat(http.get("/console/activity?from=" + tomorrow).body()).contains("No activity matches.");
	}

	@Test
	void invalidDayIsRejected() {
		HttpResponse<String> page = http.get("/console/activity?from=yesterday");

		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("&#39;from&#39; must be a date such as 2026-01-31, not &#39;yesterday&#39;");
	}

	@Test
	void exportWritesFilteredCsv() {
		HttpResponse<String> csv = http.get("/console/activity/export?colleague=watched@acme.test");

		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		String[] lines = csv.body().split("\r\n");
		assertThat(lines[0]).isEqualTo(ActivityCsv.HEADER);
		assertThat(lines).hasSize(3);
		assertThat(lines[1]).contains(",POST,User," + userId + ",201,success,");
		assertThat(lines[2]).contains(",PATCH,User," + userId + ",200,success,").contains("capitalized-patch-op");
	}

}
