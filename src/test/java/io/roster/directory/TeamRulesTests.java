package io.roster.directory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

	@Test
	void largeTeamPatchRecordsOnlyNamedMembers() {
		TestCompany company = newCompany();
		List<String> users = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			users.add(createUser(company.scim(), "{\"userName\": \"large." + i + "@x.test\"}"));
		}
		String group = company.scim()
			.post("/Groups", "{\"displayName\": \"Large\", \"members\": " + members(users.subList(0, 50)) + "}")
			.json()
			.get("id")
			.asString();

		// Users 0 and 1 are members already, and 50 and 51 are not. User 2 is a member
		// that leaves, and 52 is no member.
		ScimHttp.Response patched = company.scim()
			.patch("/Groups/" + group,
					"{\"Operations\": [{\"op\": \"add\", \"path\": \"members\", \"value\": "
							+ members(List.of(users.get(0), users.get(50), users.get(1), users.get(51)))
							+ "}, {\"op\": \"remove\", \"path\": \"members\", \"value\": "
							+ members(List.of(users.get(2), users.get(52))) + "}]}");
		JsonNode team = team(company.api(), "Large");
		JsonNode history = company.api().get("teams/" + team.get("id").asString() + "/history").json();
		JsonNode lastEntry = history.get(history.size() - 1);

		assertThat(patched.status()).isEqualTo(204);
		assertThat(team.get("members")).hasSize(51);
		assertThat(lastEntry.get("action").asString()).isEqualTo("members_changed");
		assertThat(lastEntry.get("changes")).extracting((change) -> change.get("oldValue").asString(null))
			.containsExactlyInAnyOrder(null, null, colleagueId(company, 2));
		assertThat(lastEntry.get("changes")).extracting((change) -> change.get("newValue").asString(null))
			.containsExactlyInAnyOrder(colleagueId(company, 50), colleagueId(company, 51), null);
		assertThat(colleagueActions(company, 0)).containsExactly("provisioned", "joined_team");
		assertThat(colleagueActions(company, 2)).containsExactly("provisioned", "joined_team", "left_team");
		assertThat(colleagueActions(company, 50)).containsExactly("provisioned", "joined_team");
		assertThat(colleagueActions(company, 52)).containsExactly("provisioned");
	}

	@Test
	void memberPatchRecordsJoinsInRequestOrder() {
		TestCompany company = newCompany();
		List<String> users = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			users.add(createUser(company.scim(), "{\"userName\": \"large." + i + "@x.test\"}"));
		}
		String group = company.scim().post("/Groups", "{\"displayName\": \"Ordered\"}").json().get("id").asString();
		List<Integer> order = List.of(5, 0, 7, 2, 6, 1, 4, 3);

		ScimHttp.Response patched = company.scim()
			.patch("/Groups/" + group, "{\"Operations\": [{\"op\": \"add\", \"path\": \"members\", \"value\": "
					+ members(order.stream().map(users::get).toList()) + "}]}");
		JsonNode team = team(company.api(), "Ordered");
		JsonNode history = company.api().get("teams/" + team.get("id").asString() + "/history").json();
		JsonNode lastEntry = history.get(history.size() - 1);

		// The H2 path records the joins in the order of the request, and PostgreSQL does
		// the same although it inserts the rows in colleague id order.
		assertThat(patched.status()).isEqualTo(204);
		assertThat(lastEntry.get("changes")).extracting((change) -> change.get("newValue").asString(null))
			.containsExactlyElementsOf(order.stream().map((user) -> colleagueId(company, user)).toList());
	}

	@Test
	void patchWaitsForMemberDeprovisioning() throws Exception {
		// PostgreSQL keeps the colleagues a PATCH adds linked until it commits. H2 has no
		// row lock for that.
		assumeTrue(this.database == TestDatabase.POSTGRESQL);
		TestCompany company = newCompany();
		String user = createUser(company.scim(), "{\"userName\": \"leaving@x.test\"}");
		String group = company.scim().post("/Groups", "{\"displayName\": \"Racing\"}").json().get("id").asString();
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try (Connection deprovisioning = server.bean(DataSource.class).getConnection()) {
			deprovisioning.setAutoCommit(false);
			try (PreparedStatement unlink = deprovisioning
				.prepareStatement("UPDATE colleague SET link_id = NULL WHERE company_id = ? AND link_id = ?")) {
				unlink.setObject(1, company.id());
				unlink.setString(2, user);
				assertThat(unlink.executeUpdate()).isEqualTo(1);
			}
			Future<ScimHttp.Response> patch = executor.submit(() -> company.scim()
				.patch("/Groups/" + group, "{\"Operations\": [{\"op\": \"add\", \"path\": \"members\", \"value\": "
						+ members(List.of(user)) + "}]}"));
			Thread.sleep(500);
			assertThat(patch.isDone()).isFalse();
			deprovisioning.commit();

			ScimHttp.Response patched = patch.get(10, TimeUnit.SECONDS);

			assertThat(patched.status()).isEqualTo(400);
			assertThat(patched.json().get("detail").asString()).contains(user);
			assertThat(team(company.api(), "Racing").get("members")).isEmpty();
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static String members(List<String> ids) {
		return ids.stream().map((id) -> "{\"value\": \"" + id + "\"}").collect(Collectors.joining(", ", "[", "]"));
	}

	private static String colleagueId(TestCompany company, int user) {
		return ColleagueRulesTests.colleague(company.api(), "large." + user + "@x.test").get("id").asString();
	}

	private static List<String> colleagueActions(TestCompany company, int user) {
		List<String> actions = new ArrayList<>();
		company.api()
			.get("colleagues/" + colleagueId(company, user) + "/history")
			.json()
			.forEach((entry) -> actions.add(entry.get("action").asString()));
		return actions;
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
