package io.roster.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import static io.roster.scim.ScimFixtures.createUser;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Index paging (RFC 7644 section 3.4.2.4) at its edges: {@code count=0}, a
 * {@code startIndex} below 1, a negative {@code count}, and a {@code count} above the
 * {@code maxResults} that ServiceProviderConfig advertises. The server runs with a small
 * page limit, so that a few users exceed it.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ScimPagingTests {

	private static final int MAX_PAGE_SIZE = 4;

	private static final int USERS = MAX_PAGE_SIZE + 3;

	private static RosterServer server;

	private static ScimHttp scim;

	@Parameter
	TestDatabase database;

	@BeforeParameterizedClassInvocation
	static void startServer(TestDatabase database) {
		server = RosterServer.start(database, Map.of("roster.scim.max-page-size", MAX_PAGE_SIZE));
		scim = new ScimHttp(server.scimUrl(), server.demoToken());
		for (int i = 0; i < USERS; i++) {
			createUser(scim, "paged." + i + "@example.com");
		}
	}

	@AfterParameterizedClassInvocation
	static void stopServer() {
		server.close();
	}

	@Test
	void countZeroReturnsOnlyTotalResults() {
		ScimHttp.Response response = scim.get("/Users?count=0");

		assertThat(response.status()).isEqualTo(200);
		assertScimJson(response);
		JsonNode list = response.json();
		assertThat(list.path("totalResults").asInt()).isEqualTo(USERS);
		assertThat(list.path("itemsPerPage").asInt()).isZero();
		assertThat(list.path("Resources").size()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-5" })
	void startIndexBelowOneIsTreatedAsOne(String startIndex) {
		List<String> firstPage = ids(scim.get("/Users?startIndex=1&count=3").json());

		JsonNode list = scim.get("/Users?startIndex=" + startIndex + "&count=3").json();

		assertThat(list.path("startIndex").asInt()).isEqualTo(1);
		assertThat(list.path("totalResults").asInt()).isEqualTo(USERS);
		assertThat(ids(list)).hasSize(3).isEqualTo(firstPage);
	}

	@ParameterizedTest
	@ValueSource(strings = { "-1", "-2147483649" })
	void negativeCountIsTreatedAsZero(String count) {
		JsonNode list = scim.get("/Users?count=" + count).json();

		assertThat(list.path("totalResults").asInt()).isEqualTo(USERS);
		assertThat(list.path("itemsPerPage").asInt()).isZero();
		assertThat(list.path("Resources").size()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1000", "2147483648", "99999999999999999999" })
	void hugeCountIsCappedAtMaxResults(String count) {
		JsonNode config = scim.get("/ServiceProviderConfig").json();
		int maxResults = config.path("filter").path("maxResults").asInt();

		JsonNode list = scim.get("/Users?count=" + count).json();

		assertThat(maxResults).isEqualTo(MAX_PAGE_SIZE);
		assertThat(config.path("pagination").path("maxPageSize").asInt()).isEqualTo(maxResults);
		assertThat(list.path("totalResults").asInt()).isEqualTo(USERS);
		assertThat(list.path("itemsPerPage").asInt()).isEqualTo(maxResults);
		assertThat(list.path("Resources").size()).isEqualTo(maxResults);
	}

	@Test
	void startIndexPastTheEndReturnsNoResources() {
		JsonNode list = scim.get("/Users?startIndex=" + (USERS + 1)).json();

		assertThat(list.path("startIndex").asInt()).isEqualTo(USERS + 1);
		assertThat(list.path("totalResults").asInt()).isEqualTo(USERS);
		assertThat(list.path("itemsPerPage").asInt()).isZero();
		assertThat(list.path("Resources").size()).isZero();
	}

	@Test
	void pagesCoverEveryUserOnce() {
		List<String> seen = new ArrayList<>();

		for (int start = 1; start <= USERS; start += MAX_PAGE_SIZE) {
			seen.addAll(ids(scim.get("/Users?startIndex=" + start + "&count=" + MAX_PAGE_SIZE).json()));
		}

		assertThat(seen).hasSize(USERS).doesNotHaveDuplicates();
	}

	private static List<String> ids(JsonNode list) {
		List<String> ids = new ArrayList<>();
		list.path("Resources").forEach((resource) -> ids.add(resource.path("id").asString()));
		return ids;
	}

}
