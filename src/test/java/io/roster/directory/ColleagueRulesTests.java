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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules for colleagues, through the SCIM API and the product API: labels, roles,
 * read-only provisioned fields, deprovisioning, rehire, matching and userName changes.
 * Each forbidden change is rejected with its documented error and changes nothing.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ColleagueRulesTests {

	static final String ROSTER = "urn:ietf:params:scim:schemas:extension:roster:2.0:User";

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
	void provisionedUserIsScimManagedColleagueWithDefaultRole() {
		TestCompany company = newCompany();

		String scimId = createUser(company.scim(), """
				{"userName": "ann@x.test", "title": "Engineer", "name": {"givenName": "Ann", "familyName": "Lee"},
				 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "R&D"}}""");
		JsonNode colleague = colleague(company.api(), "ann@x.test");

		assertThat(colleague.get("managedBy").asString()).isEqualTo("scim");
		assertThat(colleague.get("identityProvider").asString()).isEqualTo("Okta");
		assertThat(colleague.get("scimId").asString()).isEqualTo(scimId);
		assertThat(colleague.get("role").asString()).isEqualTo("light");
		assertThat(colleague.get("title").asString()).isEqualTo("Engineer");
		assertThat(colleague.get("department").asString()).isEqualTo("R&D");
		assertThat(company.scim().get("/Users/" + scimId).json().get(ROSTER).get("role").asString()).isEqualTo("light");
	}

	@Test
	void companyDefaultRoleAppliesToNewColleagues() {
		TestCompany company = newCompany();

		ApiHttp.Response settings = company.api().patch("settings", "{\"defaultRole\": \"Member\"}");
		createUser(company.scim(), "{\"userName\": \"bo@x.test\"}");

		assertThat(settings.status()).isEqualTo(200);
		assertThat(settings.json().get("defaultRole").asString()).isEqualTo("member");
		assertThat(colleague(company.api(), "bo@x.test").get("role").asString()).isEqualTo("member");
	}

	@Test
	void unknownDefaultRoleIsRejectedAndKeepsSetting() {
		TestCompany company = newCompany();

		ApiHttp.Response response = company.api().patch("settings", "{\"defaultRole\": \"owner\"}");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("detail").asString()).contains("owner").contains("admin, member, light");
		assertThat(company.api().get("settings").json().get("defaultRole").asString()).isEqualTo("light");
	}

	@Test
	void primaryRoleWinsAndSingleRoleCounts() {
		TestCompany company = newCompany();

		createUser(company.scim(), """
				{"userName": "p@x.test", "roles": [{"value": "light"}, {"value": "ADMIN", "primary": true}]}""");
		createUser(company.scim(), "{\"userName\": \"s@x.test\", \"roles\": [{\"value\": \"Member\"}]}");

		assertThat(colleague(company.api(), "p@x.test").get("role").asString()).isEqualTo("admin");
		assertThat(colleague(company.api(), "s@x.test").get("role").asString()).isEqualTo("member");
	}

	@Test
	void rosterExtensionRoleWinsOverRoles() {
		TestCompany company = newCompany();

		String id = createUser(company.scim(), """
				{"userName": "e@x.test", "roles": [{"value": "light"}],
				 "urn:ietf:params:scim:schemas:extension:roster:2.0:User": {"role": "Admin"}}""");

		assertThat(company.scim().get("/Users/" + id).json().get(ROSTER).get("role").asString()).isEqualTo("admin");
	}

	@Test
	void patchChangesRoleThroughExtensionOrRoles() {
		TestCompany company = newCompany();
		String id = createUser(company.scim(), "{\"userName\": \"r@x.test\"}");

		ScimHttp.Response byExtension = company.scim().patch("/Users/" + id, """
				{"Operations": [{"op": "replace",
				  "path": "urn:ietf:params:scim:schemas:extension:roster:2.0:User:role", "value": "member"}]}""");
		String afterExtension = colleague(company.api(), "r@x.test").get("role").asString();
		ScimHttp.Response byRoles = company.scim().patch("/Users/" + id, """
				{"Operations": [{"op": "add", "path": "roles", "value": [{"value": "admin", "primary": true}]}]}""");

		assertThat(byExtension.status()).isEqualTo(200);
		assertThat(afterExtension).isEqualTo("member");
		assertThat(byRoles.status()).isEqualTo(200);
		assertThat(byRoles.json().get(ROSTER).get("role").asString()).isEqualTo("admin");
	}

	@Test
	void unknownRoleIsInvalidValue() {
		TestCompany company = newCompany();
		String id = createUser(company.scim(), "{\"userName\": \"u@x.test\", \"title\": \"Before\"}");

		ScimHttp.Response post = company.scim().post("/Users", """
				{"userName": "new@x.test", "roles": [{"value": "owner"}]}""");
		ScimHttp.Response patch = company.scim().patch("/Users/" + id, """
				{"Operations": [{"op": "replace", "path": "title", "value": "After"},
				  {"op": "replace", "path": "urn:ietf:params:scim:schemas:extension:roster:2.0:User:role",
				   "value": "superuser"}]}""");

		assertThat(post.status()).isEqualTo(400);
		assertThat(post.json().get("scimType").asString()).isEqualTo("invalidValue");
		assertThat(post.json().get("detail").asString()).contains("owner").contains("admin, member, light");
		assertThat(patch.status()).isEqualTo(400);
		assertThat(patch.json().get("scimType").asString()).isEqualTo("invalidValue");
		assertThat(patch.json().get("detail").asString()).contains("superuser").contains("admin, member, light");
		assertThat(company.api().get("colleagues?q=new@x.test").json().get("total").asLong()).isZero();
		JsonNode unchanged = colleague(company.api(), "u@x.test");
		assertThat(unchanged.get("title").asString()).isEqualTo("Before");
		assertThat(unchanged.get("version").asLong()).isEqualTo(1);
	}

	@Test
	void severalRolesWithoutPrimaryAreInvalidValue() {
		TestCompany company = newCompany();

		ScimHttp.Response post = company.scim().post("/Users", """
				{"userName": "two@x.test", "roles": [{"value": "admin"}, {"value": "member"}]}""");

		assertThat(post.status()).isEqualTo(400);
		assertThat(post.json().get("scimType").asString()).isEqualTo("invalidValue");
		assertThat(post.json().get("detail").asString()).contains("primary");
	}

	@Test
	void provisionedFieldEditIsConflict() {
		TestCompany company = newCompany();
		createUser(company.scim(), "{\"userName\": \"ro@x.test\", \"title\": \"Engineer\"}");
		JsonNode before = colleague(company.api(), "ro@x.test");
		String path = "colleagues/" + before.get("id").asString();

		for (String body : new String[] { "{\"title\": \"Manager\"}", "{\"email\": \"other@x.test\"}",
				"{\"role\": \"admin\"}", "{\"department\": \"Sales\"}", "{\"givenName\": \"Ro\"}",
				"{\"active\": false}" }) {
			ApiHttp.Response response = company.api().patch(path, body);
			String field = body.substring(2, body.indexOf('"', 2));

			assertThat(response.status()).as(body).isEqualTo(409);
			assertThat(response.header("Content-Type")).as(body).startsWith("application/problem+json");
			assertThat(response.json().get("field").asString()).as(body).isEqualTo(field);
			assertThat(response.json().get("detail").asString()).as(body).contains("'" + field + "'").contains("Okta");
		}
		JsonNode after = company.api().get(path).json();
		assertThat(after.get("version").asLong()).isEqualTo(before.get("version").asLong());
		assertThat(after.get("title").asString()).isEqualTo("Engineer");
		assertThat(company.api().get(path + "/history").json()).hasSize(1);
	}

	@Test
	void unchangedValuesEditChangesNothing() {
		TestCompany company = newCompany();
		createUser(company.scim(), "{\"userName\": \"same@x.test\", \"title\": \"Engineer\"}");
		String id = colleague(company.api(), "same@x.test").get("id").asString();

		ApiHttp.Response response = company.api()
			.patch("colleagues/" + id, "{\"title\": \"Engineer\", \"email\": \"same@x.test\"}");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("version").asLong()).isEqualTo(1);
	}

	@Test
	void productCannotDeactivateOrReactivateScimColleague() {
		TestCompany company = newCompany();
		String scimId = createUser(company.scim(), "{\"userName\": \"life@x.test\"}");
		String path = "colleagues/" + colleague(company.api(), "life@x.test").get("id").asString();

		ApiHttp.Response deactivate = company.api().post(path + "/deactivate", null);
		company.scim()
			.patch("/Users/" + scimId,
					"{\"Operations\": [{\"op\": \"replace\", \"path\": \"active\"," + " \"value\": false}]}");
		ApiHttp.Response reactivate = company.api().post(path + "/reactivate", null);

		assertThat(deactivate.status()).isEqualTo(409);
		assertThat(deactivate.json().get("field").asString()).isEqualTo("active");
		assertThat(deactivate.json().get("detail").asString()).contains("Okta");
		assertThat(reactivate.status()).isEqualTo(409);
		assertThat(company.api().get(path).json().get("active").asBoolean()).isFalse();
	}

	@Test
	void appColleagueLifecycleInProduct() {
		TestCompany company = newCompany();

		ApiHttp.Response created = company.api().post("colleagues", """
				{"email": "app@x.test", "givenName": "Ap", "familyName": "Pel", "title": "Designer"}""");
		String path = "colleagues/" + created.json().get("id").asString();
		ApiHttp.Response edited = company.api().patch(path, "{\"title\": \"Lead\", \"role\": \"MEMBER\"}");
		ApiHttp.Response deactivated = company.api().post(path + "/deactivate", null);
		ApiHttp.Response reactivated = company.api().post(path + "/reactivate", null);

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Location")).endsWith("/" + path);
		assertThat(created.json().get("managedBy").asString()).isEqualTo("app");
		assertThat(created.json().get("identityProvider").isNull()).isTrue();
		assertThat(created.json().get("displayName").asString()).isEqualTo("Ap Pel");
		assertThat(created.json().get("role").asString()).isEqualTo("light");
		assertThat(edited.json().get("title").asString()).isEqualTo("Lead");
		assertThat(edited.json().get("role").asString()).isEqualTo("member");
		assertThat(deactivated.json().get("active").asBoolean()).isFalse();
		assertThat(reactivated.json().get("active").asBoolean()).isTrue();
		JsonNode history = company.api().get(path + "/history").json();
		assertThat(history).extracting((entry) -> entry.get("action").asString())
			.containsExactly("created", "updated", "deactivated", "reactivated");
		assertThat(history.get(1).get("actor").get("type").asString()).isEqualTo("admin");
		assertThat(history.get(1).get("actor").get("name").asString()).isEqualTo(company.adminEmail());
		assertThat(history.get(1).get("changes")).extracting((change) -> change.get("field").asString())
			.containsExactly("title", "role");
		assertThat(history.get(1).get("changes").get(0).get("oldValue").asString()).isEqualTo("Designer");
		assertThat(history.get(1).get("changes").get(0).get("newValue").asString()).isEqualTo("Lead");
		assertThat(company.scim()
			.get("/Users?filter=userName%20eq%20%22app@x.test%22")
			.json()
			.get("totalResults")
			.asLong()).isZero();
	}

	@Test
	void staleIfMatchIsPreconditionFailed() {
		TestCompany company = newCompany();
		ApiHttp.Response created = company.api().post("colleagues", "{\"email\": \"v@x.test\", \"title\": \"A\"}");
		String path = "colleagues/" + created.json().get("id").asString();

		ApiHttp.Response current = company.api().patch(path, "{\"title\": \"B\"}", "If-Match", created.header("ETag"));
		ApiHttp.Response stale = company.api().patch(path, "{\"title\": \"C\"}", "If-Match", created.header("ETag"));

		assertThat(created.header("ETag")).isEqualTo("W/\"1\"");
		assertThat(current.status()).isEqualTo(200);
		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.json().get("field").asString()).isEqualTo("version");
		assertThat(company.api().get(path).json().get("title").asString()).isEqualTo("B");
	}

	@Test
	void appColleagueRejectsBadFields() {
		TestCompany company = newCompany();
		company.api().post("colleagues", "{\"email\": \"taken@x.test\"}");

		ApiHttp.Response taken = company.api().post("colleagues", "{\"email\": \"TAKEN@x.test\"}");
		ApiHttp.Response unknownField = company.api().post("colleagues", "{\"email\": \"n@x.test\", \"shoe\": \"9\"}");
		ApiHttp.Response unknownRole = company.api().post("colleagues", "{\"email\": \"n@x.test\", \"role\": \"x\"}");
		ApiHttp.Response noEmail = company.api().post("colleagues", "{\"title\": \"T\"}");

		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.json().get("field").asString()).isEqualTo("email");
		assertThat(unknownField.status()).isEqualTo(400);
		assertThat(unknownField.json().get("field").asString()).isEqualTo("shoe");
		assertThat(unknownRole.status()).isEqualTo(400);
		assertThat(unknownRole.json().get("detail").asString()).contains("admin, member, light");
		assertThat(noEmail.status()).isEqualTo(400);
		assertThat(company.api().get("colleagues").json().get("total").asLong()).isEqualTo(1);
	}

	@Test
	void deleteDeactivatesUnlinksAndRemovesFromTeams() {
		TestCompany company = newCompany();
		String scimId = createUser(company.scim(), "{\"userName\": \"gone@x.test\"}");
		company.scim().post("/Groups", "{\"displayName\": \"Ops\", \"members\": [{\"value\": \"" + scimId + "\"}]}");

		ScimHttp.Response delete = company.scim().delete("/Users/" + scimId);
		JsonNode colleague = colleague(company.api(), "gone@x.test");

		assertThat(delete.status()).isEqualTo(204);
		assertThat(company.scim().get("/Users/" + scimId).status()).isEqualTo(404);
		assertThat(colleague.get("active").asBoolean()).isFalse();
		assertThat(colleague.get("scimId").isNull()).isTrue();
		assertThat(colleague.get("managedBy").asString()).isEqualTo("scim");
		assertThat(colleague.get("teams")).isEmpty();
		JsonNode history = company.api().get("colleagues/" + colleague.get("id").asString() + "/history").json();
		assertThat(history.get(history.size() - 1).get("action").asString()).isEqualTo("deprovisioned");
	}

	@Test
	void postRehiresDeletedColleague() {
		TestCompany company = newCompany();
		String first = createUser(company.scim(), "{\"userName\": \"Hire@x.test\", \"externalId\": \"hr-1\"}");
		String id = colleague(company.api(), "hire@x.test").get("id").asString();
		company.scim().delete("/Users/" + first);

		String second = createUser(company.scim(), "{\"userName\": \"hire@X.TEST\", \"externalId\": \"hr-1\"}");
		company.scim().delete("/Users/" + second);
		String third = createUser(company.scim(), "{\"userName\": \"hire.again@x.test\", \"externalId\": \"hr-1\"}");

		JsonNode colleague = company.api().get("colleagues/" + id).json();
		assertThat(second).isNotEqualTo(first);
		assertThat(colleague.get("scimId").asString()).isEqualTo(third);
		assertThat(colleague.get("email").asString()).isEqualTo("hire.again@x.test");
		assertThat(colleague.get("active").asBoolean()).isTrue();
		assertThat(company.api().get("colleagues").json().get("total").asLong()).isEqualTo(1);
		assertThat(company.api().get("colleagues/" + id + "/history").json())
			.extracting((entry) -> entry.get("action").asString())
			.containsExactly("provisioned", "deprovisioned", "rehired", "deprovisioned", "rehired");
	}

	@Test
	void userNameMatchWinsOverExternalId() {
		TestCompany company = newCompany();
		String leaver = createUser(company.scim(), "{\"userName\": \"leaver@x.test\", \"externalId\": \"hr-2\"}");
		company.scim().delete("/Users/" + leaver);
		String appId = company.api().post("colleagues", "{\"email\": \"Staff@x.test\"}").json().get("id").asString();

		String scimId = createUser(company.scim(), "{\"userName\": \"staff@x.test\", \"externalId\": \"hr-2\"}");

		assertThat(company.api().get("colleagues/" + appId).json().get("scimId").asString()).isEqualTo(scimId);
		assertThat(colleague(company.api(), "leaver@x.test").get("scimId").isNull()).isTrue();
		assertThat(company.api().get("colleagues").json().get("total").asLong()).isEqualTo(2);
	}

	@Test
	void userNameOfLinkedColleagueIsUniqueness() {
		TestCompany company = newCompany();
		createUser(company.scim(), "{\"userName\": \"dup@x.test\"}");

		ScimHttp.Response again = company.scim().post("/Users", "{\"userName\": \"DUP@x.test\"}");

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("scimType").asString()).isEqualTo("uniqueness");
	}

	@Test
	void autoPolicyLinksAppColleague() {
		TestCompany company = newCompany();
		String id = company.api()
			.post("colleagues", "{\"email\": \"Match@x.test\", \"role\": \"admin\"}")
			.json()
			.get("id")
			.asString();

		String scimId = createUser(company.scim(), "{\"userName\": \"match@x.test\", \"title\": \"Linked\"}");
		JsonNode colleague = company.api().get("colleagues/" + id).json();

		assertThat(colleague.get("scimId").asString()).isEqualTo(scimId);
		assertThat(colleague.get("managedBy").asString()).isEqualTo("scim");
		assertThat(colleague.get("title").asString()).isEqualTo("Linked");
		assertThat(colleague.get("role").asString()).isEqualTo("admin");
		assertThat(company.api().patch("colleagues/" + id, "{\"title\": \"Mine\"}").status()).isEqualTo(409);
	}

	@Test
	void neverPolicyRejectsMatchingUserName() {
		TestCompany company = newCompany();
		company.api().patch("settings", "{\"matchingPolicy\": \"never\"}");
		String id = company.api().post("colleagues", "{\"email\": \"keep@x.test\"}").json().get("id").asString();

		ScimHttp.Response post = company.scim().post("/Users", "{\"userName\": \"KEEP@x.test\", \"title\": \"X\"}");
		JsonNode colleague = company.api().get("colleagues/" + id).json();

		assertThat(post.status()).isEqualTo(409);
		assertThat(post.json().get("scimType").asString()).isEqualTo("uniqueness");
		assertThat(post.json().get("detail").asString()).contains("never");
		assertThat(colleague.get("managedBy").asString()).isEqualTo("app");
		assertThat(colleague.get("scimId").isNull()).isTrue();
		assertThat(colleague.get("version").asLong()).isEqualTo(1);
	}

	@Test
	void userNameChangeChangesEmailAndKeepsOldOneInHistory() {
		TestCompany company = newCompany();
		String scimId = createUser(company.scim(), "{\"userName\": \"old@x.test\"}");

		company.scim()
			.patch("/Users/" + scimId,
					"{\"Operations\": [{\"op\": \"replace\", \"path\": \"userName\", \"value\": \"new@x.test\"}]}");
		JsonNode colleague = colleague(company.api(), "new@x.test");
		JsonNode history = company.api().get("colleagues/" + colleague.get("id").asString() + "/history").json();

		JsonNode change = history.get(1).get("changes").get(0);
		assertThat(history.get(1).get("actor").get("type").asString()).isEqualTo("scim");
		assertThat(history.get(1).get("actor").get("name").asString()).isEqualTo("Okta");
		assertThat(change.get("field").asString()).isEqualTo("email");
		assertThat(change.get("oldValue").asString()).isEqualTo("old@x.test");
		assertThat(change.get("newValue").asString()).isEqualTo("new@x.test");
	}

	@Test
	void searchFindsColleaguesByNameAndLabel() {
		TestCompany company = newCompany();
		createUser(company.scim(), "{\"userName\": \"s1@x.test\", \"name\": {\"givenName\": \"Zelda\"}}");
		company.api().post("colleagues", "{\"email\": \"s2@x.test\", \"givenName\": \"Zeno\"}");

		JsonNode byName = company.api().get("colleagues?q=ZE").json();
		JsonNode scimOnly = company.api().get("colleagues?managedBy=scim").json();
		JsonNode appOnly = company.api().get("colleagues?managedBy=app&q=ze").json();

		assertThat(byName.get("total").asLong()).isEqualTo(2);
		assertThat(scimOnly.get("items")).extracting((c) -> c.get("email").asString()).containsExactly("s1@x.test");
		assertThat(appOnly.get("items")).extracting((c) -> c.get("email").asString()).containsExactly("s2@x.test");
	}

	private static TestCompany newCompany() {
		return server.newCompany("Acme", Plan.ENTERPRISE, IdentityProvider.OKTA);
	}

	static String createUser(ScimHttp scim, String body) {
		ScimHttp.Response response = scim.post("/Users", body);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	/** Returns the one colleague whose email is {@code email}, in the product API. */
	static JsonNode colleague(ApiHttp api, String email) {
		JsonNode page = api.get("colleagues?q=" + email).json();
		for (JsonNode item : page.get("items")) {
			if (item.get("email").asString().equalsIgnoreCase(email)) {
				return api.get("colleagues/" + item.get("id").asString()).json();
			}
		}
		throw new AssertionError("No colleague " + email + " in " + page);
	}

}
