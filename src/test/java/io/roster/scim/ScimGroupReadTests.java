package io.roster.scim;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /Groups/<id>} and the Group lists with members stream the Groups: the text
 * of a Group is the same in both, whatever the team's size.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ScimGroupReadTests {

	private static final int LARGE_TEAM = 2500;

	private static final int USERS_PER_BULK = 900;

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
	void largeGroupListsEveryMemberOnce() {
		ScimHttp scim = newCompany();
		List<String> userIds = createUsers(scim, LARGE_TEAM);
		String id = createGroup(scim, userIds);

		ScimHttp.Response read = scim.get("/Groups/" + id);

		assertThat(read.status()).isEqualTo(200);
		assertThat(read.http().headers().firstValue("Content-Length")).as("sent in chunks as written").isEmpty();
		List<String> members = new ArrayList<>();
		read.json().get("members").forEach((member) -> members.add(member.get("value").asString()));
		assertThat(members).hasSize(LARGE_TEAM).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(userIds);
		assertThat(listed(scim, id, "")).contains(read.body());
	}

	@Test
	void listPagesStreamEveryMember() {
		ScimHttp scim = newCompany();
		List<String> userIds = createUsers(scim, LARGE_TEAM);
		String large = createGroup(scim, userIds);
		String small = createGroup(scim, userIds.subList(0, 3));
		String empty = createGroup(scim, List.of());

		ScimHttp.Response list = scim.get("/Groups");

		assertThat(list.status()).as(list.body()).isEqualTo(200);
		assertThat(list.http().headers().firstValue("Content-Length")).as("sent in chunks as written").isEmpty();
		assertThat(list.header("Content-Type")).startsWith(ScimJson.MEDIA_TYPE_VALUE);
		assertThat(list.json().get("totalResults").asInt()).isEqualTo(3);
		assertThat(list.json().get("itemsPerPage").asInt()).isEqualTo(3);
		assertThat(list.json().get("startIndex").asInt()).isEqualTo(1);
		Map<String, List<String>> members = new HashMap<>();
		for (JsonNode group : list.json().get("Resources")) {
			List<String> values = new ArrayList<>();
			JsonNode array = group.get("members");
			if (array != null) {
				array.forEach((member) -> values.add(member.get("value").asString()));
			}
			members.put(group.get("id").asString(), values);
		}
		assertThat(members.get(large)).hasSize(LARGE_TEAM).containsExactlyInAnyOrderElementsOf(userIds);
		assertThat(members.get(small)).containsExactlyInAnyOrderElementsOf(userIds.subList(0, 3));
		assertThat(members.get(empty)).isEmpty();

		ScimHttp.Response page = scim.get("/Groups?startIndex=2&count=1&attributes=members.value");
		assertThat(page.json().get("itemsPerPage").asInt()).isEqualTo(1);
		assertThat(page.json().get("startIndex").asInt()).isEqualTo(2);
		assertThat(page.json().get("Resources")).hasSize(1);
		assertThat(page.json().get("Resources").get(0).propertyNames()).containsExactly("schemas", "id", "members");

		ScimHttp.Response search = scim.post("/Groups/.search",
				"{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"]," + "\"filter\":\"id eq \\\""
						+ small + "\\\"\"}");
		assertThat(search.status()).as(search.body()).isEqualTo(200);
		assertThat(search.json().get("Resources").get(0).get("members")).hasSize(3);
	}

	@Test
	void listWithoutMembersIsSentWhole() {
		ScimHttp scim = newCompany();
		createGroup(scim, createUsers(scim, 2));

		ScimHttp.Response list = scim.get("/Groups?excludedAttributes=members");

		assertThat(list.status()).isEqualTo(200);
		assertThat(list.http().headers().firstValue("Content-Length")).isPresent();
		assertThat(list.json().get("Resources").get(0).get("members")).isNull();
	}

	@Test
	void smallGroupMatchesListResponse() {
		ScimHttp scim = newCompany();
		String id = createGroup(scim, createUsers(scim, 3));

		for (String projection : List.of("", "attributes=members", "attributes=displayName,members.value",
				"excludedAttributes=members.display", "excludedAttributes=meta", "excludedAttributes=members",
				"attributes=displayName")) {
			ScimHttp.Response read = scim.get("/Groups/" + id + "?" + projection);

			assertThat(read.status()).as(projection).isEqualTo(200);
			assertThat(listed(scim, id, projection)).as(projection).contains(read.body());
		}
	}

	@Test
	void membersProjectionsKeepTheirAttributes() {
		ScimHttp scim = newCompany();
		String id = createGroup(scim, createUsers(scim, 2));

		JsonNode onlyMembers = scim.get("/Groups/" + id + "?attributes=members").json();
		JsonNode withoutMembers = scim.get("/Groups/" + id + "?excludedAttributes=members").json();

		assertThat(onlyMembers.propertyNames()).containsExactly("schemas", "id", "members");
		assertThat(onlyMembers.get("members")).hasSize(2);
		assertThat(withoutMembers.propertyNames()).containsExactly("schemas", "id", "displayName", "meta");
	}

	@Test
	void streamedGroupKeepsHeaders() {
		ScimHttp scim = newCompany();
		String id = createGroup(scim, createUsers(scim, 2));

		ScimHttp.Response streamed = scim.get("/Groups/" + id);
		ScimHttp.Response whole = scim.get("/Groups/" + id + "?excludedAttributes=members");

		assertThat(streamed.header("Content-Type")).isEqualTo(whole.header("Content-Type"));
		assertThat(streamed.header("Content-Type")).startsWith(ScimJson.MEDIA_TYPE_VALUE);
		assertThat(streamed.header("ETag")).isEqualTo(whole.header("ETag"))
			.isEqualTo(streamed.json().get("meta").get("version").asString());
		assertThat(streamed.header("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	@Test
	void unchangedGroupIsNotModified() {
		ScimHttp scim = newCompany();
		String id = createGroup(scim, createUsers(scim, 2));
		String etag = scim.get("/Groups/" + id).header("ETag");

		ScimHttp.Response unchanged = scim.get("/Groups/" + id, "If-None-Match", etag);

		assertThat(unchanged.status()).isEqualTo(304);
		assertThat(unchanged.body()).isEmpty();
		assertThat(unchanged.header("ETag")).isEqualTo(etag);
	}

	@Test
	void unknownGroupIsNotFound() {
		ScimHttp scim = newCompany();

		ScimHttp.Response missing = scim.get("/Groups/no-such-group");

		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.json().get("status").asString()).isEqualTo("404");
	}

	private static String listed(ScimHttp scim, String id, String projection) {
		String filter = URLEncoder.encode("id eq \"" + id + "\"", StandardCharsets.UTF_8);
		ScimHttp.Response list = scim.get("/Groups?filter=" + filter + (projection.isEmpty() ? "" : "&" + projection));
		assertThat(list.status()).as(list.body()).isEqualTo(200);
		assertThat(list.json().get("totalResults").asInt()).isEqualTo(1);
		return list.body();
	}

	private static List<String> createUsers(ScimHttp scim, int count) {
		List<String> ids = new ArrayList<>();
		for (int first = 0; first < count; first += USERS_PER_BULK) {
			List<String> posts = new ArrayList<>();
			for (int i = first; i < Math.min(count, first + USERS_PER_BULK); i++) {
				posts
					.add("{\"method\":\"POST\",\"bulkId\":\"u" + i + "\",\"path\":\"/Users\",\"data\":{\"userName\":\"u"
							+ i + "@x.test\",\"displayName\":\"User " + i + "\"}}");
			}
			ScimHttp.Response bulk = scim.post("/Bulk", "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:"
					+ "BulkRequest\"],\"Operations\":[" + String.join(",", posts) + "]}");
			assertThat(bulk.status()).as(bulk.body()).isEqualTo(200);
			for (JsonNode operation : bulk.json().get("Operations")) {
				assertThat(operation.get("status").asString()).isEqualTo("201");
				String location = operation.get("location").asString();
				ids.add(location.substring(location.lastIndexOf('/') + 1));
			}
		}
		assertThat(new HashSet<>(ids)).hasSize(count);
		return ids;
	}

	private static String createGroup(ScimHttp scim, List<String> userIds) {
		ScimHttp.Response created = scim.post("/Groups",
				ScimFixtures.groupBody("Team " + System.nanoTime(), userIds.toArray(String[]::new)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private static ScimHttp newCompany() {
		return new ScimHttp(server.scimUrl(),
				server.tokenOfNewCompany("Group reads " + System.nanoTime(), Plan.ENTERPRISE));
	}

}
