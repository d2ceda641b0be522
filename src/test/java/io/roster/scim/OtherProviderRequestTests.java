package io.roster.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
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
import io.roster.tenant.Company;
import io.roster.tenant.Plan;
import io.roster.tenant.ScimTokens;

import tools.jackson.databind.JsonNode;

import static io.roster.scim.ScimAssertions.assertScimError;
import static io.roster.scim.ScimAssertions.assertScimJson;
import static io.roster.scim.ScimFixtures.ENTERPRISE_SCHEMA;
import static io.roster.scim.ScimFixtures.USER_SCHEMA;
import static io.roster.scim.ScimFixtures.createGroup;
import static io.roster.scim.ScimFixtures.createUser;
import static io.roster.scim.ScimFixtures.find;
import static io.roster.scim.ScimFixtures.memberIds;
import static io.roster.scim.ScimFixtures.patchBody;
import static io.roster.scim.ScimFixtures.userBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests in the shapes that OneLogin, JumpCloud, Google Workspace and Rippling send,
 * and shapes any client may send (media types, unknown attributes, filters in other case,
 * large groups), each checked in the response and again in what Roster stored. Each test
 * provisions a company of its own.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class OtherProviderRequestTests {

	private static RosterServer server;

	@Parameter
	TestDatabase database;

	private String token;

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
		this.token = server.tokenOfNewCompany("Provider " + UUID.randomUUID(), Plan.ENTERPRISE);
		this.scim = new ScimHttp(server.scimUrl(), this.token);
	}

	// OneLogin's SCIM Provisioner sends no User-Agent, pre-standard schema URNs and query
	// strings that end in '?' or '&'. The JDK client adds its own User-Agent when none is
	// set, so the test sends an empty one.
	@Test
	void legacyUrnsAndStrayDelimitersAreAccepted() {
		String id = createUser(this.scim, "carol@example.com").path("id").asString();

		ScimHttp.Response lookup = this.scim.get("/Users?filter=userName+eq+%22carol%40example.com%22&", "User-Agent",
				"");
		ScimHttp.Response response = this.scim.put("/Users/" + id + "?", """
				{
				  "schemas": ["urn:scim:schemas:core:2.0", "urn:scim:schemas:extension:enterprise:2.0"],
				  "userName": "carol@example.com",
				  "name": {"familyName": " White", "givenName": "Carol"},
				  "emails": [{"value": "carol@example.com", "type": "work", "primary": true}],
				  "urn:scim:schemas:extension:enterprise:2.0": {"department": "Finance"}
				}""", "User-Agent", "");

		assertThat(lookup.status()).as(lookup.body()).isEqualTo(200);
		assertThat(lookup.json().path("Resources").path(0).path("id").asString()).isEqualTo(id);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode user = response.json();
		assertThat(user.path("name").path("familyName").asString()).isEqualTo(" White");
		assertThat(user.path("name").path("givenName").asString()).isEqualTo("Carol");
		assertThat(user.path(ENTERPRISE_SCHEMA).path("department").asString()).isEqualTo("Finance");
		assertThat(user.has("urn:scim:schemas:extension:enterprise:2.0")).isFalse();
		assertThat(this.scim.get("/Users/" + id).json()).isEqualTo(user);
	}

	// JumpCloud's connection test creates a test user and a test group, then deletes
	// both.
	@Test
	void connectionTestCreatesAndDeletesTwice() {
		for (int run = 0; run < 2; run++) {
			ScimHttp.Response user = this.scim.post("/Users", userBody("jumpcloud.test@example.com"));
			assertThat(user.status()).as("run %d: %s", run, user.body()).isEqualTo(201);
			String userPath = "/Users/" + user.json().path("id").asString();
			ScimHttp.Response group = this.scim.post("/Groups",
					ScimFixtures.groupBody("JumpCloud Test Group", user.json().path("id").asString()));
			assertThat(group.status()).as("run %d: %s", run, group.body()).isEqualTo(201);
			String groupPath = "/Groups/" + group.json().path("id").asString();

			ScimHttp.Response groupDeleted = this.scim.delete(groupPath);
			ScimHttp.Response userDeleted = this.scim.delete(userPath);

			assertThat(groupDeleted.status()).as("run %d", run).isEqualTo(204);
			assertThat(userDeleted.status()).as("run %d", run).isEqualTo(204);
			assertScimError(this.scim.get(groupPath), 404, null, "not found");
			assertScimError(this.scim.get(userPath), 404, null, "not found");
			assertScimError(this.scim.delete(groupPath), 404, null, "not found");
			assertScimError(this.scim.delete(userPath), 404, null, "not found");
			assertThat(this.scim.get("/Users").json().path("totalResults").asInt()).as("run %d", run).isZero();
			assertThat(this.scim.get("/Groups").json().path("totalResults").asInt()).as("run %d", run).isZero();
		}
	}

	// JumpCloud repeats adds on every change event and removes with a value array.
	@Test
	void repeatedAddAndValueArrayRemoval() {
		String kept = createUser(this.scim, "jc.kept@example.com").path("id").asString();
		String removed = createUser(this.scim, "jc.removed@example.com").path("id").asString();
		String path = "/Groups/" + createGroup(this.scim, "Engineering", kept, removed).path("id").asString();
		String add = patchBody("{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"value\": \"" + kept + "\"}]}");

		ScimHttp.Response removal = this.scim.patch(path, patchBody(
				"{\"op\": \"remove\", \"path\": \"members\", \"value\": [{\"value\": \"" + removed + "\"}]}"));
		ScimHttp.Response firstAdd = this.scim.patch(path, add);
		ScimHttp.Response secondAdd = this.scim.patch(path, add);

		assertThat(removal.status()).as(removal.body()).isEqualTo(204);
		assertThat(firstAdd.status()).as(firstAdd.body()).isEqualTo(204);
		assertThat(secondAdd.status()).as(secondAdd.body()).isEqualTo(204);
		assertThat(memberIds(this.scim, path)).containsExactly(kept);
		assertThat(this.scim.get("/Users/" + removed).status()).isEqualTo(200);
	}

	// JumpCloud takes over an app group whose name matches; here the group was created
	// through another token of the same company, as another identity provider would.
	@Test
	void groupOfAnotherTokenIsTakenOver() {
		String memberId = createUser(this.scim, "takeover@example.com").path("id").asString();
		String id = createGroup(this.scim, "Engineering").path("id").asString();
		ScimTokens tokens = server.bean(ScimTokens.class);
		Company company = tokens.authenticate(this.token).orElseThrow().company();
		ScimHttp jumpCloud = new ScimHttp(server.scimUrl(), tokens.issue(company.id(), "JumpCloud"));

		JsonNode found = find(jumpCloud, "/Groups", "displayName eq \"Engineering\"");
		ScimHttp.Response response = jumpCloud.patch("/Groups/" + id,
				patchBody("{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"value\": \"" + memberId + "\"}]}"));

		assertThat(found.path("totalResults").asInt()).isEqualTo(1);
		assertThat(found.path("Resources").path(0).path("id").asString()).isEqualTo(id);
		assertThat(response.status()).as(response.body()).isEqualTo(204);
		assertThat(memberIds(this.scim, "/Groups/" + id)).containsExactly(memberId);
	}

	// Google Workspace sends application/json and an email without a type; Entra later
	// updates the same user's work email.
	@Test
	void untypedEmailTakesWorkEmailPatch() {
		ScimHttp.Response created = this.scim.post("/Users", """
				{"schemas": ["%s"], "userName": "frank@example.com",
				 "name": {"givenName": "Frank", "familyName": "Olsen"},
				 "emails": [{"value": "frank@example.com", "primary": true}], "active": true}""".formatted(USER_SCHEMA),
				"Content-Type", "application/json", "User-Agent", "Google-Auto-Provisioning");

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertScimJson(created);
		String path = "/Users/" + created.json().path("id").asString();
		JsonNode stored = this.scim.get(path).json();
		assertThat(stored).isEqualTo(created.json());
		assertThat(stored.path("name").path("familyName").asString()).isEqualTo("Olsen");
		assertThat(stored.path("emails").path(0).path("value").asString()).isEqualTo("frank@example.com");
		assertThat(stored.path("emails").path(0).has("type")).isFalse();

		ScimHttp.Response patched = this.scim.patch(path, patchBody("""
				{"op": "replace", "path": "emails[type eq \\"work\\"].value", "value": "frank.olsen@example.com"}"""));

		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		JsonNode emails = this.scim.get(path).json().path("emails");
		assertThat(emails.size()).isEqualTo(1);
		assertThat(emails.path(0).path("value").asString()).isEqualTo("frank.olsen@example.com");
		assertThat(emails.path(0).path("type").asString()).isEqualTo("work");
		assertThat(emails.path(0).path("primary").booleanValue()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/scim+json", "application/json" })
	void acceptOfPlainJsonGetsScimJson(String accept) {
		ScimHttp.Response created = this.scim.post("/Users", userBody("accept@example.com"), "Accept", accept);
		String path = "/Users/" + created.json().path("id").asString();

		ScimHttp.Response read = this.scim.get(path, "Accept", accept);
		ScimHttp.Response list = this.scim.get("/Users", "Accept", accept);

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertScimJson(created);
		assertThat(read.status()).isEqualTo(200);
		assertScimJson(read);
		assertThat(read.json()).isEqualTo(created.json());
		assertThat(list.status()).isEqualTo(200);
		assertScimJson(list);
	}

	// Rippling, from an HR system: an employee number with leading zeros and a manager
	// that is not a User yet.
	@Test
	void createKeepsEmployeeNumberZeros() {
		ScimHttp.Response response = this.scim.post("/Users", """
				{"schemas": ["%1$s", "%2$s"],
				 "externalId": "rp-7f3a", "userName": "grace@example.com",
				 "name": {"givenName": "Grace", "familyName": "Hopper"},
				 "emails": [{"value": "grace@example.com", "primary": true}], "title": "Engineering Manager",
				 "%2$s": {"employeeNumber": "00042", "department": "Engineering", "manager": {"value": "u-1009"}}}"""
			.formatted(USER_SCHEMA, ENTERPRISE_SCHEMA));

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode user = this.scim.get("/Users/" + response.json().path("id").asString()).json();
		assertThat(user).isEqualTo(response.json());
		JsonNode enterprise = user.path(ENTERPRISE_SCHEMA);
		assertThat(enterprise.path("employeeNumber").isString()).isTrue();
		assertThat(enterprise.path("employeeNumber").asString()).isEqualTo("00042");
		assertThat(enterprise.path("manager").path("value").asString()).isEqualTo("u-1009");
		assertThat(user.path("externalId").asString()).isEqualTo("rp-7f3a");
		assertThat(user.path("title").asString()).isEqualTo("Engineering Manager");
		assertThat(find(this.scim, "/Users", "employeeNumber eq \"00042\"").path("totalResults").asInt()).isEqualTo(1);
		assertThat(find(this.scim, "/Users", "employeeNumber eq \"42\"").path("totalResults").asInt()).isZero();
	}

	// Rippling moves a member between mutually exclusive groups with two PATCHes, in
	// either order, and the second may fail.
	@Test
	void groupMoveInEitherOrderOrHalfway() {
		String removeFirst = createUser(this.scim, "move.remove.first@example.com").path("id").asString();
		String addFirst = createUser(this.scim, "move.add.first@example.com").path("id").asString();
		String halfway = createUser(this.scim, "move.halfway@example.com").path("id").asString();
		String from = "/Groups/"
				+ createGroup(this.scim, "Team A", removeFirst, addFirst, halfway).path("id").asString();
		String to = "/Groups/" + createGroup(this.scim, "Team B").path("id").asString();
		String retired = "/Groups/" + createGroup(this.scim, "Team C").path("id").asString();
		assertThat(this.scim.delete(retired).status()).isEqualTo(204);

		assertThat(this.scim.patch(from, remove(removeFirst)).status()).isEqualTo(204);
		assertThat(groupsOf(removeFirst)).isEmpty();
		assertThat(this.scim.patch(to, add(removeFirst)).status()).isEqualTo(204);
		assertThat(this.scim.patch(to, add(addFirst)).status()).isEqualTo(204);
		assertThat(groupsOf(addFirst)).hasSize(2);
		assertThat(this.scim.patch(from, remove(addFirst)).status()).isEqualTo(204);
		assertThat(this.scim.patch(from, remove(halfway)).status()).isEqualTo(204);
		ScimHttp.Response failedAdd = this.scim.patch(retired, add(halfway));

		assertScimError(failedAdd, 404, null, "not found");
		assertThat(memberIds(this.scim, from)).isEmpty();
		assertThat(memberIds(this.scim, to)).containsExactlyInAnyOrder(removeFirst, addFirst);
		assertThat(groupsOf(halfway)).isEmpty();
		assertThat(this.scim.get("/Users/" + halfway).json().path("active").booleanValue()).isTrue();
	}

	@Test
	void createIgnoresUnknownAttributeAndSubAttribute() {
		ScimHttp.Response response = this.scim.post("/Users", """
				{"schemas": ["%s"], "userName": "judy@example.com",
				 "name": {"givenName": "Judy", "familyName": "Kim", "honorificPrefix": "Dr."},
				 "favoriteColor": "teal"}""".formatted(USER_SCHEMA));

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode user = response.json();
		assertThat(user.path("name").path("givenName").asString()).isEqualTo("Judy");
		assertThat(user.path("name").has("honorificPrefix")).isFalse();
		assertThat(user.has("favoriteColor")).isFalse();
		assertThat(this.scim.get("/Users/" + user.path("id").asString()).json()).isEqualTo(user);
	}

	@Test
	void putIgnoresUnknownAttributeAndSubAttribute() {
		String id = createUser(this.scim, "judy@example.com").path("id").asString();

		ScimHttp.Response response = this.scim.put("/Users/" + id, """
				{"schemas": ["%s"], "userName": "judy@example.com", "title": "Lead",
				 "name": {"givenName": "Judy", "familyName": "Kim", "honorificPrefix": "Dr."},
				 "favoriteColor": "teal"}""".formatted(USER_SCHEMA));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode user = response.json();
		assertThat(user.path("title").asString()).isEqualTo("Lead");
		assertThat(user.path("name").path("familyName").asString()).isEqualTo("Kim");
		assertThat(user.path("name").has("honorificPrefix")).isFalse();
		assertThat(user.has("favoriteColor")).isFalse();
		assertThat(this.scim.get("/Users/" + id).json()).isEqualTo(user);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"favoriteColor\": \"teal\", \"title\": \"Lead\"}", "{\"favoriteColor\": \"teal\"}" })
	void pathlessPatchIgnoresUnknownKeys(String value) {
		String path = "/Users/" + createUser(this.scim, "judy@example.com").path("id").asString();

		ScimHttp.Response response = this.scim.patch(path,
				patchBody("{\"op\": \"Replace\", \"value\": " + value + "}"));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode user = this.scim.get(path).json();
		assertThat(user).isEqualTo(response.json());
		assertThat(user.has("favoriteColor")).isFalse();
		assertThat(user.has("title")).isEqualTo(value.contains("title"));
	}

	@Test
	void groupFilterWithPlusAndMixedCase() {
		String id = createGroup(this.scim, "Sales").path("id").asString();
		createGroup(this.scim, "Sales EMEA");

		ScimHttp.Response response = this.scim.get("/Groups?filter=displayName+Eq+%22Sales%22");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().path("totalResults").asInt()).isEqualTo(1);
		assertThat(response.json().path("Resources").path(0).path("id").asString()).isEqualTo(id);
	}

	@Test
	void andFilterMatchesUserNameAndActive() {
		String active = createUser(this.scim, "a").path("id").asString();
		String inactive = createUser(this.scim, "b").path("id").asString();
		assertThat(this.scim
			.patch("/Users/" + inactive, patchBody("{\"op\": \"replace\", \"path\": \"active\", \"value\": false}"))
			.status()).isEqualTo(200);

		JsonNode activeA = find(this.scim, "/Users", "userName eq \"a\" and active eq true");
		JsonNode activeB = find(this.scim, "/Users", "userName eq \"b\" and active eq true");

		assertThat(activeA.path("totalResults").asInt()).isEqualTo(1);
		assertThat(activeA.path("Resources").path(0).path("id").asString()).isEqualTo(active);
		assertThat(activeB.path("totalResults").asInt()).isZero();
	}

	@Test
	void containsFilterMatchesTitleIgnoringCase() {
		List<String> matching = new ArrayList<>();
		for (String title : List.of("Engineer", "Senior engineer", "Designer")) {
			ScimHttp.Response created = this.scim.post("/Users", """
					{"schemas": ["%s"], "userName": "%s@example.com", "title": "%s"}""".formatted(USER_SCHEMA,
					title.replace(' ', '.'), title));
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			if (!title.equals("Designer")) {
				matching.add(created.json().path("id").asString());
			}
		}

		JsonNode found = find(this.scim, "/Users", "title co \"Eng\"");

		List<String> ids = new ArrayList<>();
		found.path("Resources").forEach((user) -> ids.add(user.path("id").asString()));
		assertThat(ids).containsExactlyInAnyOrderElementsOf(matching);
	}

	@Test
	void largeMemberAddAndReplace() {
		int size = 300;
		StringBuilder operations = new StringBuilder();
		for (int i = 0; i < size; i++) {
			if (i > 0) {
				operations.append(',');
			}
			operations.append("{\"method\": \"POST\", \"bulkId\": \"u")
				.append(i)
				.append("\", \"path\": \"/Users\",")
				.append(" \"data\": {\"userName\": \"bulk.")
				.append(i)
				.append("@example.com\"}}");
		}
		ScimHttp.Response bulk = this.scim.post("/Bulk", "{\"Operations\": [" + operations + "]}");
		assertThat(bulk.status()).as(bulk.body()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		for (JsonNode result : bulk.json().path("Operations")) {
			String location = result.path("location").asString();
			ids.add(location.substring(location.lastIndexOf('/') + 1));
		}
		String path = "/Groups/" + createGroup(this.scim, "All Staff").path("id").asString();

		ScimHttp.Response added = this.scim.patch(path,
				patchBody("{\"op\": \"add\", \"path\": \"members\", \"value\": [" + memberValues(ids) + "]}"));
		List<String> afterAdd = memberIds(this.scim, path);
		List<String> half = ids.subList(0, size / 2);
		ScimHttp.Response replaced = this.scim.put(path,
				ScimFixtures.groupBody("All Staff", half.toArray(String[]::new)));

		assertThat(ids).hasSize(size).doesNotHaveDuplicates();
		assertThat(added.status()).as(added.body()).isEqualTo(204);
		assertThat(afterAdd).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
		assertThat(memberIds(this.scim, path)).containsExactlyInAnyOrderElementsOf(half);
	}

	/** Returns the ids of the groups that list the user as a member. */
	private List<String> groupsOf(String userId) {
		List<String> ids = new ArrayList<>();
		find(this.scim, "/Groups", "members.value eq \"" + userId + "\"").path("Resources")
			.forEach((group) -> ids.add(group.path("id").asString()));
		return ids;
	}

	private static String add(String userId) {
		return patchBody("{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"value\": \"" + userId + "\"}]}");
	}

	private static String remove(String userId) {
		return patchBody("{\"op\": \"remove\", \"path\": \"members[value eq \\\"" + userId + "\\\"]\"}");
	}

	private static String memberValues(List<String> ids) {
		List<String> values = new ArrayList<>();
		for (String id : ids) {
			values.add("{\"value\": \"" + id + "\"}");
		}
		return String.join(", ", values);
	}

}
