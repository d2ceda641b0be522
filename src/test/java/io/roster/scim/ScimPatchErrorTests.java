package io.roster.scim;

import java.util.UUID;

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
import io.roster.tenant.Plan;

import static io.roster.scim.ScimAssertions.assertScimError;
import static io.roster.scim.ScimFixtures.createGroup;
import static io.roster.scim.ScimFixtures.createUser;
import static io.roster.scim.ScimFixtures.patchBody;
import static io.roster.scim.ScimFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PATCH requests (RFC 7644 section 3.5.2) that Roster rejects, on Users and on Groups.
 * Each rejection is a SCIM error naming the fault, and the resource reads back exactly as
 * before, version included.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ScimPatchErrorTests {

	private static RosterServer server;

	private static ScimHttp scim;

	private static int created;

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
	@ValueSource(strings = { "Users", "Groups" })
	void patchOfUnknownAttributeIsInvalidPath(String endpoint) {
		String path = create(endpoint);
		String before = read(scim, path);

		ScimHttp.Response response = scim.patch(path,
				patchBody("{\"op\": \"replace\", \"path\": \"favoriteColor\", \"value\": \"teal\"}"));

		assertScimError(response, 400, "invalidPath", "favoriteColor");
		assertThat(read(scim, path)).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Users", "Groups" })
	void patchWithUnparsablePathIsInvalidPath(String endpoint) {
		String path = create(endpoint);
		String before = read(scim, path);

		ScimHttp.Response response = scim.patch(path,
				patchBody("{\"op\": \"replace\", \"path\": \"display name\", \"value\": \"x\"}"));

		assertScimError(response, 400, "invalidPath", "display name");
		assertThat(read(scim, path)).isEqualTo(before);
	}

	@Test
	void patchPathMissingBracketIsInvalidPath() {
		String userId = createUser(scim, "unclosed.member@example.com").path("id").asString();
		String path = "/Groups/" + createGroup(scim, "Unclosed Filter", userId).path("id").asString();
		String before = read(scim, path);

		ScimHttp.Response response = scim.patch(path,
				patchBody("{\"op\": \"remove\", \"path\": \"members[value eq \\\"" + userId + "\\\"\"}"));

		assertScimError(response, 400, "invalidPath", "members[value eq");
		assertThat(read(scim, path)).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Users", "Groups" })
	void patchOfIdIsMutability(String endpoint) {
		String path = create(endpoint);
		String before = read(scim, path);

		ScimHttp.Response response = scim.patch(path,
				patchBody("{\"op\": \"replace\", \"path\": \"id\", \"value\": \"" + UUID.randomUUID() + "\"}"));

		assertScimError(response, 400, "mutability", "'id'");
		assertThat(read(scim, path)).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Users", "Groups" })
	void patchWithUnknownOpIsInvalidSyntax(String endpoint) {
		String path = create(endpoint);
		String before = read(scim, path);

		ScimHttp.Response response = scim.patch(path,
				patchBody("{\"op\": \"upsert\", \"path\": \"externalId\", \"value\": \"x\"}"));

		assertScimError(response, 400, "invalidSyntax", "'op'", "upsert");
		assertThat(read(scim, path)).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Users", "Groups" })
	void patchWithoutOpIsInvalidSyntax(String endpoint) {
		String path = create(endpoint);
		String before = read(scim, path);

		ScimHttp.Response response = scim.patch(path, patchBody("{\"path\": \"externalId\", \"value\": \"x\"}"));

		assertScimError(response, 400, "invalidSyntax", "'op'");
		assertThat(read(scim, path)).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Users", "Groups" })
	void patchWithoutOperationsIsInvalidSyntax(String endpoint) {
		String path = create(endpoint);
		String before = read(scim, path);

		ScimHttp.Response response = scim.patch(path,
				"{\"schemas\": [\"" + ScimFixtures.PATCH_SCHEMA + "\"], \"op\": \"replace\"}");

		assertScimError(response, 400, "invalidSyntax", "'Operations'");
		assertThat(read(scim, path)).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Users", "Groups" })
	void patchWithEmptyOperationsIsInvalidSyntax(String endpoint) {
		String path = create(endpoint);
		String before = read(scim, path);

		ScimHttp.Response response = scim.patch(path, patchBody());

		assertScimError(response, 400, "invalidSyntax", "'Operations'");
		assertThat(read(scim, path)).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Users", "Groups" })
	void patchWithEmptyObjectValueIsInvalidValue(String endpoint) {
		String path = create(endpoint);
		String before = read(scim, path);

		ScimHttp.Response response = scim.patch(path,
				patchBody("{\"op\": \"replace\", \"path\": \"displayName\", \"value\": {}}"));

		assertScimError(response, 400, "invalidValue", "empty object", "'displayName'");
		assertThat(read(scim, path)).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Users", "Groups" })
	void removeWithoutPathIsNoTarget(String endpoint) {
		String path = create(endpoint);
		String before = read(scim, path);

		ScimHttp.Response response = scim.patch(path, patchBody("{\"op\": \"remove\"}"));

		assertScimError(response, 400, "noTarget", "'path'");
		assertThat(read(scim, path)).isEqualTo(before);
	}

	@Test
	void replaceOfActiveWithTextIsInvalidValue() {
		String path = create("Users");
		String before = read(scim, path);

		ScimHttp.Response response = scim.patch(path,
				patchBody("{\"op\": \"replace\", \"path\": \"active\", \"value\": \"sometimes\"}"));

		assertScimError(response, 400, "invalidValue", "'active'", "sometimes");
		assertThat(read(scim, path)).isEqualTo(before);
	}

	@Test
	void memberAddWithUnknownUserIsInvalidValue() {
		String memberId = createUser(scim, "existing.member@example.com").path("id").asString();
		String path = "/Groups/" + createGroup(scim, "Known Members", memberId).path("id").asString();
		String before = read(scim, path);
		String unknownId = UUID.randomUUID().toString();

		ScimHttp.Response response = scim.patch(path,
				patchBody("{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"value\": \"" + unknownId + "\"}]}"));

		assertScimError(response, 400, "invalidValue", "members", unknownId);
		assertThat(read(scim, path)).isEqualTo(before);
	}

	@Test
	void memberAddOfForeignUserIsInvalidValue() {
		ScimHttp other = new ScimHttp(server.scimUrl(), server.tokenOfNewCompany("Other Company", Plan.ENTERPRISE));
		String outsiderId = createUser(other, "outsider@example.com").path("id").asString();
		String path = "/Groups/" + createGroup(scim, "Insiders Only").path("id").asString();
		String before = read(scim, path);

		ScimHttp.Response response = scim.patch(path, patchBody(
				"{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"value\": \"" + outsiderId + "\"}]}"));

		assertScimError(response, 400, "invalidValue", "members", outsiderId);
		assertThat(read(scim, path)).isEqualTo(before);
	}

	@Test
	void memberAddToMissingGroupIsNotFound() {
		String path = "/Groups/" + UUID.randomUUID();
		String unknownId = UUID.randomUUID().toString();

		ScimHttp.Response response = scim.patch(path,
				patchBody("{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"value\": \"" + unknownId + "\"}]}"));

		assertThat(response.status()).as(response.body()).isEqualTo(404);
	}

	/** Creates a User or a Group and returns its path, such as {@code /Users/<id>}. */
	private static String create(String endpoint) {
		created++;
		String id = endpoint.equals("Users")
				? createUser(scim, "patch.target." + created + "@example.com").path("id").asString()
				: createGroup(scim, "Patch Target " + created).path("id").asString();
		return "/" + endpoint + "/" + id;
	}

}
