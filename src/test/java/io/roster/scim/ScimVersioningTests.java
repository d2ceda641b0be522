package io.roster.scim;

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
 * Entity tags, If-Match and If-None-Match (RFC 7644 section 3.14), and what PUT replaces.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ScimVersioningTests {

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
	void getReturnsEtagOfMetaVersionAndHonoursIfNoneMatch() {
		ScimHttp scim = newCompany();
		String id = create(scim, "{\"userName\":\"ann@x.test\"}");

		ScimHttp.Response first = scim.get("/Users/" + id);
		ScimHttp.Response unchanged = scim.get("/Users/" + id, "If-None-Match", first.header("ETag"));
		ScimHttp.Response stale = scim.get("/Users/" + id, "If-None-Match", "W/\"99\"");

		assertThat(first.header("ETag")).isEqualTo(first.json().get("meta").get("version").asString());
		assertThat(unchanged.status()).isEqualTo(304);
		assertThat(unchanged.body()).isEmpty();
		assertThat(stale.status()).isEqualTo(200);
	}

	@Test
	void secondWriterWithTheSameIfMatchGetsPreconditionFailed() {
		ScimHttp scim = newCompany();
		String id = create(scim, "{\"userName\":\"bo@x.test\",\"title\":\"Start\"}");
		String etag = scim.get("/Users/" + id).header("ETag");
		String patch = "{\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"%s\"}]}";

		ScimHttp.Response winner = scim.patch("/Users/" + id, patch.formatted("Winner"), "If-Match", etag);
		ScimHttp.Response loser = scim.patch("/Users/" + id, patch.formatted("Loser"), "If-Match", etag);

		assertThat(winner.status()).isEqualTo(200);
		assertThat(winner.header("ETag")).isNotEqualTo(etag);
		assertThat(loser.status()).isEqualTo(412);
		assertThat(loser.json().get("status").asString()).isEqualTo("412");
		assertThat(scim.get("/Users/" + id).json().get("title").asString()).isEqualTo("Winner");
	}

	@Test
	void groupChangesWithStaleIfMatchChangeNothing() {
		ScimHttp scim = newCompany();
		String user = create(scim, "{\"userName\":\"cy@x.test\"}");
		String group = scim.post("/Groups", "{\"displayName\":\"Ops\"}").json().get("id").asString();
		String etag = scim.get("/Groups/" + group).header("ETag");
		String add = "{\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + user
				+ "\"}]}]}";

		assertThat(scim.patch("/Groups/" + group, add, "If-Match", etag).status()).isEqualTo(204);
		ScimHttp.Response stale = scim.patch("/Groups/" + group,
				"{\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Renamed\"}]}", "If-Match",
				etag);
		ScimHttp.Response staleDelete = scim.delete("/Groups/" + group, "If-Match", etag);

		assertThat(stale.status()).isEqualTo(412);
		assertThat(staleDelete.status()).isEqualTo(412);
		JsonNode after = scim.get("/Groups/" + group).json();
		assertThat(after.get("displayName").asString()).isEqualTo("Ops");
		assertThat(after.get("members")).hasSize(1);
	}

	@Test
	void putReplacesClientAttributesAndKeepsIdCreatedAndActive() {
		ScimHttp scim = newCompany();
		String id = create(scim, "{\"userName\":\"di@x.test\",\"title\":\"Old\",\"active\":false,"
				+ "\"name\":{\"givenName\":\"Di\",\"familyName\":\"Ng\"}}");
		JsonNode before = scim.get("/Users/" + id).json();

		ScimHttp.Response put = scim.put("/Users/" + id, "{\"id\":\"" + id + "\",\"userName\":\"Di@x.test\","
				+ "\"name\":{\"givenName\":\"Diana\"},\"meta\":{\"resourceType\":\"User\",\"created\":\"2001-01-01T00:00:00Z\"}}");

		assertThat(put.status()).isEqualTo(200);
		JsonNode after = put.json();
		assertThat(after.get("id").asString()).isEqualTo(id);
		assertThat(after.get("userName").asString()).isEqualTo("Di@x.test");
		assertThat(after.has("title")).isFalse();
		assertThat(after.get("name").get("givenName").asString()).isEqualTo("Diana");
		assertThat(after.get("name").has("familyName")).isFalse();
		assertThat(after.get("active").asBoolean()).isFalse();
		assertThat(after.get("meta").get("created").asString()).isEqualTo(before.get("meta").get("created").asString());
	}

	private static ScimHttp newCompany() {
		return new ScimHttp(server.scimUrl(),
				server.tokenOfNewCompany("Versioning " + System.nanoTime(), Plan.ENTERPRISE));
	}

	private static String create(ScimHttp scim, String body) {
		ScimHttp.Response response = scim.post("/Users", body);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asString();
	}

}
