package io.roster.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import io.roster.support.RosterServer;
import io.roster.support.ScimHttp;
import io.roster.support.TestDatabase;
import io.roster.tenant.Plan;

import tools.jackson.databind.JsonNode;

import static io.roster.scim.ScimAssertions.assertScimError;
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
import static io.roster.scim.ScimFixtures.userBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests in the shapes Okta sends, from OIN integrations, custom (AIW) apps that update
 * by PUT, Group Push and imports, each checked in the response and again in what Roster
 * stored. The server pages {@value #DEFAULT_PAGE_SIZE} resources when a request sends no
 * {@code count}. Each test provisions a company of its own.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class OktaRequestTests {

	private static final int DEFAULT_PAGE_SIZE = 2;

	private static final String OKTA_AGENT = "Okta SCIM Client 1.0.0";

	/** Okta's create request for a new assignment, with its password and locale. */
	private static final String OKTA_USER = """
			{
			  "schemas": ["%s"],
			  "userName": "bob@example.com",
			  "name": {"givenName": "Bob", "familyName": "Jones"},
			  "emails": [{"primary": true, "value": "bob@example.com", "type": "work"}],
			  "displayName": "Bob Jones",
			  "locale": "en-US",
			  "externalId": "00uXXXXXXXXXXXXXXX01",
			  "groups": [],
			  "password": "Temp-Passw0rd!",
			  "active": true
			}""".formatted(USER_SCHEMA);

	private static RosterServer server;

	@Parameter
	TestDatabase database;

	private ScimHttp scim;

	@BeforeParameterizedClassInvocation
	static void startServer(TestDatabase database) {
		server = RosterServer.start(database, Map.of("roster.scim.default-page-size", DEFAULT_PAGE_SIZE));
	}

	@AfterParameterizedClassInvocation
	static void stopServer() {
		server.close();
	}

	@BeforeEach
	void newCompany() {
		this.scim = newScim();
	}

	@Test
	void userNameLookupIgnoresCase() {
		String id = createUser(this.scim, "alice.smith@example.com").path("id").asString();

		ScimHttp.Response response = this.scim.get(
				"/Users?filter=userName%20eq%20%22Alice.Smith%40Example.com%22&startIndex=1&count=100", "User-Agent",
				OKTA_AGENT);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode list = response.json();
		assertThat(list.path("totalResults").asInt()).isEqualTo(1);
		assertThat(list.path("itemsPerPage").asInt()).isEqualTo(1);
		assertThat(list.path("startIndex").asInt()).isEqualTo(1);
		assertThat(list.path("Resources").path(0).path("id").asString()).isEqualTo(id);
		assertThat(list.path("Resources").path(0).path("userName").asString()).isEqualTo("alice.smith@example.com");
	}

	@Test
	void createIgnoresPasswordLocaleAndGroups() {
		ScimHttp.Response response = this.scim.post("/Users", OKTA_USER, "User-Agent", OKTA_AGENT);

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode user = response.json();
		String id = user.path("id").asString();
		assertThat(user.path("userName").asString()).isEqualTo("bob@example.com");
		assertThat(user.path("name").path("givenName").asString()).isEqualTo("Bob");
		assertThat(user.path("name").path("familyName").asString()).isEqualTo("Jones");
		assertThat(user.path("displayName").asString()).isEqualTo("Bob Jones");
		assertThat(user.path("externalId").asString()).isEqualTo("00uXXXXXXXXXXXXXXX01");
		assertThat(user.path("emails").path(0).path("value").asString()).isEqualTo("bob@example.com");
		assertThat(user.path("active").booleanValue()).isTrue();
		assertThat(user.has("password")).isFalse();
		assertThat(user.has("locale")).isFalse();
		assertThat(response.body()).doesNotContain("Temp-Passw0rd!");
		ScimHttp.Response stored = this.scim.get("/Users/" + id);
		assertThat(stored.json()).isEqualTo(user);
		assertThat(stored.body()).doesNotContain("Temp-Passw0rd!");
		assertThat(find(this.scim, "/Groups", "members.value eq \"" + id + "\"").path("totalResults").asInt()).isZero();
	}

	@Test
	void repeatedCreateIsUniquenessOnlyWithinCompany() {
		assertThat(this.scim.post("/Users", OKTA_USER).status()).isEqualTo(201);
		ScimFixtures.DirectorySnapshot before = snapshot(this.scim);
		ScimHttp otherCompany = newScim();

		ScimHttp.Response repeated = this.scim.post("/Users", OKTA_USER);
		ScimHttp.Response inOtherCompany = otherCompany.post("/Users", OKTA_USER);

		assertScimError(repeated, 409, "uniqueness", "userName", "bob@example.com");
		assertThat(snapshot(this.scim)).isEqualTo(before);
		assertThat(inOtherCompany.status()).as(inOtherCompany.body()).isEqualTo(201);
		JsonNode found = find(otherCompany, "/Users", "userName eq \"bob@example.com\"");
		assertThat(found.path("Resources").path(0).path("id").asString())
			.isEqualTo(inOtherCompany.json().path("id").asString());
	}

	@Test
	void sharedEmailIsNotAConflict() {
		String first = createUser(this.scim, "bob@example.com").path("id").asString();

		ScimHttp.Response response = this.scim.post("/Users", """
				{"schemas": ["%s"], "userName": "bob.jones@example.com",
				 "emails": [{"value": "bob@example.com", "type": "work", "primary": true}]}""".formatted(USER_SCHEMA));

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode sharing = find(this.scim, "/Users", "emails.value eq \"bob@example.com\"");
		List<String> ids = new ArrayList<>();
		sharing.path("Resources").forEach((user) -> ids.add(user.path("id").asString()));
		assertThat(ids).containsExactlyInAnyOrder(first, response.json().path("id").asString());
	}

	@Test
	void pathlessReplaceDeactivatesUser() {
		String id = createUser(this.scim, "okta.leaver@example.com").path("id").asString();

		ScimHttp.Response response = this.scim.patch("/Users/" + id,
				patchBody("{\"op\": \"replace\", \"value\": {\"active\": false}}"));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().path("active").booleanValue()).isFalse();
		assertThat(this.scim.get("/Users/" + id).json().path("active").booleanValue()).isFalse();
		JsonNode found = find(this.scim, "/Users", "userName eq \"okta.leaver@example.com\"");
		assertThat(found.path("Resources").path(0).path("id").asString()).isEqualTo(id);
	}

	@Test
	void inactiveUserIsFoundAndReactivated() {
		String id = createUser(this.scim, "okta.returner@example.com").path("id").asString();
		assertThat(this.scim.patch("/Users/" + id, patchBody("{\"op\": \"replace\", \"value\": {\"active\": false}}"))
			.status()).isEqualTo(200);

		JsonNode found = find(this.scim, "/Users", "userName eq \"okta.returner@example.com\"");
		ScimHttp.Response response = this.scim.patch("/Users/" + id,
				patchBody("{\"op\": \"replace\", \"value\": {\"active\": true}}"));

		assertThat(found.path("totalResults").asInt()).isEqualTo(1);
		assertThat(found.path("Resources").path(0).path("id").asString()).isEqualTo(id);
		assertThat(found.path("Resources").path(0).path("active").booleanValue()).isFalse();
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().path("active").booleanValue()).isTrue();
		assertThat(this.scim.get("/Users/" + id).json().path("active").booleanValue()).isTrue();
	}

	@Test
	void putReplacesProfileAndClearsOmittedAttributes() {
		ScimHttp.Response created = this.scim.post("/Users", """
				{"schemas": ["%1$s", "%2$s"], "userName": "bob@example.com", "title": "Engineer",
				 "displayName": "Bob Jones", "name": {"givenName": "Bob", "familyName": "Jones"},
				 "%2$s": {"department": "Sales"}}""".formatted(USER_SCHEMA, ENTERPRISE_SCHEMA));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().path("id").asString();

		ScimHttp.Response response = this.scim.put("/Users/" + id,
				"""
						{
						  "schemas": ["%s"],
						  "id": "%s",
						  "userName": "bob@example.com",
						  "name": {"givenName": "Bob", "middleName": "", "familyName": "Jones-Lee"},
						  "emails": [{"primary": true, "value": "bob@example.com", "type": "work", "display": "bob@example.com"}],
						  "active": true,
						  "groups": [],
						  "meta": {"resourceType": "User"}
						}"""
					.formatted(USER_SCHEMA, id));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode user = response.json();
		assertThat(user.path("id").asString()).isEqualTo(id);
		assertThat(user.path("name").path("givenName").asString()).isEqualTo("Bob");
		assertThat(user.path("name").path("familyName").asString()).isEqualTo("Jones-Lee");
		assertThat(user.path("name").has("middleName")).isFalse();
		assertThat(user.path("emails").path(0).path("display").asString()).isEqualTo("bob@example.com");
		assertThat(user.has("title")).isFalse();
		assertThat(user.has("displayName")).isFalse();
		assertThat(user.has(ENTERPRISE_SCHEMA)).isFalse();
		assertThat(user.path("active").booleanValue()).isTrue();
		assertThat(user.path("meta").path("created").asString())
			.isEqualTo(created.json().path("meta").path("created").asString());
		assertThat(this.scim.get("/Users/" + id).json()).isEqualTo(user);
	}

	@Test
	void putWithActiveDeactivatesAndReactivates() {
		String id = createUser(this.scim, "aiw.user@example.com").path("id").asString();
		String inactive = userBody("aiw.user@example.com").replace("\"active\": true", "\"active\": false");

		ScimHttp.Response deactivated = this.scim.put("/Users/" + id, inactive);
		boolean storedAfterDeactivate = this.scim.get("/Users/" + id).json().path("active").booleanValue();
		ScimHttp.Response reactivated = this.scim.put("/Users/" + id, userBody("aiw.user@example.com"));

		assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);
		assertThat(deactivated.json().path("active").booleanValue()).isFalse();
		assertThat(storedAfterDeactivate).isFalse();
		assertThat(reactivated.status()).as(reactivated.body()).isEqualTo(200);
		assertThat(reactivated.json().path("active").booleanValue()).isTrue();
		assertThat(this.scim.get("/Users/" + id).json().path("active").booleanValue()).isTrue();
	}

	@Test
	void groupPushRepeatsOwnIdInReplace() {
		ScimHttp.Response created = this.scim.post("/Groups",
				"{\"schemas\": [\"" + GROUP_SCHEMA + "\"], \"displayName\": \"Sales EMEA\", \"members\": []}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().path("members").size()).isZero();
		String id = created.json().path("id").asString();
		String memberId = createUser(this.scim, "push.member@example.com").path("id").asString();
		assertThat(this.scim.patch("/Groups/" + id, patchBody("""
				{"op": "add", "path": "members", "value": [{"value": "%s"}]}""".formatted(memberId))).status())
			.isEqualTo(204);

		ScimHttp.Response unchanged = this.scim.patch("/Groups/" + id, patchBody("""
				{"op": "replace", "value": {"id": "%s", "displayName": "Sales EMEA"}}""".formatted(id)));
		ScimHttp.Response renamed = this.scim.patch("/Groups/" + id, patchBody("""
				{"op": "replace", "value": {"id": "%s", "displayName": "Sales EMEA North"}}""".formatted(id)));

		assertThat(unchanged.status()).as(unchanged.body()).isEqualTo(204);
		assertThat(renamed.status()).as(renamed.body()).isEqualTo(204);
		JsonNode group = this.scim.get("/Groups/" + id).json();
		assertThat(group.path("id").asString()).isEqualTo(id);
		assertThat(group.path("displayName").asString()).isEqualTo("Sales EMEA North");
		assertThat(memberIds(this.scim, "/Groups/" + id)).containsExactly(memberId);
	}

	@Test
	void groupPushWithOtherIdIsMutability() {
		String path = "/Groups/" + createGroup(this.scim, "Sales EMEA").path("id").asString();
		String before = read(this.scim, path);
		String otherId = UUID.randomUUID().toString();

		ScimHttp.Response response = this.scim.patch(path, patchBody("""
				{"op": "replace", "value": {"id": "%s", "displayName": "Sales APAC"}}""".formatted(otherId)));

		assertScimError(response, 400, "mutability", "'id'");
		assertThat(read(this.scim, path)).isEqualTo(before);
	}

	@Test
	void removeByFilterThenAdd() {
		String leaving = createUser(this.scim, "delta.leaving@example.com").path("id").asString();
		String staying = createUser(this.scim, "delta.staying@example.com").path("id").asString();
		String joining = createUser(this.scim, "delta.joining@example.com").path("id").asString();
		String outsider = createUser(this.scim, "delta.outsider@example.com").path("id").asString();
		String path = "/Groups/" + createGroup(this.scim, "Delta", leaving, staying).path("id").asString();

		ScimHttp.Response response = this.scim.patch(path, patchBody("""
				{"op": "remove", "path": "members[value eq \\"%s\\"]"}""".formatted(leaving), """
				{"op": "add", "path": "members", "value": [{"value": "%s", "display": "delta.joining@example.com"}]}"""
			.formatted(joining), """
					{"op": "remove", "path": "members[value eq \\"%s\\"]"}""".formatted(outsider)));

		assertThat(response.status()).as(response.body()).isEqualTo(204);
		assertThat(memberIds(this.scim, path)).containsExactlyInAnyOrder(staying, joining);
	}

	@Test
	void membershipDeltaAppliesAllOrNone() {
		String leaving = createUser(this.scim, "atomic.leaving@example.com").path("id").asString();
		String path = "/Groups/" + createGroup(this.scim, "Atomic", leaving).path("id").asString();
		String before = read(this.scim, path);
		String unknown = UUID.randomUUID().toString();

		ScimHttp.Response response = this.scim.patch(path, patchBody("""
				{"op": "remove", "path": "members[value eq \\"%s\\"]"}""".formatted(leaving), """
				{"op": "add", "path": "members", "value": [{"value": "%s"}]}""".formatted(unknown)));

		assertScimError(response, 400, "invalidValue", unknown);
		assertThat(read(this.scim, path)).isEqualTo(before);
		assertThat(memberIds(this.scim, path)).containsExactly(leaving);
	}

	@Test
	void memberReplaceSetsExactMembers() {
		String first = createUser(this.scim, "replace.first@example.com").path("id").asString();
		String second = createUser(this.scim, "replace.second@example.com").path("id").asString();
		String dropped = createUser(this.scim, "replace.dropped@example.com").path("id").asString();
		String path = "/Groups/" + createGroup(this.scim, "Replaced", first, dropped).path("id").asString();

		ScimHttp.Response replaced = this.scim.patch(path, patchBody("""
				{"op": "replace", "path": "members", "value": [
				  {"value": "%s", "display": "replace.first@example.com"},
				  {"value": "%s", "display": "replace.second@example.com"}]}""".formatted(first, second)));
		List<String> afterReplace = memberIds(this.scim, path);
		ScimHttp.Response emptied = this.scim.patch(path,
				patchBody("{\"op\": \"replace\", \"path\": \"members\", \"value\": []}"));

		assertThat(replaced.status()).as(replaced.body()).isEqualTo(204);
		assertThat(afterReplace).containsExactlyInAnyOrder(first, second);
		assertThat(emptied.status()).as(emptied.body()).isEqualTo(204);
		assertThat(memberIds(this.scim, path)).isEmpty();
	}

	@Test
	void groupPutSetsExactMembers() {
		String first = createUser(this.scim, "put.first@example.com").path("id").asString();
		String second = createUser(this.scim, "put.second@example.com").path("id").asString();
		String dropped = createUser(this.scim, "put.dropped@example.com").path("id").asString();
		String id = createGroup(this.scim, "Sales EMEA", dropped).path("id").asString();
		String body = """
				{"schemas": ["%s"], "id": "%s", "displayName": "Sales EMEA", "members": [%s]}""";
		String twoMembers = "{\"value\": \"" + first + "\"}, {\"value\": \"" + second + "\"}";

		ScimHttp.Response put = this.scim.put("/Groups/" + id, body.formatted(GROUP_SCHEMA, id, twoMembers));
		List<String> afterPut = memberIds(this.scim, "/Groups/" + id);
		ScimHttp.Response repeated = this.scim.put("/Groups/" + id, body.formatted(GROUP_SCHEMA, id, twoMembers));
		List<String> afterRepeat = memberIds(this.scim, "/Groups/" + id);
		ScimHttp.Response emptied = this.scim.put("/Groups/" + id, body.formatted(GROUP_SCHEMA, id, ""));

		assertThat(put.status()).as(put.body()).isEqualTo(200);
		assertThat(afterPut).containsExactlyInAnyOrder(first, second);
		assertThat(repeated.status()).as(repeated.body()).isEqualTo(200);
		assertThat(afterRepeat).containsExactlyInAnyOrder(first, second);
		assertThat(emptied.status()).as(emptied.body()).isEqualTo(200);
		assertThat(emptied.json().path("members").size()).isZero();
		assertThat(memberIds(this.scim, "/Groups/" + id)).isEmpty();
		assertThat(this.scim.get("/Groups/" + id).json().path("displayName").asString()).isEqualTo("Sales EMEA");
	}

	@Test
	void importPagesAfterFilteringWithIntegerCounts() {
		List<String> engineers = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			String title = (i % 2 == 0) ? "Engineer" : "Designer";
			ScimHttp.Response created = this.scim.post("/Users", """
					{"schemas": ["%s"], "userName": "import.%d@example.com", "title": "%s"}""".formatted(USER_SCHEMA, i,
					title));
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			if (title.equals("Engineer")) {
				engineers.add(created.json().path("id").asString());
			}
		}
		String filter = "&filter=title%20eq%20%22Engineer%22";

		List<String> seen = new ArrayList<>();
		for (int start = 1; start <= engineers.size(); start += 2) {
			JsonNode page = this.scim.get("/Users?startIndex=" + start + "&count=2" + filter).json();

			assertThat(page.path("totalResults").isIntegralNumber()).isTrue();
			assertThat(page.path("startIndex").isIntegralNumber()).isTrue();
			assertThat(page.path("itemsPerPage").isIntegralNumber()).isTrue();
			assertThat(page.path("totalResults").asInt()).isEqualTo(engineers.size());
			assertThat(page.path("startIndex").asInt()).isEqualTo(start);
			assertThat(page.path("itemsPerPage").asInt()).isEqualTo(page.path("Resources").size());
			page.path("Resources").forEach((user) -> seen.add(user.path("id").asString()));
		}
		JsonNode pastEnd = this.scim.get("/Users?startIndex=" + (engineers.size() + 1) + "&count=2" + filter).json();

		assertThat(seen).containsExactlyInAnyOrderElementsOf(engineers);
		assertThat(pastEnd.path("totalResults").asInt()).isEqualTo(engineers.size());
		assertThat(pastEnd.path("Resources").isArray()).isTrue();
		assertThat(pastEnd.path("Resources").size()).isZero();
	}

	@Test
	void importPagesGroupsLikeUsers() {
		List<String> groups = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			groups.add(createGroup(this.scim, "Imported " + i).path("id").asString());
		}

		JsonNode first = this.scim.get("/Groups?startIndex=1&count=2").json();
		JsonNode second = this.scim.get("/Groups?startIndex=3&count=2").json();

		List<String> seen = new ArrayList<>();
		first.path("Resources").forEach((group) -> seen.add(group.path("id").asString()));
		second.path("Resources").forEach((group) -> seen.add(group.path("id").asString()));
		assertThat(first.path("itemsPerPage").asInt()).isEqualTo(2);
		assertThat(second.path("itemsPerPage").asInt()).isEqualTo(1);
		assertThat(second.path("totalResults").asInt()).isEqualTo(3);
		assertThat(seen).containsExactlyInAnyOrderElementsOf(groups);
	}

	@Test
	void pagingWithoutValuesUsesDefaults() {
		for (int i = 0; i < DEFAULT_PAGE_SIZE + 1; i++) {
			createUser(this.scim, "default." + i + "@example.com");
		}

		JsonNode missing = this.scim.get("/Users").json();
		JsonNode empty = this.scim.get("/Users?startIndex=&count=").json();
		ScimHttp.Response nonNumeric = this.scim.get("/Users?startIndex=abc&count=");

		for (JsonNode list : List.of(missing, empty)) {
			assertThat(list.path("startIndex").asInt()).isEqualTo(1);
			assertThat(list.path("totalResults").asInt()).isEqualTo(DEFAULT_PAGE_SIZE + 1);
			assertThat(list.path("itemsPerPage").asInt()).isEqualTo(DEFAULT_PAGE_SIZE);
			assertThat(list.path("Resources").size()).isEqualTo(DEFAULT_PAGE_SIZE);
		}
		assertScimError(nonNumeric, 400, "invalidValue", "'startIndex'", "abc");
	}

	@Test
	void externalIdFilterComparesExactly() {
		assertThat(this.scim.post("/Users", OKTA_USER).status()).isEqualTo(201);

		JsonNode exact = find(this.scim, "/Users", "externalId eq \"00uXXXXXXXXXXXXXXX01\"");
		JsonNode otherCase = find(this.scim, "/Users", "externalId eq \"00uxxxxxxxxxxxxxxx01\"");

		assertThat(exact.path("totalResults").asInt()).isEqualTo(1);
		assertThat(exact.path("Resources").path(0).path("userName").asString()).isEqualTo("bob@example.com");
		assertThat(otherCase.path("totalResults").asInt()).isZero();
	}

	@Test
	void passwordSyncIsIgnoredAndNeverReturned() {
		String path = "/Users/" + createUser(this.scim, "password.sync@example.com").path("id").asString();
		String before = read(this.scim, path);

		ScimHttp.Response response = this.scim.patch(path,
				patchBody("{\"op\": \"replace\", \"value\": {\"password\": \"N3w-Temp-Pass!\"}}"));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().has("password")).isFalse();
		assertThat(response.body()).doesNotContain("N3w-Temp-Pass!");
		assertThat(read(this.scim, path)).isEqualTo(before);
	}

	@Test
	void rehireWithNewExternalIdIsUniqueness() {
		ScimHttp.Response created = this.scim.post("/Users", OKTA_USER);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String path = "/Users/" + created.json().path("id").asString();
		assertThat(this.scim.patch(path, patchBody("{\"op\": \"replace\", \"value\": {\"active\": false}}")).status())
			.isEqualTo(200);
		ScimFixtures.DirectorySnapshot before = snapshot(this.scim);

		ScimHttp.Response response = this.scim.post("/Users", """
				{"schemas": ["%s"], "userName": "bob@example.com", "externalId": "NEW-ext-id-2026", "active": true,
				 "name": {"givenName": "Bob", "familyName": "Jones"},
				 "emails": [{"type": "work", "primary": true, "value": "bob@example.com"}]}""".formatted(USER_SCHEMA));

		assertScimError(response, 409, "uniqueness", "bob@example.com");
		assertThat(snapshot(this.scim)).isEqualTo(before);
		JsonNode stored = this.scim.get(path).json();
		assertThat(stored.path("active").booleanValue()).isFalse();
		assertThat(stored.path("externalId").asString()).isEqualTo("00uXXXXXXXXXXXXXXX01");
	}

	private static ScimHttp newScim() {
		return new ScimHttp(server.scimUrl(), server.tokenOfNewCompany("Okta " + UUID.randomUUID(), Plan.ENTERPRISE));
	}

}
