package io.roster.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import io.roster.support.RosterServer;
import io.roster.support.ScimHttp;
import io.roster.support.TestDatabase;
import io.roster.tenant.Plan;

import tools.jackson.databind.JsonNode;

import static io.roster.scim.ScimAssertions.assertScimError;
import static io.roster.scim.ScimAssertions.assertScimJson;
import static io.roster.scim.ScimFixtures.ENTERPRISE_SCHEMA;
import static io.roster.scim.ScimFixtures.GROUP_SCHEMA;
import static io.roster.scim.ScimFixtures.USER_SCHEMA;
import static io.roster.scim.ScimFixtures.createGroup;
import static io.roster.scim.ScimFixtures.createUser;
import static io.roster.scim.ScimFixtures.find;
import static io.roster.scim.ScimFixtures.memberIds;
import static io.roster.scim.ScimFixtures.patchBody;
import static io.roster.scim.ScimFixtures.read;
import static io.roster.scim.ScimFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests in the shapes Microsoft Entra ID sends, with and without the
 * {@code aadOptscim062020} flag on its tenant URL, each checked in the response and again
 * in what Roster stored: capitalized PATCH ops, booleans as strings, dotted keys,
 * membership changes, projections that leave members out, connection probes, renames and
 * the soft-delete then DELETE lifecycle. Each test provisions a company of its own.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class EntraRequestTests {

	private static final String ENTRA_JSON = "application/scim+json; charset=utf-8";

	private static RosterServer server;

	@Parameter
	TestDatabase database;

	private ScimHttp scim;

	@BeforeParameterizedClassInvocation
	static void startServer(TestDatabase database) {
		server = RosterServer.start(database);
	}

	@AfterParameterizedClassInvocation
	static void stopServer() {
		server.close();
	}

	@BeforeEach
	void newCompany() {
		this.scim = new ScimHttp(server.scimUrl(),
				server.tokenOfNewCompany("Entra " + UUID.randomUUID(), Plan.ENTERPRISE));
	}

	@Test
	void capitalizedOpsUpdateUser() {
		String path = "/Users/" + createUser(this.scim, "alice@example.com").path("id").asString();

		ScimHttp.Response response = this.scim.patch(path, patchBody("""
				{"op": "Replace", "path": "displayName", "value": "Alice Smith"}""", """
				{"op": "Replace", "path": "name.familyName", "value": "Smith"}""", """
				{"op": "Add", "path": "title", "value": "Staff Engineer"}""", """
				{"op": "Remove", "path": "emails"}"""), "Content-Type", ENTRA_JSON);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertScimJson(response);
		JsonNode user = response.json();
		assertThat(user.path("displayName").asString()).isEqualTo("Alice Smith");
		assertThat(user.path("name").path("familyName").asString()).isEqualTo("Smith");
		assertThat(user.path("name").path("givenName").asString()).isEqualTo("Given");
		assertThat(user.path("title").asString()).isEqualTo("Staff Engineer");
		assertThat(user.has("emails")).isFalse();
		assertThat(this.scim.get(path).json()).isEqualTo(user);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			"False" | false
			"True"  | true
			"false" | false
			false   | false
			true    | true
			""")
	void activeAsStringOrBooleanSetsActive(String value, boolean expected) {
		String userName = "active." + expected + "@example.com";
		String path = "/Users/" + createUser(this.scim, userName).path("id").asString();
		if (expected) {
			assertThat(this.scim.patch(path, patchBody("{\"op\": \"replace\", \"path\": \"active\", \"value\": false}"))
				.status()).isEqualTo(200);
		}

		ScimHttp.Response response = this.scim.patch(path,
				patchBody("{\"op\": \"Replace\", \"path\": \"active\", \"value\": " + value + "}"));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().path("active").isBoolean()).isTrue();
		assertThat(response.json().path("active").booleanValue()).isEqualTo(expected);
		JsonNode stored = this.scim.get(path).json();
		assertThat(stored.path("active").booleanValue()).isEqualTo(expected);
		JsonNode found = find(this.scim, "/Users", "userName eq \"" + userName + "\" and active eq " + expected);
		assertThat(found.path("totalResults").asInt()).isEqualTo(1);
		assertThat(found.path("Resources").path(0).path("active").booleanValue()).isEqualTo(expected);
	}

	@Test
	void flagReplacesWorkEmailAndDottedKeys() {
		String path = "/Users/" + createUser(this.scim, "alice@example.com").path("id").asString();

		ScimHttp.Response response = this.scim.patch(path, patchBody("""
				{"op": "replace", "path": "emails[type eq \\"work\\"].value", "value": "alice.smith@example.com"}""",
				"""
						{"op": "replace", "value": {
						  "displayName": "Alice Smith",
						  "name.givenName": "Alice",
						  "name.familyName": "Smith",
						  "%1$s:employeeNumber": "000417",
						  "%1$s:department": "Platform"
						}}""".formatted(ENTERPRISE_SCHEMA)));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode user = this.scim.get(path).json();
		assertThat(user).isEqualTo(response.json());
		assertThat(user.path("emails").size()).isEqualTo(1);
		assertThat(user.path("emails").path(0).path("value").asString()).isEqualTo("alice.smith@example.com");
		assertThat(user.path("emails").path(0).path("type").asString()).isEqualTo("work");
		assertThat(user.path("displayName").asString()).isEqualTo("Alice Smith");
		assertThat(user.path("name").path("givenName").asString()).isEqualTo("Alice");
		assertThat(user.path("name").path("familyName").asString()).isEqualTo("Smith");
		assertThat(user.path(ENTERPRISE_SCHEMA).path("employeeNumber").isString()).isTrue();
		assertThat(user.path(ENTERPRISE_SCHEMA).path("employeeNumber").asString()).isEqualTo("000417");
		assertThat(user.path(ENTERPRISE_SCHEMA).path("department").asString()).isEqualTo("Platform");
		assertThat(user.has("name.givenName")).isFalse();
		assertThat(user.has("name.familyName")).isFalse();
	}

	@Test
	void removeOfMembersWithoutValueClearsGroup() {
		String first = createUser(this.scim, "clear.first@example.com").path("id").asString();
		String second = createUser(this.scim, "clear.second@example.com").path("id").asString();
		String path = "/Groups/" + createGroup(this.scim, "Cleared", first, second).path("id").asString();

		ScimHttp.Response response = this.scim.patch(path, patchBody("{\"op\": \"Remove\", \"path\": \"members\"}"));

		assertThat(response.status()).as(response.body()).isEqualTo(204);
		assertThat(memberIds(this.scim, path)).isEmpty();
		assertThat(this.scim.get("/Users/" + first).status()).isEqualTo(200);
		assertThat(this.scim.get("/Users/" + second).status()).isEqualTo(200);
	}

	@Test
	void memberAddWithNullRefIsIdempotent() {
		String first = createUser(this.scim, "ref.first@example.com").path("id").asString();
		String existing = createUser(this.scim, "ref.existing@example.com").path("id").asString();
		String third = createUser(this.scim, "ref.third@example.com").path("id").asString();
		String path = "/Groups/" + createGroup(this.scim, "Null Refs", existing).path("id").asString();
		String add = patchBody("""
				{"op": "Add", "path": "members",
				 "value": [{"$ref": null, "value": "%s"}, {"$ref": null, "value": "%s"}]}""".formatted(first, third));

		ScimHttp.Response response = this.scim.patch(path, add);

		assertThat(response.status()).as(response.body()).isEqualTo(204);
		assertThat(response.body()).isEmpty();
		assertThat(memberIds(this.scim, path)).containsExactlyInAnyOrder(first, existing, third);
		ScimFixtures.DirectorySnapshot afterFirst = snapshot(this.scim);

		ScimHttp.Response repeated = this.scim.patch(path, add);

		assertThat(repeated.status()).as(repeated.body()).isEqualTo(204);
		assertThat(memberIds(this.scim, path)).containsExactlyInAnyOrder(first, existing, third);
		assertThat(snapshot(this.scim).users()).isEqualTo(afterFirst.users());
	}

	@Test
	void partialMemberAddIsRejectedWhole() {
		String existing = createUser(this.scim, "partial.existing@example.com").path("id").asString();
		String joining = createUser(this.scim, "partial.joining@example.com").path("id").asString();
		String path = "/Groups/" + createGroup(this.scim, "No Partial Add", existing).path("id").asString();
		ScimFixtures.DirectorySnapshot before = snapshot(this.scim);
		String unknown = "u-" + UUID.randomUUID();

		ScimHttp.Response response = this.scim.patch(path, patchBody("""
				{"op": "Add", "path": "members", "value": [{"value": "%s"}, {"value": "%s"}]}""".formatted(joining,
				unknown)));

		assertScimError(response, 400, "invalidValue", unknown);
		assertThat(snapshot(this.scim)).isEqualTo(before);
		assertThat(find(this.scim, "/Users", "id eq \"" + unknown + "\"").path("totalResults").asInt()).isZero();
	}

	@Test
	void managerAsObjectIsStoredAndReturned() {
		String managerId = createUser(this.scim, "object.manager@example.com").path("id").asString();
		String path = "/Users/" + createUser(this.scim, "object.report@example.com").path("id").asString();

		ScimHttp.Response response = this.scim.patch(path, patchBody("""
				{"op": "Add", "path": "%s:manager", "value": {"value": "%s"}}""".formatted(ENTERPRISE_SCHEMA,
				managerId)));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode manager = response.json().path(ENTERPRISE_SCHEMA).path("manager");
		assertThat(manager.isObject()).isTrue();
		assertThat(manager.path("value").asString()).isEqualTo(managerId);
		JsonNode stored = this.scim.get(path).json();
		assertThat(stored.path(ENTERPRISE_SCHEMA).path("manager").path("value").asString()).isEqualTo(managerId);
		assertThat(stored.path("schemas").toString()).contains(ENTERPRISE_SCHEMA);
	}

	@Test
	void pathlessAddReactivatesAndIgnoresNickName() {
		String path = "/Users/" + createUser(this.scim, "reassert@example.com").path("id").asString();
		assertThat(this.scim.patch(path, patchBody("{\"op\": \"replace\", \"path\": \"active\", \"value\": false}"))
			.status()).isEqualTo(200);

		ScimHttp.Response response = this.scim.patch(path,
				patchBody("{\"op\": \"Add\", \"path\": \"nickName\", \"value\": \"Ali\"}",
						"{\"op\": \"Add\", \"value\": {\"active\": true, \"title\": \"Staff Engineer\"}}"));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode user = this.scim.get(path).json();
		assertThat(user).isEqualTo(response.json());
		assertThat(user.path("active").booleanValue()).isTrue();
		assertThat(user.path("title").asString()).isEqualTo("Staff Engineer");
		assertThat(user.has("nickName")).isFalse();
	}

	@Test
	void createWithMetaRolesAndExtension() {
		ScimHttp.Response response = this.scim.post("/Users", """
				{
				  "schemas": ["%1$s", "%2$s"],
				  "externalId": "8c0e4c8e-5e0b-4d6f-9a51-1b2f3c4d5e6f",
				  "userName": "Alice@Example.com",
				  "active": true,
				  "displayName": "Alice Smith",
				  "title": "Staff Engineer",
				  "emails": [{"primary": true, "type": "work", "value": "alice@example.com"}],
				  "meta": {"resourceType": "User"},
				  "name": {"formatted": "Alice Smith", "familyName": "Smith", "givenName": "Alice"},
				  "roles": [],
				  "%2$s": {"employeeNumber": "000417", "department": "Platform", "costCenter": "CC-12"}
				}""".formatted(USER_SCHEMA, ENTERPRISE_SCHEMA), "Content-Type", ENTRA_JSON);

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertScimJson(response);
		JsonNode user = response.json();
		String id = user.path("id").asString();
		assertThat(id).isNotBlank();
		JsonNode meta = user.path("meta");
		assertThat(meta.path("resourceType").asString()).isEqualTo("User");
		assertThat(meta.path("created").asString()).isNotBlank();
		assertThat(meta.path("lastModified").asString()).isNotBlank();
		assertThat(meta.path("location").asString()).isEqualTo(server.scimUrl() + "/Users/" + id);
		assertThat(response.header("Location")).isEqualTo(meta.path("location").asString());
		assertThat(user.path("externalId").asString()).isEqualTo("8c0e4c8e-5e0b-4d6f-9a51-1b2f3c4d5e6f");
		assertThat(user.path("userName").asString()).isEqualTo("Alice@Example.com");
		assertThat(user.path("name").path("formatted").asString()).isEqualTo("Alice Smith");
		assertThat(user.has("roles")).isFalse();
		JsonNode enterprise = user.path(ENTERPRISE_SCHEMA);
		assertThat(enterprise.path("employeeNumber").asString()).isEqualTo("000417");
		assertThat(enterprise.path("department").asString()).isEqualTo("Platform");
		assertThat(enterprise.path("costCenter").asString()).isEqualTo("CC-12");
		assertThat(this.scim.get("/Users/" + id).json()).isEqualTo(user);
	}

	@Test
	void createGroupWithPrivateSchemaUrn() {
		ScimHttp.Response response = this.scim.post("/Groups", """
				{
				  "schemas": ["%s", "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
				  "externalId": "5b7f0a9e-1c2d-4e3f-8a9b-0c1d2e3f4a5b",
				  "displayName": "Platform Team",
				  "meta": {"resourceType": "Group"}
				}""".formatted(GROUP_SCHEMA), "Content-Type", ENTRA_JSON);

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode group = response.json();
		String id = group.path("id").asString();
		assertThat(id).isNotBlank();
		assertThat(group.path("displayName").asString()).isEqualTo("Platform Team");
		assertThat(group.path("externalId").asString()).isEqualTo("5b7f0a9e-1c2d-4e3f-8a9b-0c1d2e3f4a5b");
		assertThat(group.path("members").size()).isZero();
		assertThat(group.path("schemas").toString()).doesNotContain("schemas.microsoft.com");
		assertThat(group.path("meta").path("resourceType").asString()).isEqualTo("Group");
		assertThat(response.header("Location")).isEqualTo(server.scimUrl() + "/Groups/" + id);
		assertThat(this.scim.get("/Groups/" + id).json()).isEqualTo(group);
	}

	@Test
	void groupLookupByNameOmitsMembers() {
		String memberId = createUser(this.scim, "lookup.member@example.com").path("id").asString();
		String id = createGroup(this.scim, "Platform Team", memberId).path("id").asString();
		createGroup(this.scim, "Platform Team Leads");

		ScimHttp.Response response = this.scim
			.get("/Groups?excludedAttributes=members&filter=displayName%20eq%20%22platform%20team%22");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode list = response.json();
		assertThat(list.path("totalResults").asInt()).isEqualTo(1);
		assertThat(list.path("startIndex").asInt()).isEqualTo(1);
		assertThat(list.path("itemsPerPage").asInt()).isEqualTo(1);
		JsonNode group = list.path("Resources").path(0);
		assertThat(group.path("id").asString()).isEqualTo(id);
		assertThat(group.path("displayName").asString()).isEqualTo("Platform Team");
		assertThat(group.path("schemas").path(0).asString()).isEqualTo(GROUP_SCHEMA);
		assertThat(group.path("meta").path("location").asString()).isEqualTo(server.scimUrl() + "/Groups/" + id);
		assertThat(group.has("members")).isFalse();
		assertThat(memberIds(this.scim, "/Groups/" + id)).containsExactly(memberId);
	}

	@Test
	void groupReadByIdOmitsMembers() {
		String memberId = createUser(this.scim, "byid.member@example.com").path("id").asString();
		String id = createGroup(this.scim, "By Id", memberId).path("id").asString();

		ScimHttp.Response response = this.scim.get("/Groups/" + id + "?excludedAttributes=members");
		ScimHttp.Response missing = this.scim.get("/Groups/" + UUID.randomUUID() + "?excludedAttributes=members");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode group = response.json();
		assertThat(group.path("id").asString()).isEqualTo(id);
		assertThat(group.path("displayName").asString()).isEqualTo("By Id");
		assertThat(group.has("members")).isFalse();
		assertThat(memberIds(this.scim, "/Groups/" + id)).containsExactly(memberId);
		assertScimError(missing, 404, null, "not found");
	}

	@Test
	void rolesWithMicrosoftTypeAreStored() {
		ScimHttp.Response created = this.scim.post("/Users", """
				{"schemas": ["%s"], "userName": "roles@example.com",
				 "roles": [{"primary": true, "type": "WindowsAzureActiveDirectoryRole", "display": "Admin",
				            "value": "Admin"}]}""".formatted(USER_SCHEMA));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String path = "/Users/" + created.json().path("id").asString();

		ScimHttp.Response response = this.scim.patch(path, patchBody("""
				{"op": "Add", "path": "roles", "value": [{"value": "Editor", "displayName": "Editor"}]}"""));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode roles = this.scim.get(path).json().path("roles");
		assertThat(roles.size()).isEqualTo(2);
		JsonNode admin = roles.path(0);
		assertThat(admin.path("value").asString()).isEqualTo("Admin");
		assertThat(admin.path("type").asString()).isEqualTo("WindowsAzureActiveDirectoryRole");
		assertThat(admin.path("display").asString()).isEqualTo("Admin");
		assertThat(admin.path("primary").booleanValue()).isTrue();
		JsonNode editor = roles.path(1);
		assertThat(editor.path("value").asString()).isEqualTo("Editor");
		assertThat(editor.has("primary")).isFalse();
		assertThat(editor.has("displayName")).isFalse();
		assertThat(find(this.scim, "/Users", "roles[primary eq true].value eq \"Admin\"").path("totalResults").asInt())
			.isEqualTo(1);
	}

	@Test
	void connectionTestProbesSucceedWithoutChanges() {
		ScimFixtures.DirectorySnapshot before = snapshot(this.scim);
		List<String> probes = List.of("/Users?filter=externalId%20eq%20%229edf3db5-0000-4000-8000-00000000abcd%22",
				"/Users?filter=userName%20eq%20%22a1b2c3d4-e5f6-7890-abcd-ef0123456789%22",
				"/Groups?excludedAttributes=members&filter=displayName%20eq%20%22e7a3c0de-0000-4000-8000-00000000abcd%22");

		for (String probe : probes) {
			ScimHttp.Response response = this.scim.get(probe, "ADSCIMVersion", "2.0");

			assertThat(response.status()).as("%s: %s", probe, response.body()).isEqualTo(200);
			assertScimJson(response);
			assertThat(response.json().path("totalResults").asInt()).as(probe).isZero();
			assertThat(response.json().path("Resources").isArray()).as(probe).isTrue();
			assertThat(response.json().path("Resources").size()).as(probe).isZero();
		}
		for (String discovery : List.of("/ServiceProviderConfig", "/Schemas", "")) {
			ScimHttp.Response response = this.scim.get(discovery, "ADSCIMVersion", "2.0");

			assertThat(response.status()).as("GET '%s': %s", discovery, response.body()).isEqualTo(200);
			assertScimJson(response);
		}
		assertThat(snapshot(this.scim)).isEqualTo(before);
	}

	@Test
	void groupRenameKeepsIdAndMembers() {
		String memberId = createUser(this.scim, "rename.member@example.com").path("id").asString();
		String id = createGroup(this.scim, "Platform", memberId).path("id").asString();
		String path = "/Groups/" + id;
		assertThat(this.scim
			.patch(path, patchBody("{\"op\": \"replace\", \"path\": \"externalId\", \"value\": \"ext-platform\"}"))
			.status()).isEqualTo(204);

		ScimHttp.Response response = this.scim.patch(path,
				patchBody("{\"op\": \"Replace\", \"path\": \"displayName\", \"value\": \"Platform Engineering\"}"));

		assertThat(response.status()).as(response.body()).isEqualTo(204);
		JsonNode group = this.scim.get(path).json();
		assertThat(group.path("id").asString()).isEqualTo(id);
		assertThat(group.path("displayName").asString()).isEqualTo("Platform Engineering");
		assertThat(group.path("externalId").asString()).isEqualTo("ext-platform");
		assertThat(memberIds(this.scim, path)).containsExactly(memberId);
		JsonNode found = find(this.scim, "/Groups", "displayName eq \"Platform Engineering\"");
		assertThat(found.path("Resources").path(0).path("id").asString()).isEqualTo(id);
	}

	@Test
	void groupRenameToTakenNameIsUniqueness() {
		createGroup(this.scim, "Platform Engineering");
		String path = "/Groups/" + createGroup(this.scim, "Platform").path("id").asString();
		String before = read(this.scim, path);

		ScimHttp.Response response = this.scim.patch(path,
				patchBody("{\"op\": \"Replace\", \"path\": \"displayName\", \"value\": \"PLATFORM engineering\"}"));

		assertScimError(response, 409, "uniqueness", "PLATFORM engineering");
		assertThat(read(this.scim, path)).isEqualTo(before);
	}

	@Test
	void parallelAddsAndRemoveKeepEveryChange() throws Exception {
		String leaving = createUser(this.scim, "parallel.leaving@example.com").path("id").asString();
		String staying = createUser(this.scim, "parallel.staying@example.com").path("id").asString();
		List<String> joining = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			joining.add(createUser(this.scim, "parallel." + i + "@example.com").path("id").asString());
		}
		String path = "/Groups/" + createGroup(this.scim, "Parallel", leaving, staying).path("id").asString();
		List<String> patches = new ArrayList<>();
		for (String id : joining) {
			patches
				.add(patchBody("{\"op\": \"Add\", \"path\": \"members\", \"value\": [{\"value\": \"" + id + "\"}]}"));
		}
		patches.add(patchBody(
				"{\"op\": \"Remove\", \"path\": \"members\", \"value\": [{\"value\": \"" + leaving + "\"}]}"));

		List<Integer> statuses = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(5);
		try {
			List<Future<ScimHttp.Response>> responses = new ArrayList<>();
			for (String patch : patches) {
				responses.add(pool.submit(() -> this.scim.patch(path, patch)));
			}
			for (Future<ScimHttp.Response> response : responses) {
				statuses.add(response.get().status());
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(statuses).containsOnly(204);
		List<String> expected = new ArrayList<>(joining);
		expected.add(staying);
		assertThat(memberIds(this.scim, path)).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void removeClearsTitleAndDepartment() {
		ScimHttp.Response created = this.scim.post("/Users", """
				{"schemas": ["%1$s", "%2$s"], "userName": "clears@example.com", "title": "Engineer",
				 "%2$s": {"department": "Platform", "employeeNumber": "7"}}""".formatted(USER_SCHEMA,
				ENTERPRISE_SCHEMA));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String path = "/Users/" + created.json().path("id").asString();
		String remove = patchBody("{\"op\": \"Remove\", \"path\": \"title\"}",
				"{\"op\": \"Remove\", \"path\": \"" + ENTERPRISE_SCHEMA + ":department\"}");

		ScimHttp.Response response = this.scim.patch(path, remove);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode user = this.scim.get(path).json();
		assertThat(user.has("title")).isFalse();
		assertThat(user.path(ENTERPRISE_SCHEMA).has("department")).isFalse();
		assertThat(user.path(ENTERPRISE_SCHEMA).path("employeeNumber").asString()).isEqualTo("7");
		String afterFirst = read(this.scim, path);

		ScimHttp.Response repeated = this.scim.patch(path, remove);

		assertThat(repeated.status()).as(repeated.body()).isEqualTo(200);
		assertThat(read(this.scim, path)).isEqualTo(afterFirst);
	}

	// Workday or another HR system feeds Entra, which sends a manager id that is not a
	// User yet, to a User created without the enterprise extension.
	@Test
	void extensionPatchOnUserWithoutExtension() {
		String path = "/Users/" + createUser(this.scim, "hr.worker@example.com").path("id").asString();
		String managerId = "u-" + UUID.randomUUID();

		ScimHttp.Response response = this.scim.patch(path, patchBody("""
				{"op": "Replace", "path": "%1$s:costCenter", "value": "CC-4410"}""".formatted(ENTERPRISE_SCHEMA), """
				{"op": "Replace", "path": "%1$s:division", "value": "EMEA"}""".formatted(ENTERPRISE_SCHEMA), """
				{"op": "Replace", "path": "%1$s:organization", "value": "Example Ltd"}"""
			.formatted(ENTERPRISE_SCHEMA), """
					{"op": "Add", "path": "%1$s:manager", "value": "%2$s"}""".formatted(ENTERPRISE_SCHEMA, managerId)));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode enterprise = this.scim.get(path).json().path(ENTERPRISE_SCHEMA);
		assertThat(enterprise.path("costCenter").asString()).isEqualTo("CC-4410");
		assertThat(enterprise.path("division").asString()).isEqualTo("EMEA");
		assertThat(enterprise.path("organization").asString()).isEqualTo("Example Ltd");
		assertThat(enterprise.path("manager").path("value").asString()).isEqualTo(managerId);
		assertThat(find(this.scim, "/Users", "manager.value eq \"" + managerId + "\"").path("totalResults").asInt())
			.isEqualTo(1);
	}

	@Test
	void userNameRenameKeepsId() {
		String id = createUser(this.scim, "alice@example.com").path("id").asString();

		ScimHttp.Response response = this.scim.patch("/Users/" + id,
				patchBody("{\"op\": \"Replace\", \"path\": \"userName\", \"value\": \"alice.smith@example.org\"}"));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().path("id").asString()).isEqualTo(id);
		assertThat(response.json().path("userName").asString()).isEqualTo("alice.smith@example.org");
		assertThat(this.scim.get("/Users/" + id).json().path("userName").asString())
			.isEqualTo("alice.smith@example.org");
		JsonNode renamed = find(this.scim, "/Users", "userName eq \"alice.smith@example.org\"");
		assertThat(renamed.path("Resources").path(0).path("id").asString()).isEqualTo(id);
		assertThat(find(this.scim, "/Users", "userName eq \"alice@example.com\"").path("totalResults").asInt())
			.isZero();
	}

	@Test
	void softDeleteKeepsUserVisibleUntilDelete() {
		String id = createUser(this.scim, "leaver@example.com").path("id").asString();
		String path = "/Users/" + id;
		String groupPath = "/Groups/" + createGroup(this.scim, "Leavers Team", id).path("id").asString();

		ScimHttp.Response disabled = this.scim.patch(path,
				patchBody("{\"op\": \"Replace\", \"path\": \"active\", \"value\": \"False\"}"));
		ScimHttp.Response readDisabled = this.scim.get(path);
		JsonNode found = find(this.scim, "/Users", "userName eq \"leaver@example.com\"");
		ScimHttp.Response deleted = this.scim.delete(path);
		ScimHttp.Response readAfterDelete = this.scim.get(path);
		ScimHttp.Response deletedAgain = this.scim.delete(path);

		assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
		assertThat(disabled.json().path("active").booleanValue()).isFalse();
		assertThat(readDisabled.status()).isEqualTo(200);
		assertThat(readDisabled.json().path("active").booleanValue()).isFalse();
		assertThat(found.path("totalResults").asInt()).isEqualTo(1);
		assertThat(found.path("Resources").path(0).path("id").asString()).isEqualTo(id);
		assertThat(found.path("Resources").path(0).path("active").booleanValue()).isFalse();
		assertThat(deleted.status()).isEqualTo(204);
		assertThat(deleted.body()).isEmpty();
		assertScimError(readAfterDelete, 404, null, id);
		assertScimError(deletedAgain, 404, null, id);
		assertThat(memberIds(this.scim, groupPath)).isEmpty();
		assertThat(find(this.scim, "/Users", "userName eq \"leaver@example.com\"").path("totalResults").asInt())
			.isZero();
	}

	// Entra sends this filter when it matches users by their work email.
	@Test
	void workEmailValueFilterFindsUser() {
		String id = createUser(this.scim, "alice@example.com").path("id").asString();
		ScimHttp.Response homeOnly = this.scim.post("/Users", """
				{"schemas": ["%s"], "userName": "alice.home@example.com",
				 "emails": [{"value": "alice@example.com", "type": "home"}]}""".formatted(USER_SCHEMA));
		assertThat(homeOnly.status()).as(homeOnly.body()).isEqualTo(201);

		ScimHttp.Response response = this.scim
			.get("/Users?filter=emails%5Btype%20eq%20%22work%22%5D.value%20eq%20%22alice%40example.com%22");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().path("totalResults").asInt()).isEqualTo(1);
		assertThat(response.json().path("Resources").path(0).path("id").asString()).isEqualTo(id);
	}

	@Test
	void listWithAttributesProjectsEachResource() {
		createUser(this.scim, "alice@example.com");
		createUser(this.scim, "bob@example.com");

		ScimHttp.Response response = this.scim
			.get("/Users?attributes=userName,emails&filter=userName%20eq%20%22alice%40example.com%22");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode list = response.json();
		assertThat(list.path("totalResults").asInt()).isEqualTo(1);
		JsonNode user = list.path("Resources").path(0);
		assertThat(user.path("id").asString()).isNotBlank();
		assertThat(user.path("schemas").path(0).asString()).isEqualTo(USER_SCHEMA);
		assertThat(user.path("userName").asString()).isEqualTo("alice@example.com");
		assertThat(user.path("emails").path(0).path("value").asString()).isEqualTo("alice@example.com");
		assertThat(user.has("name")).isFalse();
		assertThat(user.has("active")).isFalse();
		assertThat(user.has("meta")).isFalse();
	}

}
