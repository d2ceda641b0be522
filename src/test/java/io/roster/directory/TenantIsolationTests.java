package io.roster.directory;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import io.roster.support.ApiHttp;
import io.roster.support.RosterServer;
import io.roster.support.ScimHttp;
import io.roster.support.TestCompany;
import io.roster.support.TestDatabase;
import io.roster.tenant.IdentityProvider;
import io.roster.tenant.Plan;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two companies with the same emails, team names and externalIds never see or change each
 * other's data, through SCIM or the product API.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class TenantIsolationTests {

	private static final String ANN = """
			{"userName": "ann@same.test", "externalId": "hr-1", "title": "%s"}""";

	private static RosterServer server;

	@Parameter
	TestDatabase database;

	@BeforeParameterizedClassInvocation
	static void start(TestDatabase database) {
		server = RosterServer.start(database);
	}

	@AfterParameterizedClassInvocation
	static void stop() {
		server.close();
	}

	@Test
	void sameNamesInTwoCompaniesStaySeparateInBothApis() {
		TestCompany first = server.newCompany("First", Plan.ENTERPRISE, IdentityProvider.OKTA);
		TestCompany second = server.newCompany("Second", Plan.ENTERPRISE, IdentityProvider.ONELOGIN);
		Tenant a = provision(first, "A");
		Tenant b = provision(second, "B");

		assertThat(a.scimUser()).isNotEqualTo(b.scimUser());
		assertThat(a.colleague()).isNotEqualTo(b.colleague());
		assertThat(list(first.api(), "colleagues")).containsExactly(a.colleague(), a.appColleague());
		assertThat(list(second.api(), "colleagues")).containsExactly(b.colleague(), b.appColleague());
		assertThat(list(first.api(), "teams")).containsExactly(a.team(), a.appTeam());
		assertThat(first.scim().get("/Users?filter=externalId%20eq%20%22hr-1%22").json().get("totalResults").asLong())
			.isEqualTo(1);
		assertThat(first.scim().get("/Users/" + b.scimUser()).status()).isEqualTo(404);
		assertThat(first.scim().get("/Groups/" + b.group()).status()).isEqualTo(404);
		assertThat(ColleagueRulesTests.colleague(first.api(), "ann@same.test").get("title").asString()).isEqualTo("A");
		assertThat(first.api().get("activity?limit=1000").json().get("items")).allSatisfy(
				(entry) -> assertThat(entry.get("connectionId").asString()).isEqualTo(first.connectionId().toString()));
	}

	@Test
	void neitherApiChangesAnotherCompanysData() {
		TestCompany first = server.newCompany("First", Plan.ENTERPRISE, IdentityProvider.OKTA);
		TestCompany second = server.newCompany("Second", Plan.ENTERPRISE, IdentityProvider.OKTA);
		provision(first, "A");
		Tenant b = provision(second, "B");
		ScimHttp scim = first.scim();
		ApiHttp api = first.api();
		String titlePatch = "{\"Operations\": [{\"op\": \"replace\", \"path\": \"title\", \"value\": \"X\"}]}";

		List<Integer> scimStatuses = List.of(scim.patch("/Users/" + b.scimUser(), titlePatch).status(),
				scim.put("/Users/" + b.scimUser(), ANN.formatted("X")).status(),
				scim.delete("/Users/" + b.scimUser()).status(),
				scim.patch("/Groups/" + b.group(),
						"{\"Operations\": [{\"op\": \"replace\", \"path\": \"displayName\"," + " \"value\": \"X\"}]}")
					.status(),
				scim.delete("/Groups/" + b.group()).status());
		ScimHttp.Response foreignMember = scim.post("/Groups",
				"{\"displayName\": \"Mixed\", \"members\": [{\"value\": \"" + b.scimUser() + "\"}]}");
		List<Integer> apiStatuses = List.of(api.get("colleagues/" + b.colleague()).status(),
				api.patch("colleagues/" + b.appColleague(), "{\"title\": \"X\"}").status(),
				api.post("colleagues/" + b.appColleague() + "/deactivate", null).status(),
				api.get("colleagues/" + b.colleague() + "/history").status(), api.get("teams/" + b.appTeam()).status(),
				api.patch("teams/" + b.appTeam(), "{\"name\": \"X\"}").status(),
				api.post("teams/" + b.appTeam() + "/archive", null).status(),
				api.post("scim-connections/" + second.connectionId() + "/disable", null).status());
		ApiHttp.Response foreignTeamMember = api.post("teams",
				"{\"name\": \"Mixed\", \"members\": [\"" + b.colleague() + "\"]}");
		api.patch("settings", "{\"matchingPolicy\": \"never\", \"defaultRole\": \"admin\"}");
		scim.delete("/Users/" + provisioned(scim, "ann@same.test"));

		assertThat(scimStatuses).containsOnly(404);
		assertThat(foreignMember.status()).isEqualTo(400);
		assertThat(apiStatuses).containsOnly(404);
		assertThat(foreignTeamMember.status()).isEqualTo(400);
		JsonNode theirs = second.api().get("colleagues/" + b.colleague()).json();
		assertThat(theirs.get("title").asString()).isEqualTo("B");
		assertThat(theirs.get("active").asBoolean()).isTrue();
		assertThat(theirs.get("scimId").asString()).isEqualTo(b.scimUser());
		assertThat(theirs.get("version").asLong()).isEqualTo(1);
		assertThat(second.api().get("colleagues/" + b.appColleague()).json().get("version").asLong()).isEqualTo(1);
		assertThat(second.api().get("teams/" + b.appTeam()).json().get("name").asString()).isEqualTo("Ops");
		assertThat(second.scim().get("/Groups/" + b.group()).json().get("displayName").asString())
			.isEqualTo("Engineering");
		assertThat(second.api().get("settings").json().get("matchingPolicy").asString()).isEqualTo("auto");
		assertThat(second.api().get("settings").json().get("defaultRole").asString()).isEqualTo("light");
		assertThat(second.scim().get("/Users").status()).isEqualTo(200);
		assertThat(second.api().get("colleagues/" + b.colleague() + "/history").json()).hasSize(2);
	}

	@Test
	void adminOfOneCompanyCannotSignInToAnother() {
		TestCompany first = server.newCompany("First", Plan.ENTERPRISE, IdentityProvider.OKTA);
		TestCompany second = server.newCompany("Second", Plan.ENTERPRISE, IdentityProvider.OKTA);

		ApiHttp mixed = new ApiHttp(server.baseUrl(), first.adminEmail(), second.adminPassword());

		assertThat(mixed.get("settings").status()).isEqualTo(401);
		assertThat(first.api().get("settings").json().get("company").asString()).isEqualTo("First");
	}

	/** Provisions the same user, group, app colleague and app team names in a company. */
	private static Tenant provision(TestCompany company, String title) {
		ScimHttp scim = company.scim();
		ApiHttp api = company.api();
		String user = scim.post("/Users", ANN.formatted(title)).json().get("id").asString();
		String group = scim
			.post("/Groups",
					"{\"displayName\": \"Engineering\", \"externalId\": \"g-1\"," + " \"members\": [{\"value\": \""
							+ user + "\"}]}")
			.json()
			.get("id")
			.asString();
		String colleague = ColleagueRulesTests.colleague(api, "ann@same.test").get("id").asString();
		String appColleague = api.post("colleagues", "{\"email\": \"bo@same.test\"}").json().get("id").asString();
		String appTeam = api.post("teams", "{\"name\": \"Ops\", \"members\": [\"" + appColleague + "\"]}")
			.json()
			.get("id")
			.asString();
		String team = TeamRulesTests.team(api, "Engineering").get("id").asString();
		return new Tenant(user, group, colleague, appColleague, team, appTeam);
	}

	private static String provisioned(ScimHttp scim, String userName) {
		return scim.get("/Users?filter=userName%20eq%20%22" + userName + "%22")
			.json()
			.get("Resources")
			.get(0)
			.get("id")
			.asString();
	}

	private static List<String> list(ApiHttp api, String path) {
		return api.get(path).json().get("items").valueStream().map((item) -> item.get("id").asString()).toList();
	}

	private record Tenant(String scimUser, String group, String colleague, String appColleague, String team,
			String appTeam) {
	}

}
