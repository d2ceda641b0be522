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
 * A colleague's whole life through SCIM, as the product API shows it afterwards:
 * provision, change of role and title, deactivation, reactivation, deletion and rehire
 * with the same email.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ColleagueLifecycleTests {

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
	void productApiTellsWholeLifeOfColleague() {
		TestCompany company = server.newCompany("Acme", Plan.ENTERPRISE, IdentityProvider.ENTRA);
		ScimHttp scim = company.scim();
		ApiHttp api = company.api();

		String firstScimId = created(scim.post("/Users", """
				{"userName": "ann@acme.test", "title": "Engineer", "name": {"givenName": "Ann", "familyName": "Lee"},
				 "roles": [{"value": "member", "primary": true}]}"""));
		String group = created(scim.post("/Groups",
				"{\"displayName\": \"Engineering\", \"members\": [{\"value\": \"" + firstScimId + "\"}]}"));
		String id = ColleagueRulesTests.colleague(api, "ann@acme.test").get("id").asString();
		patch(scim, firstScimId, """
				{"op": "replace", "path": "title", "value": "Staff Engineer"},
				{"op": "replace", "path": "urn:ietf:params:scim:schemas:extension:roster:2.0:User:role",
				 "value": "admin"}""");
		patch(scim, firstScimId, "{\"op\": \"replace\", \"path\": \"active\", \"value\": false}");
		JsonNode whileInactive = api.get("colleagues/" + id).json();
		patch(scim, firstScimId, "{\"op\": \"replace\", \"path\": \"active\", \"value\": true}");
		assertThat(scim.delete("/Users/" + firstScimId).status()).isEqualTo(204);
		JsonNode afterDelete = api.get("colleagues/" + id).json();
		String secondScimId = created(scim.post("/Users", """
				{"userName": "Ann@Acme.test", "title": "Principal Engineer",
				 "name": {"givenName": "Ann", "familyName": "Lee"}}"""));
		ScimHttp.Response rejoin = scim.patch("/Groups/" + group, "{\"Operations\": [{\"op\": \"add\", \"path\":"
				+ " \"members\", \"value\": [{\"value\": \"" + secondScimId + "\"}]}]}");

		JsonNode colleague = api.get("colleagues/" + id).json();
		JsonNode history = api.get("colleagues/" + id + "/history").json();
		assertThat(whileInactive.get("active").asBoolean()).isFalse();
		assertThat(whileInactive.get("role").asString()).isEqualTo("admin");
		assertThat(afterDelete.get("active").asBoolean()).isFalse();
		assertThat(afterDelete.get("scimId").isNull()).isTrue();
		assertThat(afterDelete.get("teams")).isEmpty();
		assertThat(rejoin.status()).isEqualTo(204);
		assertThat(secondScimId).isNotEqualTo(firstScimId);
		assertThat(colleague.get("id").asString()).isEqualTo(id);
		assertThat(colleague.get("scimId").asString()).isEqualTo(secondScimId);
		assertThat(colleague.get("email").asString()).isEqualTo("Ann@Acme.test");
		assertThat(colleague.get("active").asBoolean()).isTrue();
		assertThat(colleague.get("title").asString()).isEqualTo("Principal Engineer");
		assertThat(colleague.get("role").asString()).isEqualTo("light");
		assertThat(colleague.get("identityProvider").asString()).isEqualTo("Microsoft Entra ID");
		assertThat(colleague.get("teams")).extracting((team) -> team.get("name").asString())
			.containsExactly("Engineering");
		assertThat(api.get("colleagues").json().get("total").asLong()).isEqualTo(1);
		assertThat(history).extracting((entry) -> entry.get("action").asString())
			.containsExactly("provisioned", "joined_team", "updated", "deactivated", "reactivated", "deprovisioned",
					"rehired", "joined_team");
		assertThat(history).allSatisfy((entry) -> {
			assertThat(entry.get("actor").get("type").asString()).isEqualTo("scim");
			assertThat(entry.get("actor").get("id").asString()).isEqualTo(company.connectionId().toString());
			assertThat(entry.get("actor").get("name").asString()).isEqualTo("Microsoft Entra ID");
		});
		assertThat(changes(history.get(2))).containsExactly("title: Engineer -> Staff Engineer",
				"role: member -> admin");
		assertThat(changes(history.get(3))).containsExactly("active: true -> false");
		assertThat(changes(history.get(5))).contains("active: true -> false", "scimId: " + firstScimId + " -> null",
				"team: " + colleague.get("teams").get(0).get("id").asString() + " -> null");
		assertThat(changes(history.get(6))).contains("email: ann@acme.test -> Ann@Acme.test", "active: false -> true",
				"scimId: null -> " + secondScimId, "role: admin -> light");
		JsonNode teamHistory = api.get("teams/" + colleague.get("teams").get(0).get("id").asString() + "/history")
			.json();
		assertThat(teamHistory).extracting((entry) -> entry.get("action").asString())
			.containsExactly("provisioned", "members_changed", "members_changed");
		assertThat(changes(teamHistory.get(1))).containsExactly("member: " + id + " -> null");
		assertThat(changes(teamHistory.get(2))).containsExactly("member: null -> " + id);
	}

	private static String created(ScimHttp.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	private static void patch(ScimHttp scim, String id, String operations) {
		ScimHttp.Response response = scim.patch("/Users/" + id, "{\"Operations\": [" + operations + "]}");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	private static List<String> changes(JsonNode entry) {
		return entry.get("changes")
			.valueStream()
			.map((change) -> change.get("field").asString() + ": " + text(change.get("oldValue")) + " -> "
					+ text(change.get("newValue")))
			.toList();
	}

	private static String text(JsonNode value) {
		return (value == null || value.isNull()) ? "null" : value.asString();
	}

}
