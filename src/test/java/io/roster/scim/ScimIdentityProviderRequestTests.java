package io.roster.scim;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.roster.support.RosterServer;
import io.roster.support.ScimHttp;
import io.roster.support.TestDatabase;

import tools.jackson.databind.JsonNode;

import static io.roster.scim.ScimAssertions.assertScimJson;
import static io.roster.scim.ScimFixtures.ENTERPRISE_SCHEMA;
import static io.roster.scim.ScimFixtures.USER_SCHEMA;
import static io.roster.scim.ScimFixtures.createGroup;
import static io.roster.scim.ScimFixtures.createUser;
import static io.roster.scim.ScimFixtures.patchBody;
import static io.roster.scim.ScimFixtures.read;
import static io.roster.scim.ScimFixtures.userBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests in the shapes that identity providers such as Microsoft Entra ID send, over
 * HTTP: JSON media types with and without a charset, case-insensitive lookups, Entra's
 * PATCH habits, URN-qualified paths, membership changes, deprovisioning and rehire.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ScimIdentityProviderRequestTests {

	private static RosterServer server;

	private static ScimHttp scim;

	@Parameter
	TestDatabase database;

	@BeforeParameterizedClassInvocation
	static void startServer(TestDatabase database) {
		server = RosterServer.start(database);
		scim = new ScimHttp(server.scimUrl(), server.demoToken());
	}

	@AfterParameterizedClassInvocation
	static void stopServer() {
		server.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/scim+json", "application/scim+json; charset=utf-8", "application/json",
			"application/json; charset=UTF-8" })
	void createAcceptsJsonMediaTypes(String contentType) {
		String userName = "media." + contentType.replaceAll("[^a-zA-Z0-9]+", "-") + "@example.com";

		ScimHttp.Response response = scim.post("/Users", userBody(userName), "Content-Type", contentType);

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertScimJson(response);
		assertThat(response.json().path("userName").asString()).isEqualTo(userName);
		JsonNode stored = scim.get("/Users/" + response.json().path("id").asString()).json();
		assertThat(stored).isEqualTo(response.json());
		assertThat(stored.path("name").path("givenName").asString()).isEqualTo("Given");
		assertThat(stored.path("emails").path(0).path("value").asString()).isEqualTo(userName.toLowerCase());
	}

	@Test
	void getWithoutContentTypeReturnsScimJson() {
		String id = createUser(scim, "plain.get@example.com").path("id").asString();

		ScimHttp.Response response = scim.get("/Users/" + id);

		assertThat(response.status()).isEqualTo(200);
		assertScimJson(response);
		assertThat(response.json().path("id").asString()).isEqualTo(id);
	}

	@Test
	void deleteWithoutContentTypeReturnsNoContent() {
		String id = createUser(scim, "plain.delete@example.com").path("id").asString();

		ScimHttp.Response response = scim.delete("/Users/" + id);

		assertThat(response.status()).isEqualTo(204);
		assertThat(response.body()).isEmpty();
		assertThat(scim.get("/Users/" + id).status()).isEqualTo(404);
	}

	@Test
	void createReturnsLocationOfMetaLocation() {
		ScimHttp.Response response = scim.post("/Users", userBody("located@example.com"));

		assertThat(response.status()).isEqualTo(201);
		JsonNode created = response.json();
		String location = created.path("meta").path("location").asString();
		assertThat(response.header("Location")).isEqualTo(location);
		assertThat(location).isEqualTo(server.scimUrl() + "/Users/" + created.path("id").asString());
		assertThat(response.header("ETag")).isEqualTo(created.path("meta").path("version").asString());
	}

	@Test
	void createReturnsUserNameExactlyAsSent() {
		ScimHttp.Response response = scim.post("/Users", userBody("Exact.Case@Example.COM"));

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().path("userName").asString()).isEqualTo("Exact.Case@Example.COM");
		String id = response.json().path("id").asString();
		assertThat(scim.get("/Users/" + id).json().path("userName").asString()).isEqualTo("Exact.Case@Example.COM");
	}

	@Test
	void userNameFilterIgnoresCase() {
		String id = createUser(scim, "Alice.Smith@Example.com").path("id").asString();

		JsonNode list = list("/Users", "userName eq \"alice.smith@example.com\"");

		assertThat(list.path("totalResults").asInt()).isEqualTo(1);
		assertThat(list.path("Resources").path(0).path("id").asString()).isEqualTo(id);
		assertThat(list.path("Resources").path(0).path("userName").asString()).isEqualTo("Alice.Smith@Example.com");
	}

	@Test
	void filterNamesAndOperatorsIgnoreCase() {
		String id = createUser(scim, "Mixed.Case@Example.com").path("id").asString();

		JsonNode list = list("/Users", "UserName Eq \"MIXED.case@example.com\"");

		assertThat(list.path("totalResults").asInt()).isEqualTo(1);
		assertThat(list.path("Resources").path(0).path("id").asString()).isEqualTo(id);
	}

	@Test
	void filterWithoutMatchReturnsEmptyList() {
		ScimHttp.Response response = scim
			.get("/Users?filter=" + URLEncoder.encode("userName eq \"nobody@example.com\"", StandardCharsets.UTF_8));

		assertThat(response.status()).isEqualTo(200);
		assertScimJson(response);
		JsonNode list = response.json();
		assertThat(list.path("schemas").path(0).asString())
			.isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
		assertThat(list.path("totalResults").asInt()).isZero();
		assertThat(list.path("itemsPerPage").asInt()).isZero();
		assertThat(list.path("startIndex").asInt()).isEqualTo(1);
		assertThat(list.path("Resources").isArray()).isTrue();
		assertThat(list.path("Resources").size()).isZero();
	}

	@Test
	void entraStylePatchDeactivatesUser() {
		String path = "/Users/" + createUser(scim, "entra.leaver@example.com").path("id").asString();

		ScimHttp.Response response = scim.patch(path,
				patchBody("{\"op\": \"Replace\", \"path\": \"active\", \"value\": \"False\"}",
						"{\"op\": \"Add\", \"path\": \"title\", \"value\": \"Former Engineer\"}"));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode user = scim.get(path).json();
		assertThat(user.path("active").isBoolean()).isTrue();
		assertThat(user.path("active").booleanValue()).isFalse();
		assertThat(user.path("title").asString()).isEqualTo("Former Engineer");
	}

	@Test
	void pathlessReplaceAcceptsDottedAndUrnKeys() {
		String path = "/Users/" + createUser(scim, "dotted.keys@example.com").path("id").asString();

		ScimHttp.Response response = scim.patch(path, patchBody("""
				{"op": "Replace", "value": {
				  "name.givenName": "Ann",
				  "name.familyName": "Lee",
				  "displayName": "Ann Lee",
				  "%s:title": "Lead",
				  "%s:department": "Sales"
				}}""".formatted(USER_SCHEMA, ENTERPRISE_SCHEMA)));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode user = scim.get(path).json();
		assertThat(user.path("name").path("givenName").asString()).isEqualTo("Ann");
		assertThat(user.path("name").path("familyName").asString()).isEqualTo("Lee");
		assertThat(user.path("displayName").asString()).isEqualTo("Ann Lee");
		assertThat(user.path("title").asString()).isEqualTo("Lead");
		assertThat(user.path(ENTERPRISE_SCHEMA).path("department").asString()).isEqualTo("Sales");
		assertThat(user.path("emails").path(0).path("value").asString()).isEqualTo("dotted.keys@example.com");
	}

	@Test
	void patchPathQualifiedByUserSchemaUpdatesAttribute() {
		String path = "/Users/" + createUser(scim, "qualified.path@example.com").path("id").asString();

		ScimHttp.Response response = scim.patch(path, patchBody(
				"{\"op\": \"replace\", \"path\": \"" + USER_SCHEMA + ":title\", \"value\": \"Architect\"}",
				"{\"op\": \"replace\", \"path\": \"" + USER_SCHEMA + ":name.givenName\", \"value\": \"Quinn\"}"));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode user = scim.get(path).json();
		assertThat(user.path("title").asString()).isEqualTo("Architect");
		assertThat(user.path("name").path("givenName").asString()).isEqualTo("Quinn");
		assertThat(user.has(USER_SCHEMA)).isFalse();
	}

	@Test
	void patchPathQualifiedByGroupSchemaRenamesGroup() {
		String path = "/Groups/" + createGroup(scim, "Qualified Before").path("id").asString();

		ScimHttp.Response response = scim.patch(path, patchBody("{\"op\": \"replace\", \"path\": \""
				+ ScimFixtures.GROUP_SCHEMA + ":displayName\", \"value\": \"Qualified After\"}"));

		assertThat(response.status()).as(response.body()).isIn(200, 204);
		assertThat(scim.get(path).json().path("displayName").asString()).isEqualTo("Qualified After");
	}

	@Test
	void managerStringInPatchIsStored() {
		String managerId = createUser(scim, "patch.manager@example.com").path("id").asString();
		String path = "/Users/" + createUser(scim, "patch.report@example.com").path("id").asString();

		ScimHttp.Response response = scim.patch(path, patchBody("{\"op\": \"Add\", \"path\": \"" + ENTERPRISE_SCHEMA
				+ ":manager\", \"value\": \"" + managerId + "\"}"));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode user = scim.get(path).json();
		assertThat(user.path(ENTERPRISE_SCHEMA).path("manager").path("value").asString()).isEqualTo(managerId);
	}

	@Test
	void managerStringInCreateIsStored() {
		String managerId = createUser(scim, "create.manager@example.com").path("id").asString();

		ScimHttp.Response response = scim.post("/Users", """
				{"schemas": ["%s", "%s"], "userName": "create.report@example.com",
				 "%s": {"department": "Support", "manager": "%s"}}""".formatted(USER_SCHEMA, ENTERPRISE_SCHEMA,
				ENTERPRISE_SCHEMA, managerId));

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode user = scim.get("/Users/" + response.json().path("id").asString()).json();
		assertThat(user.path(ENTERPRISE_SCHEMA).path("manager").path("value").asString()).isEqualTo(managerId);
		assertThat(user.path(ENTERPRISE_SCHEMA).path("department").asString()).isEqualTo("Support");
	}

	@Test
	void removeOfAbsentAttributeSucceedsAndChangesNothing() {
		String path = "/Users/" + createUser(scim, "no.title@example.com").path("id").asString();
		String before = read(scim, path);

		ScimHttp.Response response = scim.patch(path, patchBody("{\"op\": \"remove\", \"path\": \"title\"}"));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().has("title")).isFalse();
		assertThat(read(scim, path)).isEqualTo(before);
	}

	@Test
	void unknownAttributesInCreateAreIgnored() {
		ScimHttp.Response response = scim.post("/Users", """
				{"schemas": ["%s", "urn:example:params:scim:schemas:extension:shoes:2.0:User"],
				 "userName": "extra.attributes@example.com",
				 "favoriteColor": "teal",
				 "nickName": "Extra",
				 "urn:example:params:scim:schemas:extension:shoes:2.0:User": {"shoeSize": 44},
				 "title": "Keeper"}""".formatted(USER_SCHEMA));

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode user = scim.get("/Users/" + response.json().path("id").asString()).json();
		assertThat(user.path("title").asString()).isEqualTo("Keeper");
		assertThat(user.has("favoriteColor")).isFalse();
		assertThat(user.toString()).doesNotContain("shoeSize");
	}

	@Test
	void memberRemovalWithMembersPathAndValueArray() {
		String first = createUser(scim, "array.first@example.com").path("id").asString();
		String second = createUser(scim, "array.second@example.com").path("id").asString();
		String remaining = createUser(scim, "array.remaining@example.com").path("id").asString();
		String path = "/Groups/" + createGroup(scim, "Array Removal", first, second, remaining).path("id").asString();

		ScimHttp.Response response = scim.patch(path, patchBody("""
				{"op": "Remove", "path": "members", "value": [{"value": "%s"}, {"value": "%s"}]}""".formatted(first,
				second)));

		assertThat(response.status()).as(response.body()).isIn(200, 204);
		assertThat(memberIds(path)).containsExactly(remaining);
	}

	@Test
	void groupPatchChangesMembersByFilter() {
		String leaving = createUser(scim, "filter.leaving@example.com").path("id").asString();
		String joining = createUser(scim, "filter.joining@example.com").path("id").asString();
		String path = "/Groups/" + createGroup(scim, "Value Filter", leaving).path("id").asString();

		ScimHttp.Response response = scim.patch(path,
				patchBody("{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"value\": \"" + joining + "\"}]}",
						"{\"op\": \"remove\", \"path\": \"members[value eq \\\"" + leaving + "\\\"]\"}"));

		assertThat(response.status()).as(response.body()).isIn(200, 204);
		assertThat(memberIds(path)).containsExactly(joining);
	}

	@Test
	void deleteOfUserRemovesThemFromGroups() {
		String leaving = createUser(scim, "deleted.member@example.com").path("id").asString();
		String staying = createUser(scim, "staying.member@example.com").path("id").asString();
		String first = "/Groups/" + createGroup(scim, "Deleted Member One", leaving, staying).path("id").asString();
		String second = "/Groups/" + createGroup(scim, "Deleted Member Two", leaving).path("id").asString();

		ScimHttp.Response response = scim.delete("/Users/" + leaving);

		assertThat(response.status()).isEqualTo(204);
		assertThat(memberIds(first)).containsExactly(staying);
		assertThat(memberIds(second)).isEmpty();
		assertThat(list("/Groups", "members.value eq \"" + leaving + "\"").path("totalResults").asInt()).isZero();
	}

	@Test
	void createAfterDeleteRehiresUserAsActive() {
		String oldId = createUser(scim, "Rehired.Person@Example.com").path("id").asString();
		assertThat(scim.delete("/Users/" + oldId).status()).isEqualTo(204);

		ScimHttp.Response response = scim.post("/Users", """
				{"schemas": ["%s"], "userName": "Rehired.Person@Example.com", "title": "Returning"}"""
			.formatted(USER_SCHEMA));

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode rehired = response.json();
		assertThat(rehired.path("active").booleanValue()).isTrue();
		assertThat(rehired.path("userName").asString()).isEqualTo("Rehired.Person@Example.com");
		assertThat(rehired.path("title").asString()).isEqualTo("Returning");
		String newId = rehired.path("id").asString();
		assertThat(scim.get("/Users/" + newId).json().path("active").booleanValue()).isTrue();
		assertThat(scim.get("/Users/" + oldId).status()).isEqualTo(404);
		JsonNode found = list("/Users", "userName eq \"rehired.person@example.com\"");
		assertThat(found.path("totalResults").asInt()).isEqualTo(1);
		assertThat(found.path("Resources").path(0).path("id").asString()).isEqualTo(newId);
	}

	private static JsonNode list(String endpoint, String filter) {
		ScimHttp.Response response = scim
			.get(endpoint + "?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
		assertThat(response.status()).as("list with filter %s: %s", filter, response.body()).isEqualTo(200);
		return response.json();
	}

	private static List<String> memberIds(String groupPath) {
		List<String> ids = new ArrayList<>();
		scim.get(groupPath).json().path("members").forEach((member) -> ids.add(member.path("value").asString()));
		return ids;
	}

}
