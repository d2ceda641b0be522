package io.roster.scim;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.roster.support.RosterServer;
import io.roster.support.ScimHttp;
import io.roster.support.TestDatabase;

import tools.jackson.databind.JsonNode;

import static io.roster.scim.ScimFixtures.createGroup;
import static io.roster.scim.ScimFixtures.createUser;
import static io.roster.scim.ScimFixtures.patchBody;
import static io.roster.scim.ScimFixtures.userBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Roster instances on one PostgreSQL database, as behind a load balancer: each serves
 * what the other wrote, and conditional writes and unique userNames hold across them.
 * Runs on PostgreSQL only, because an H2 file database opens in one process at a time.
 */
class ScimSharedDatabaseTests {

	private static RosterServer first;

	private static RosterServer second;

	private static ScimHttp firstScim;

	private static ScimHttp secondScim;

	@BeforeAll
	static void startServers() {
		first = RosterServer.start(TestDatabase.POSTGRESQL);
		second = RosterServer.startBeside(first);
		firstScim = new ScimHttp(first.scimUrl(), first.demoToken());
		secondScim = new ScimHttp(second.scimUrl(), first.demoToken());
	}

	@AfterAll
	static void stopServers() {
		second.close();
		first.close();
	}

	@Test
	void userCreatedOnOneIsServedByOther() {
		String id = createUser(firstScim, "shared.read@example.com").get("id").asString();

		ScimHttp.Response read = secondScim.get("/Users/" + id);

		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("userName").asString()).isEqualTo("shared.read@example.com");
		assertThat(read.header("ETag")).isEqualTo(firstScim.get("/Users/" + id).header("ETag"));
	}

	@Test
	void userNameTakenOnOneConflictsOnOther() {
		createUser(firstScim, "shared.unique@example.com");

		ScimHttp.Response duplicate = secondScim.post("/Users", userBody("shared.unique@example.com"));

		assertThat(duplicate.status()).isEqualTo(409);
	}

	@Test
	void staleEntityTagFromOneFailsOnOther() {
		String id = createUser(firstScim, "shared.etag@example.com").get("id").asString();
		String etag = firstScim.get("/Users/" + id).header("ETag");
		String patch = patchBody("{\"op\": \"replace\", \"path\": \"title\", \"value\": \"%s\"}");
		assertThat(firstScim.patch("/Users/" + id, patch.formatted("First"), "If-Match", etag).status()).isEqualTo(200);

		ScimHttp.Response stale = secondScim.patch("/Users/" + id, patch.formatted("Second"), "If-Match", etag);

		assertThat(stale.status()).isEqualTo(412);
	}

	@Test
	void membersAddedOnBothAreKept() {
		String alice = createUser(firstScim, "shared.alice@example.com").get("id").asString();
		String bob = createUser(secondScim, "shared.bob@example.com").get("id").asString();
		String group = createGroup(firstScim, "Shared team").get("id").asString();

		assertThat(firstScim.patch("/Groups/" + group, addMember(alice)).status()).isEqualTo(204);
		assertThat(secondScim.patch("/Groups/" + group, addMember(bob)).status()).isEqualTo(204);

		JsonNode members = firstScim.get("/Groups/" + group + "?attributes=members").json().get("members");
		assertThat(values(members, "value")).containsExactlyInAnyOrder(alice, bob);
	}

	@Test
	void startIndexWalkContinuesOnOtherInstance() {
		for (int i = 0; i < 7; i++) {
			createUser(firstScim, "shared.walk." + i + "@example.com");
		}
		JsonNode all = firstScim.get("/Users?count=1000").json();

		JsonNode firstPage = firstScim.get("/Users?startIndex=1&count=3").json();
		JsonNode secondPage = secondScim.get("/Users?startIndex=4&count=3").json();

		assertThat(values(firstPage.get("Resources"), "id"))
			.containsExactlyElementsOf(values(all.get("Resources"), "id").subList(0, 3));
		assertThat(values(secondPage.get("Resources"), "id"))
			.containsExactlyElementsOf(values(all.get("Resources"), "id").subList(3, 6));
	}

	private static List<String> values(JsonNode array, String field) {
		List<String> values = new ArrayList<>();
		array.forEach((item) -> values.add(item.get(field).asString()));
		return values;
	}

	private static String addMember(String userId) {
		return patchBody("{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"value\": \"" + userId + "\"}]}");
	}

}
