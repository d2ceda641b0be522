package io.roster.scim;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
 * Sorting, POST .search, queries at the root, cursor paging and projection, over HTTP.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ScimQueryTests {

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
	void sortByUserNameIgnoresCaseInBothOrders() {
		ScimHttp scim = newCompany();
		for (String name : List.of("bravo@x.test", "Alpha@x.test", "charlie@x.test")) {
			createUser(scim, name, null);
		}

		JsonNode ascending = scim.get("/Users?sortBy=userName").json();
		JsonNode descending = scim.get("/Users?sortBy=userName&sortOrder=descending").json();

		assertThat(userNames(ascending)).containsExactly("Alpha@x.test", "bravo@x.test", "charlie@x.test");
		assertThat(userNames(descending)).containsExactly("charlie@x.test", "bravo@x.test", "Alpha@x.test");
	}

	@Test
	void sortPutsUsersWithoutTheAttributeLast() {
		ScimHttp scim = newCompany();
		createUser(scim, "a@x.test", null);
		createUser(scim, "b@x.test", "Zeta");
		createUser(scim, "c@x.test", "Eta");

		JsonNode ascending = scim.get("/Users?sortBy=title&sortOrder=ascending").json();
		JsonNode descending = scim.get("/Users?sortBy=title&sortOrder=descending").json();

		assertThat(userNames(ascending)).containsExactly("c@x.test", "b@x.test", "a@x.test");
		assertThat(userNames(descending)).containsExactly("b@x.test", "c@x.test", "a@x.test");
	}

	@Test
	void sortByUnknownOrMultiValuedAttributeIsInvalidValue() {
		ScimHttp scim = newCompany();

		ScimHttp.Response unknown = scim.get("/Users?sortBy=favoriteColor");
		ScimHttp.Response badOrder = scim.get("/Users?sortBy=userName&sortOrder=sideways");

		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("scimType").asString()).isEqualTo("invalidValue");
		assertThat(unknown.json().get("detail").asString()).contains("favoriteColor");
		assertThat(badOrder.status()).isEqualTo(400);
		assertThat(badOrder.json().get("detail").asString()).contains("sortOrder");
	}

	@Test
	void searchWithPostTakesTheQueryFromTheBody() {
		ScimHttp scim = newCompany();
		createUser(scim, "dana@x.test", "Lead");
		createUser(scim, "eli@x.test", "Engineer");

		ScimHttp.Response response = scim.post("/Users/.search", """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
				 "filter":"title eq \\"lead\\"","attributes":["userName"],"startIndex":1,"count":10}""");

		assertThat(response.status()).isEqualTo(200);
		JsonNode list = response.json();
		assertThat(list.get("totalResults").asInt()).isEqualTo(1);
		JsonNode user = list.get("Resources").get(0);
		assertThat(user.get("userName").asString()).isEqualTo("dana@x.test");
		assertThat(user.has("id")).isTrue();
		assertThat(user.has("title")).isFalse();
	}

	@Test
	void rootQueryListsUsersThenGroups() {
		ScimHttp scim = newCompany();
		createUser(scim, "fay@x.test", null);
		assertThat(scim.post("/Groups", "{\"displayName\":\"Ops\"}").status()).isEqualTo(201);

		JsonNode all = scim.get("").json();
		JsonNode byName = scim.post("/.search", "{\"filter\":\"displayName eq \\\"ops\\\"\"}").json();
		JsonNode secondOnly = scim.get("?startIndex=2&count=5").json();

		assertThat(all.get("totalResults").asInt()).isEqualTo(2);
		assertThat(all.get("Resources").get(0).get("userName").asString()).isEqualTo("fay@x.test");
		assertThat(all.get("Resources").get(1).get("displayName").asString()).isEqualTo("Ops");
		assertThat(byName.get("totalResults").asInt()).isEqualTo(1);
		assertThat(secondOnly.get("Resources")).hasSize(1);
		assertThat(secondOnly.get("Resources").get(0).get("displayName").asString()).isEqualTo("Ops");
	}

	@Test
	void cursorWalkSkipsAndRepeatsNothingAcrossConcurrentChanges() {
		ScimHttp scim = newCompany();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 45; i++) {
			ids.add(createUser(scim, "walker" + i + "@x.test", null));
		}
		Set<String> deleted = new HashSet<>(List.of(ids.get(3), ids.get(30), ids.get(44)));

		List<String> seen = new ArrayList<>();
		String cursor = "";
		int pages = 0;
		while (cursor != null) {
			JsonNode page = scim.get("/Users?count=10&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))
				.json();
			page.get("Resources").forEach((user) -> seen.add(user.get("id").asString()));
			if (pages == 1) {
				deleted.forEach((id) -> scim.delete("/Users/" + id));
				createUser(scim, "late" + pages + "@x.test", null);
			}
			cursor = page.has("nextCursor") ? page.get("nextCursor").asString() : null;
			pages++;
		}

		assertThat(new LinkedHashSet<>(seen)).hasSameSizeAs(seen);
		Set<String> survivors = new HashSet<>(ids);
		survivors.removeAll(deleted);
		assertThat(seen).containsAll(survivors);
		assertThat(pages).isGreaterThanOrEqualTo(5);
	}

	@Test
	void cursorThatRosterDidNotIssueIsInvalidCursor() {
		ScimHttp scim = newCompany();

		ScimHttp.Response response = scim.get("/Users?cursor=not-a-cursor");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("scimType").asString()).isEqualTo("invalidCursor");
	}

	@Test
	void projectionAlwaysKeepsIdAndHonoursUrnQualifiedNames() {
		ScimHttp scim = newCompany();
		String id = scim.post("/Users",
				"""
						{"userName":"gil@x.test","title":"Chief",
						 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"R&D","manager":{"value":"m1"}}}""")
			.json()
			.get("id")
			.asString();

		JsonNode manager = scim
			.get("/Users/" + id + "?attributes=urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager")
			.json();
		JsonNode withoutId = scim.get("/Users/" + id + "?excludedAttributes=id,title").json();

		assertThat(manager.get("id").asString()).isEqualTo(id);
		assertThat(manager.has("title")).isFalse();
		assertThat(manager.get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")
			.get("manager")
			.get("value")
			.asString()).isEqualTo("m1");
		assertThat(manager.get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User").has("department"))
			.isFalse();
		assertThat(withoutId.get("id").asString()).isEqualTo(id);
		assertThat(withoutId.has("title")).isFalse();
		assertThat(withoutId.get("userName").asString()).isEqualTo("gil@x.test");
	}

	@Test
	void projectionOfSubAttributeKeepsEveryValueInAnArray() {
		ScimHttp scim = newCompany();
		String id = scim.post("/Users",
				"""
						{"userName":"hal@x.test","emails":[{"value":"a@x.test","type":"work"},{"value":"b@x.test","type":"home"}]}""")
			.json()
			.get("id")
			.asString();

		JsonNode user = scim.get("/Users/" + id + "?attributes=emails.value").json();

		assertThat(user.get("emails").isArray()).isTrue();
		assertThat(user.get("emails")).hasSize(2);
		assertThat(user.get("emails").get(1).get("value").asString()).isEqualTo("b@x.test");
		assertThat(user.get("emails").get(1).has("type")).isFalse();
		assertThat(user.has("userName")).isFalse();
	}

	@Test
	void projectionWithValueFilterIsInvalidValue() {
		ScimHttp scim = newCompany();

		ScimHttp.Response response = scim.get("/Users?attributes=emails%5Btype%20eq%20%22work%22%5D");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("scimType").asString()).isEqualTo("invalidValue");
		assertThat(response.json().get("detail").asString()).contains("attributes");
	}

	private static ScimHttp newCompany() {
		return new ScimHttp(server.scimUrl(), server.tokenOfNewCompany("Query " + System.nanoTime(), Plan.ENTERPRISE));
	}

	private static String createUser(ScimHttp scim, String userName, String title) {
		String body = (title != null) ? "{\"userName\":\"" + userName + "\",\"title\":\"" + title + "\"}"
				: "{\"userName\":\"" + userName + "\"}";
		ScimHttp.Response response = scim.post("/Users", body);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	private static List<String> userNames(JsonNode list) {
		List<String> names = new ArrayList<>();
		list.get("Resources").forEach((user) -> names.add(user.get("userName").asString()));
		return names;
	}

}
