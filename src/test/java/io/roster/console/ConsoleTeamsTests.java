package io.roster.console;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import io.roster.support.ConsoleHttp;
import io.roster.support.RosterServer;
import io.roster.support.ScimHttp;
import io.roster.support.TestCompany;
import io.roster.support.TestDatabase;
import io.roster.tenant.IdentityProvider;
import io.roster.tenant.Plan;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Company > Teams over HTTP: creating, renaming and archiving app-managed teams, changing
 * their members, and the locks on a SCIM-managed team.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ConsoleTeamsTests {

	private static RosterServer server;

	private static TestCompany company;

	private static ConsoleHttp http;

	private static String scimGroupId;

	@Parameter
	TestDatabase database;

	@BeforeParameterizedClassInvocation
	static void start(TestDatabase database) {
		server = RosterServer.start(database);
		company = server.newCompany("Acme", Plan.ENTERPRISE, IdentityProvider.ENTRA);
		ScimHttp.Response group = company.scim().post("/Groups", """
				{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "Entra Admins"}""");
		assertThat(group.status()).isEqualTo(201);
		scimGroupId = group.json().get("id").asString();
		company.api().post("colleagues", "{\"email\": \"member@acme.test\", \"givenName\": \"Mia\"}");
		http = new ConsoleHttp(server.baseUrl());
		http.signIn("/console/sign-in", company.adminEmail(), company.adminPassword());
	}

	@AfterParameterizedClassInvocation
	static void stop() {
		server.close();
	}

	@Test
	void adminCreatesRenamesAndArchivesTeam() {
		http.get("/console/teams");
		HttpResponse<String> created = http.post("/console/teams", "name", "Launch crew");
		assertThat(created.statusCode()).isEqualTo(302);
		String path = created.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
		String teamId = path.substring(path.lastIndexOf('/') + 1);
		assertThat(http.get(path).body()).contains("Created the team Launch crew.").contains("App-managed");

		assertThat(http.post(path + "/rename", "name", "Rocket crew").statusCode()).isEqualTo(302);
		assertThat(http.get(path).body()).contains("Renamed the team to Rocket crew.");
		assertThat(http.post(path + "/archive").statusCode()).isEqualTo(302);

		JsonNode team = company.api().get("teams/" + teamId).json();
		assertThat(team.get("name").asString()).isEqualTo("Rocket crew");
		assertThat(team.get("archived").asBoolean()).isTrue();
		HttpResponse<String> renameArchived = http.post(path + "/rename", "name", "Ghost crew");
		assertThat(renameArchived.statusCode()).isEqualTo(409);
		assertThat(renameArchived.body()).contains("is archived and cannot change");
	}

	@Test
	void takenNameIsRejected() {
		http.get("/console/teams");
		http.post("/console/teams", "name", "Unique name");
		http.get("/console/teams");

		HttpResponse<String> again = http.post("/console/teams", "name", "unique NAME");

		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).contains("name unique NAME is already taken by another active team");
	}

	@Test
	void adminAddsAndRemovesMembers() {
		http.get("/console/teams");
		String path = http.post("/console/teams", "name", "Members team")
			.headers()
			.firstValue("Location")
			.orElseThrow()
			.replaceFirst("^https?://[^/]+", "");
		String teamId = path.substring(path.lastIndexOf('/') + 1);
		http.get(path);

		assertThat(http.post(path + "/members", "email", "MEMBER@acme.test").statusCode()).isEqualTo(302);
		String page = http.get(path).body();
		assertThat(page).contains("Added member@acme.test to the team.").contains("1 member");
		JsonNode members = company.api().get("teams/" + teamId).json().get("members");
		assertThat(members).hasSize(1);
		String colleagueId = members.get(0).get("id").asString();
		assertThat(http.get("/console/colleagues?team=" + teamId).body()).contains("member@acme.test")
			.contains("1 colleague matches");

		assertThat(http.post(path + "/members/" + colleagueId + "/remove").statusCode()).isEqualTo(302);
		assertThat(company.api().get("teams/" + teamId).json().get("members")).isEmpty();
		HttpResponse<String> unknown = http.post(path + "/members", "email", "nobody@acme.test");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(unknown.body()).contains("No colleague of this company has the email &#39;nobody@acme.test&#39;");
	}

	@Test
	void scimTeamIsLocked() {
		String teamId = company.api().get("teams?q=Entra%20Admins").json().get("items").get(0).get("id").asString();
		String path = "/console/teams/" + teamId;

		String page = http.get(path).body();
		HttpResponse<String> rename = http.post(path + "/rename", "name", "Renamed");

		assertThat(page).contains("SCIM · Microsoft Entra ID").contains("Managed in Microsoft Entra ID");
		assertThat(page).contains("disabled").doesNotContain(">Rename</button>").doesNotContain(">Add member</button>");
		assertThat(rename.statusCode()).isEqualTo(409);
		assertThat(rename.body()).contains("is managed by Microsoft Entra ID through SCIM and is read-only here");
		assertThat(company.scim().get("/Groups/" + scimGroupId).json().get("displayName").asString())
			.isEqualTo("Entra Admins");
	}

}
