package io.roster.directory;

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

import static io.roster.directory.ColleagueRulesTests.createUser;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules for teams, through the SCIM API and the product API: app-managed teams change
 * in the product, a group takes over a team of the same name, and a SCIM-managed team
 * changes only through SCIM.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class TeamRulesTests {

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
	void appTeamLifecycleInProduct() {
		TestCompany company = newCompany();
		ApiHttp api = company.api();
		String ann = api.post("colleagues", "{\"email\": \"ann@x.test\"}").json().get("id").asString();
		String bo = api.post("colleagues", "{\"email\": \"bo@x.test\"}").json().get("id").asString();

		ApiHttp.Response created = api.post("teams", "{\"name\": \"Design\", \"members\": [\"" + ann + "\"]}");
		String path = "teams/" + created.json().get("id").asString();
		ApiHttp.Response renamed = api.patch(path, "{\"name\": \"Product Design\"}");
		ApiHttp.Response changed = api.patch(path + "/members",
				"{\"add\": [\"" + bo + "\", \"" + ann + "\"], \"remove\": [\"" + ann + "\"]}");
		ApiHttp.Response removed = api.patch(path + "/members", "{\"remove\": [\"" + ann + "\"]}");
		ApiHttp.Response archived = api.post(path + "/archive", null);

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("managedBy").asString()).isEqualTo("app");
		assertThat(created.json().get("members")).extracting((m) -> m.get("email").asString())
			.containsExactly("ann@x.test");
		assertThat(renamed.json().get("name").asString()).isEqualTo("Product Design");
		assertThat(changed.json().get("members")).extracting((m) -> m.get("email").asString())
			.containsExactly("ann@x.test", "bo@x.test");
		assertThat(removed.json().get("members")).extracting((m) -> m.get("email").asString())
			.containsExactly("bo@x.test");
		assertThat(archived.json().get("archived").asBoolean()).isTrue();
		assertThat(api.get("teams?archived=false").json().get("total").asLong()).isZero();
		assertThat(api.get("teams?archived=true").json().get("total").asLong()).isEqualTo(1);
		assertThat(api.get(path + "/history").json()).extracting((entry) -> entry.get("action").asString())
			.containsExactly("created", "updated", "members_changed", "members_changed", "archived");
		assertThat(api.get("colleagues/" + ann + "/history").json())
			.extracting((entry) -> entry.get("action").asString())
			.containsExactly("created", "joined_team", "left_team");
	}

	@Test
	void appTeamRejectsBadChanges() {
		TestCompany company = newCompany();
		ApiHttp api = company.api();
		String path = "teams/" + api.post("teams", "{\"name\": \"Ops\"}").json().get("id").asString();

		ApiHttp.Response taken = api.post("teams", "{\"name\": \"OPS\"}");
		ApiHttp.Response unknown = api.patch(path + "/members",
				"{\"add\": [\"00000000-0000-0000-0000-000000000001\"]}");
		api.post(path + "/archive", null);
		ApiHttp.Response renameArchived = api.patch(path, "{\"name\": \"Ops 2\"}");
		ApiHttp.Response reused = api.post("teams", "{\"name\": \"Ops\"}");

		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.json().get("field").asString()).isEqualTo("name");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("detail").asString()).contains("00000000-0000-0000-0000-000000000001");
		assertThat(renameArchived.status()).isEqualTo(409);
		assertThat(reused.status()).isEqualTo(201);
		assertThat(api.get(path).json().get("name").asString()).isEqualTo("Ops");
	}

	@Test
	void newGroupCreatesScimManagedTeam() {
		TestCompany company = newCompany();
		String user = createUser(company.scim(), "{\"userName\": \"m@x.test\"}");

		ScimHttp.Response group = company.scim()
			.post("/Groups", "{\"displayName\": \"Sales\", \"members\": [{\"value\": \"" + user + "\"}]}");
		JsonNode team = team(company.api(), "Sales");

		assertThat(group.status()).isEqualTo(201);
		assertThat(team.get("managedBy").asString()).isEqualTo("scim");
		assertThat(team.get("identityProvider").asString()).isEqualTo("Okta");
		assertThat(team.get("scimId").asString()).isEqualTo(group.json().get("id").asString());
		assertThat(team.get("members")).extracting((m) -> m.get("email").asString()).containsExactly("m@x.test");
	}

	@Test
	void groupWithNameOfAppTeamTakesItOverIgnoringCase() {
		TestCompany company = newCompany();
		ApiHttp api = company.api();
		String appMember = api.post("colleagues", "{\"email\": \"app@x.test\"}").json().get("id").asString();
		String teamId = api.post("teams", "{\"name\": \"Support\", \"members\": [\"" + appMember + "\"]}")
			.json()
			.get("id")
			.asString();
		String user = createUser(company.scim(), "{\"userName\": \"s@x.test\"}");

		ScimHttp.Response group = company.scim()
			.post("/Groups", "{\"displayName\": \"SUPPORT\", \"members\": [{\"value\": \"" + user + "\"}]}");
		JsonNode team = api.get("teams/" + teamId).json();

		assertThat(group.status()).isEqualTo(201);
		assertThat(team.get("managedBy").asString()).isEqualTo("scim");
		assertThat(team.get("name").asString()).isEqualTo("SUPPORT");
		assertThat(team.get("members")).extracting((m) -> m.get("email").asString()).containsExactly("s@x.test");
		assertThat(api.get("teams").json().get("total").asLong()).isEqualTo(1);
		assertThat(api.get("teams/" + teamId + "/history").json()).extracting((entry) -> entry.get("action").asString())
			.containsExactly("created", "taken_over");
	}

	@Test
	void scimTeamChangesOnlyThroughScim() {
		TestCompany company = newCompany();
		ApiHttp api = company.api();
		String other = api.post("colleagues", "{\"email\": \"o@x.test\"}").json().get("id").asString();
		company.scim().post("/Groups", "{\"displayName\": \"Finance\"}");
		JsonNode before = team(api, "Finance");
		String path = "teams/" + before.get("id").asString();

		ApiHttp.Response rename = api.patch(path, "{\"name\": \"Money\"}");
		ApiHttp.Response members = api.patch(path + "/members", "{\"add\": [\"" + other + "\"]}");
		ApiHttp.Response archive = api.post(path + "/archive", null);

		for (ApiHttp.Response response : new ApiHttp.Response[] { rename, members, archive }) {
			assertThat(response.status()).isEqualTo(409);
			assertThat(response.json().get("detail").asString()).contains("Okta");
		}
		assertThat(rename.json().get("field").asString()).isEqualTo("name");
		assertThat(members.json().get("field").asString()).isEqualTo("members");
		JsonNode after = api.get(path).json();
		assertThat(after.get("name").asString()).isEqualTo("Finance");
		assertThat(after.get("members")).isEmpty();
		assertThat(after.get("archived").asBoolean()).isFalse();
		assertThat(api.get(path + "/history").json()).hasSize(1);
	}

	@Test
	void groupDeleteArchivesTeamAndKeepsHistory() {
		TestCompany company = newCompany();
		String user = createUser(company.scim(), "{\"userName\": \"d@x.test\"}");
		String group = company.scim()
			.post("/Groups", "{\"displayName\": \"Temp\", \"members\": [{\"value\": \"" + user + "\"}]}")
			.json()
			.get("id")
			.asString();
		String path = "teams/" + team(company.api(), "Temp").get("id").asString();

		ScimHttp.Response delete = company.scim().delete("/Groups/" + group);
		JsonNode team = company.api().get(path).json();

		assertThat(delete.status()).isEqualTo(204);
		assertThat(company.scim().get("/Groups/" + group).status()).isEqualTo(404);
		assertThat(team.get("archived").asBoolean()).isTrue();
		assertThat(team.get("scimId").isNull()).isTrue();
		assertThat(company.api().get("teams?archived=false").json().get("total").asLong()).isZero();
		assertThat(company.api().get(path + "/history").json()).extracting((entry) -> entry.get("action").asString())
			.containsExactly("provisioned", "archived");
		assertThat(company.scim().post("/Groups", "{\"displayName\": \"Temp\"}").status()).isEqualTo(201);
	}

	@Test
	void groupPatchRecordsMembershipHistory() {
		TestCompany company = newCompany();
		String user = createUser(company.scim(), "{\"userName\": \"h@x.test\"}");
		String group = company.scim().post("/Groups", "{\"displayName\": \"Hist\"}").json().get("id").asString();

		company.scim()
			.patch("/Groups/" + group,
					"{\"Operations\": [{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"value\": \"" + user
							+ "\"}]}]}");
		company.scim()
			.patch("/Groups/" + group,
					"{\"Operations\": [{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"value\": \"" + user
							+ "\"}]}]}");
		JsonNode team = team(company.api(), "Hist");
		JsonNode colleague = ColleagueRulesTests.colleague(company.api(), "h@x.test");
		JsonNode teamHistory = company.api().get("teams/" + team.get("id").asString() + "/history").json();

		assertThat(teamHistory).extracting((entry) -> entry.get("action").asString())
			.containsExactly("provisioned", "members_changed");
		assertThat(teamHistory.get(1).get("changes").get(0).get("newValue").asString())
			.isEqualTo(colleague.get("id").asString());
		assertThat(company.api().get("colleagues/" + colleague.get("id").asString() + "/history").json())
			.extracting((entry) -> entry.get("action").asString())
			.containsExactly("provisioned", "joined_team");
		assertThat(colleague.get("teams")).extracting((t) -> t.get("name").asString()).containsExactly("Hist");
	}

	private static TestCompany newCompany() {
		return server.newCompany("Acme", Plan.ENTERPRISE, IdentityProvider.OKTA);
	}

	/** Returns the one team named {@code name}, in the product API. */
	static JsonNode team(ApiHttp api, String name) {
		JsonNode page = api.get("teams?q=" + name.replace(" ", "%20")).json();
		for (JsonNode item : page.get("items")) {
			if (item.get("name").asString().equals(name)) {
				return api.get("teams/" + item.get("id").asString()).json();
			}
		}
		throw new AssertionError("No team " + name + " in " + page);
	}

}
