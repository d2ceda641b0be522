package io.roster.scim;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.roster.support.ScimHttp;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resources that tests create over HTTP, and snapshots of a company's whole directory
 * that show whether a request changed anything.
 */
final class ScimFixtures {

	static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";

	static final String ENTERPRISE_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

	static final String ROSTER_SCHEMA = "urn:ietf:params:scim:schemas:extension:roster:2.0:User";

	static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

	static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

	private ScimFixtures() {
	}

	/** Returns a User body with a name, one work email and no other attributes. */
	static String userBody(String userName) {
		return """
				{
				  "schemas": ["%s"],
				  "userName": "%s",
				  "name": {"givenName": "Given", "familyName": "Family"},
				  "emails": [{"value": "%s", "type": "work", "primary": true}],
				  "active": true
				}""".formatted(USER_SCHEMA, userName, userName.toLowerCase(java.util.Locale.ROOT));
	}

	/** Returns a Group body whose members are the users with the given ids. */
	static String groupBody(String displayName, String... memberIds) {
		StringBuilder members = new StringBuilder();
		for (String id : memberIds) {
			if (members.length() > 0) {
				members.append(", ");
			}
			members.append("{\"value\": \"").append(id).append("\"}");
		}
		return """
				{"schemas": ["%s"], "displayName": "%s", "members": [%s]}""".formatted(GROUP_SCHEMA, displayName,
				members);
	}

	/** Returns a PATCH body with the given operations, each a JSON object. */
	static String patchBody(String... operations) {
		return """
				{"schemas": ["%s"], "Operations": [%s]}""".formatted(PATCH_SCHEMA, String.join(", ", operations));
	}

	/** Creates a User with {@link #userBody} and returns the created resource. */
	static JsonNode createUser(ScimHttp scim, String userName) {
		return created(scim.post("/Users", userBody(userName)));
	}

	/** Creates a Group and returns the created resource. */
	static JsonNode createGroup(ScimHttp scim, String displayName, String... memberIds) {
		return created(scim.post("/Groups", groupBody(displayName, memberIds)));
	}

	/** Reads one resource, such as {@code /Users/<id>}, and returns its JSON text. */
	static String read(ScimHttp scim, String path) {
		ScimHttp.Response response = scim.get(path);
		assertThat(response.status()).as("status of GET %s: %s", path, response.body()).isEqualTo(200);
		return response.body();
	}

	/**
	 * Lists the resources of an endpoint, such as {@code /Users}, that match a filter and
	 * returns the ListResponse.
	 */
	static JsonNode find(ScimHttp scim, String endpoint, String filter) {
		ScimHttp.Response response = scim
			.get(endpoint + "?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
		assertThat(response.status()).as("list with filter %s: %s", filter, response.body()).isEqualTo(200);
		return response.json();
	}

	/** Reads a Group, such as {@code /Groups/<id>}, and returns its members' ids. */
	static List<String> memberIds(ScimHttp scim, String groupPath) {
		ScimHttp.Response response = scim.get(groupPath);
		assertThat(response.status()).as("status of GET %s: %s", groupPath, response.body()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		response.json().path("members").forEach((member) -> ids.add(member.path("value").asString()));
		return ids;
	}

	/**
	 * Reads every User and Group of the token's company, so that a later snapshot shows
	 * whether anything changed in between.
	 */
	static DirectorySnapshot snapshot(ScimHttp scim) {
		return new DirectorySnapshot(read(scim, "/Users?count=1000"), read(scim, "/Groups?count=1000"));
	}

	private static JsonNode created(ScimHttp.Response response) {
		assertThat(response.status()).as("status of a create: %s", response.body()).isEqualTo(201);
		return response.json();
	}

	/** The list responses of a company's Users and Groups, as JSON text. */
	record DirectorySnapshot(String users, String groups) {
	}

}
