package io.roster.scim;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.roster.support.RosterServer;
import io.roster.support.ScimHttp;
import io.roster.support.TestDatabase;

import tools.jackson.databind.JsonNode;

import static io.roster.scim.ScimAssertions.assertScimError;
import static io.roster.scim.ScimFixtures.createGroup;
import static io.roster.scim.ScimFixtures.createUser;
import static io.roster.scim.ScimFixtures.patchBody;
import static io.roster.scim.ScimFixtures.read;
import static io.roster.scim.ScimFixtures.snapshot;
import static io.roster.scim.ScimFixtures.userBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests whose content Roster rejects: values of the wrong JSON type, missing required
 * attributes, names already taken, filters it cannot evaluate exactly, paging parameters
 * that are not numbers, a PUT whose body names another resource, and a stale
 * {@code If-Match}. Each rejection is a SCIM error naming the fault and changes nothing.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ScimValidationErrorTests {

	private static RosterServer server;

	private static ScimHttp scim;

	@Parameter
	TestDatabase database;

	@BeforeParameterizedClassInvocation
	static void startServer(TestDatabase database) {
		server = RosterServer.start(database);
		scim = new ScimHttp(server.scimUrl(), server.demoToken());
		// A user that a leniently read filter would match, so an accepted filter shows
		// as a non-empty 200 rather than passing unnoticed.
		createUser(scim, "alice");
	}

	@AfterParameterizedClassInvocation
	static void stopServer() {
		server.close();
	}

	@Test
	void createWithNumericUserNameIsInvalidValue() {
		ScimFixtures.DirectorySnapshot before = snapshot(scim);

		ScimHttp.Response response = scim.post("/Users", """
				{"schemas": ["%s"], "userName": 42}""".formatted(ScimFixtures.USER_SCHEMA));

		assertScimError(response, 400, "invalidValue", "'userName'", "42");
		assertThat(snapshot(scim)).isEqualTo(before);
	}

	@Test
	void createWithActiveAsObjectIsInvalidValue() {
		ScimFixtures.DirectorySnapshot before = snapshot(scim);

		ScimHttp.Response response = scim.post("/Users", """
				{"schemas": ["%s"], "userName": "object.active@example.com", "active": {"value": true}}"""
			.formatted(ScimFixtures.USER_SCHEMA));

		assertScimError(response, 400, "invalidValue", "'active'", "object");
		assertThat(snapshot(scim)).isEqualTo(before);
	}

	@Test
	void createWithEmailsObjectIsInvalidValue() {
		ScimFixtures.DirectorySnapshot before = snapshot(scim);

		ScimHttp.Response response = scim.post("/Users", """
				{"schemas": ["%s"], "userName": "single.email@example.com",
				 "emails": {"value": "single.email@example.com"}}""".formatted(ScimFixtures.USER_SCHEMA));

		assertScimError(response, 400, "invalidValue", "'emails'", "array");
		assertThat(snapshot(scim)).isEqualTo(before);
	}

	@Test
	void createWithoutUserNameIsInvalidValue() {
		ScimFixtures.DirectorySnapshot before = snapshot(scim);

		ScimHttp.Response response = scim.post("/Users", """
				{"schemas": ["%s"], "displayName": "Nobody"}""".formatted(ScimFixtures.USER_SCHEMA));

		assertScimError(response, 400, "invalidValue", "'userName' is required");
		assertThat(snapshot(scim)).isEqualTo(before);
	}

	@Test
	void createGroupWithoutDisplayNameIsInvalidValue() {
		ScimFixtures.DirectorySnapshot before = snapshot(scim);

		ScimHttp.Response response = scim.post("/Groups", """
				{"schemas": ["%s"], "externalId": "no-name"}""".formatted(ScimFixtures.GROUP_SCHEMA));

		assertScimError(response, 400, "invalidValue", "'displayName' is required");
		assertThat(snapshot(scim)).isEqualTo(before);
	}

	@Test
	void createWithTakenUserNameIsUniqueness() {
		createUser(scim, "Taken.Name@Example.com");
		ScimFixtures.DirectorySnapshot before = snapshot(scim);

		ScimHttp.Response response = scim.post("/Users", userBody("taken.name@EXAMPLE.COM"));

		assertScimError(response, 409, "uniqueness", "userName", "taken.name@EXAMPLE.COM");
		assertThat(snapshot(scim)).isEqualTo(before);
	}

	@Test
	void createGroupWithTakenNameIsUniqueness() {
		createGroup(scim, "Platform Engineering");
		ScimFixtures.DirectorySnapshot before = snapshot(scim);

		ScimHttp.Response response = scim.post("/Groups", ScimFixtures.groupBody("PLATFORM engineering"));

		assertScimError(response, 409, "uniqueness", "displayName", "PLATFORM engineering");
		assertThat(snapshot(scim)).isEqualTo(before);
	}

	@Test
	void renameToTakenUserNameIsUniqueness() {
		createUser(scim, "First.Owner@Example.com");
		String id = createUser(scim, "Second.Owner@Example.com").path("id").asString();
		String before = read(scim, "/Users/" + id);

		ScimHttp.Response response = scim.patch("/Users/" + id,
				patchBody("{\"op\": \"replace\", \"path\": \"userName\", \"value\": \"FIRST.owner@example.com\"}"));

		assertScimError(response, 409, "uniqueness", "FIRST.owner@example.com");
		assertThat(read(scim, "/Users/" + id)).isEqualTo(before);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			password eq "secret"                      | password
			userName eq alice                         | comparison value at position 12
			active gt true                            | active
			userName eq 42                            | userName
			meta.created co "2026"                    | meta.created
			meta.created gt "yesterday"               | yesterday
			emails[display eq "x"] and                | end of filter string
			userName xx "a"                           | xx
			emails[type eq "work"                     | has no matching
			urn:example:custom:2.0:User:shoe eq "9"   | urn:example:custom:2.0:User
			emails.verified eq true                   | verified
			(userName eq "alice"                      | end of filter string
			userName eq "alice")                      | No opening parenthesis
			userName eq "alice                        | closing quote
			emails[type eq "work"]]                   | position 22
			emails[type eq "work"] or                 | end of filter string
			not userName eq "alice"                   | position 4
			userName eq "alice" userName eq "bob"     | position 20
			""")
	void listWithUnusableFilterIsInvalidFilter(String filter, String fault) {
		ScimHttp.Response response = scim.get("/Users?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));

		assertScimError(response, 400, "invalidFilter", fault);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			members.type eq "Group"   | members.type
			displayName gt 3          | displayName
			owner eq "someone"        | owner
			""")
	void listGroupsWithUnusableFilterIsInvalidFilter(String filter, String fault) {
		ScimHttp.Response response = scim.get("/Groups?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));

		assertScimError(response, 400, "invalidFilter", fault);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			startIndex=first    | startIndex
			count=ten           | count
			startIndex=1.5      | startIndex
			count=0x10          | count
			""")
	void listWithNonNumericPagingIsInvalidValue(String query, String parameter) {
		ScimHttp.Response response = scim.get("/Users?" + query);

		assertScimError(response, 400, "invalidValue", "'" + parameter + "'", query.substring(query.indexOf('=') + 1));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Users", "Groups" })
	void replaceWithOtherIdInBodyIsInvalidValue(String endpoint) {
		String id = create(endpoint, "Id Mismatch " + endpoint);
		String otherId = create(endpoint, "Id Mismatch Other " + endpoint);
		String before = read(scim, "/" + endpoint + "/" + id);
		String otherResource = read(scim, "/" + endpoint + "/" + otherId);

		ScimHttp.Response response = scim.put("/" + endpoint + "/" + id, otherResource);

		assertScimError(response, 400, "invalidValue", "'id'", otherId, id);
		assertThat(read(scim, "/" + endpoint + "/" + id)).isEqualTo(before);
		assertThat(read(scim, "/" + endpoint + "/" + otherId)).contains(otherId);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Users  | PUT
			Users  | PATCH
			Users  | DELETE
			Groups | PUT
			Groups | PATCH
			Groups | DELETE
			""")
	void changeWithStaleIfMatchIsPreconditionFailed(String endpoint, String method) {
		String id = create(endpoint, "Stale " + endpoint + " " + method);
		String path = "/" + endpoint + "/" + id;
		ScimHttp.Response renamed = scim.patch(path,
				patchBody("{\"op\": \"replace\", \"value\": {\"externalId\": \"renamed-" + method + "\"}}"), "If-Match",
				"W/\"1\"");
		assertThat(renamed.status()).as("first change: %s", renamed.body()).isIn(200, 204);
		String before = read(scim, path);
		String body = switch (method) {
			case "PUT" -> before;
			case "PATCH" -> patchBody("{\"op\": \"replace\", \"path\": \"externalId\", \"value\": \"late\"}");
			default -> null;
		};

		ScimHttp.Response response = scim.send(method, path, body, "If-Match", "W/\"1\"");

		assertScimError(response, 412, null, id, "1");
		assertThat(read(scim, path)).isEqualTo(before);
	}

	/**
	 * Creates a User or a Group whose name derives from {@code name} and returns its id.
	 */
	private static String create(String endpoint, String name) {
		JsonNode created = endpoint.equals("Users") ? createUser(scim, name.replace(' ', '.') + "@example.com")
				: createGroup(scim, name);
		return created.path("id").asString();
	}

}
