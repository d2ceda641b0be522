package io.roster.scim;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import io.roster.support.ApiHttp;
import io.roster.support.RosterServer;
import io.roster.support.ScimHttp;
import io.roster.support.TestDatabase;

import tools.jackson.databind.JsonNode;

import static io.roster.scim.ScimFixtures.createUser;
import static io.roster.scim.ScimFixtures.patchBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes that wait for a row lock longer than the database's lock timeout: H2's
 * {@code LOCK_TIMEOUT} or PostgreSQL's {@code lock_timeout}, both set to 300 ms for the
 * server's connections. The test's own transaction holds the colleague row
 * {@code FOR UPDATE}. The write gets the 503 of a lock conflict with
 * {@code Retry-After: 1}, changes nothing, and leaves the database marked as reachable,
 * so the requests right after it are served.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class LockTimeoutTests {

	private static final String LOCK_CONFLICT = "The request conflicted with a concurrent request for the same"
			+ " database rows and changed nothing. Retry after 1 s.";

	private static RosterServer server;

	private static ScimHttp scim;

	private static ApiHttp api;

	@Parameter
	TestDatabase database;

	@BeforeParameterizedClassInvocation
	static void start(TestDatabase database) {
		String setLockTimeout = (database == TestDatabase.H2) ? "SET LOCK_TIMEOUT 300" : "SET lock_timeout = '300ms'";
		server = RosterServer.start(database, Map.of("spring.datasource.hikari.connection-init-sql", setLockTimeout));
		scim = new ScimHttp(server.scimUrl(), server.demoToken());
		api = new ApiHttp(server.baseUrl(), "admin@demo.example", server.demoAdminPassword());
	}

	@AfterParameterizedClassInvocation
	static void stop() {
		server.close();
	}

	@Test
	void scimWriteGetsLockConflict503() throws Exception {
		JsonNode user = createUser(scim, "scim.locked@example.com");
		String path = "/Users/" + user.get("id").asString();
		String patch = patchBody("""
				{"op": "replace", "path": "title", "value": "Changed"}""");

		ScimHttp.Response response;
		try (Connection holder = lockColleague("link_id", user.get("id").asString())) {
			response = scim.patch(path, patch);
			holder.rollback();
		}

		assertThat(response.status()).as(response.body()).isEqualTo(503);
		assertThat(response.header("Retry-After")).isEqualTo("1");
		assertThat(response.json().get("detail").asString()).startsWith(LOCK_CONFLICT);
		ScimHttp.Response after = scim.get(path);
		assertThat(after.status()).as("status of the read right after the lock conflict").isEqualTo(200);
		assertThat(after.json().has("title")).as("title after the failed write").isFalse();
		assertThat(after.json().get("meta").get("version").asString()).isEqualTo(version(user));
		ScimHttp.Response retried = scim.patch(path, patch);
		assertThat(retried.status()).as(retried.body()).isEqualTo(200);
		assertThat(retried.json().get("title").asString()).isEqualTo("Changed");
	}

	@Test
	void bulkOperationGetsLockConflict503() throws Exception {
		JsonNode user = createUser(scim, "bulk.locked@example.com");
		String path = "/Users/" + user.get("id").asString();
		String bulk = """
				{"schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"], "Operations": [
				  {"method": "PATCH", "path": "%s", "data": %s}]}""".formatted(path, patchBody("""
				{"op": "replace", "path": "title", "value": "Changed"}"""));

		ScimHttp.Response response;
		try (Connection holder = lockColleague("link_id", user.get("id").asString())) {
			response = scim.post("/Bulk", bulk);
			holder.rollback();
		}

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode operation = response.json().get("Operations").get(0);
		assertThat(operation.get("status").asString()).as(response.body()).isEqualTo("503");
		assertThat(operation.get("response").get("detail").asString()).startsWith(LOCK_CONFLICT);
		ScimHttp.Response after = scim.get(path);
		assertThat(after.status()).as("status of the read right after the lock conflict").isEqualTo(200);
		assertThat(after.json().has("title")).as("title after the failed write").isFalse();
		assertThat(after.json().get("meta").get("version").asString()).isEqualTo(version(user));
		ScimHttp.Response retried = scim.post("/Bulk", bulk);
		assertThat(retried.json().get("Operations").get(0).get("status").asString()).as(retried.body())
			.isEqualTo("200");
	}

	@Test
	void apiWriteGetsLockConflict503() throws Exception {
		ApiHttp.Response created = api.post("colleagues", """
				{"email": "api.locked@example.com", "title": "Before"}""");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();

		ApiHttp.Response response;
		try (Connection holder = lockColleague("id", UUID.fromString(id))) {
			response = api.patch("colleagues/" + id, """
					{"title": "Changed"}""");
			holder.rollback();
		}

		assertThat(response.status()).as(response.body()).isEqualTo(503);
		assertThat(response.header("Retry-After")).isEqualTo("1");
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("detail").asString()).startsWith(LOCK_CONFLICT);
		ApiHttp.Response after = api.get("colleagues/" + id);
		assertThat(after.status()).as("status of the read right after the lock conflict").isEqualTo(200);
		assertThat(after.json().get("title").asString()).as("title after the failed write").isEqualTo("Before");
		ApiHttp.Response retried = api.patch("colleagues/" + id, """
				{"title": "Changed"}""");
		assertThat(retried.status()).as(retried.body()).isEqualTo(200);
		assertThat(retried.json().get("title").asString()).isEqualTo("Changed");
	}

	/**
	 * Opens a transaction that holds the row lock of the colleague whose {@code column}
	 * is {@code value}, until the caller rolls it back.
	 */
	private static Connection lockColleague(String column, Object value) throws SQLException {
		Connection holder = server.bean(DataSource.class).getConnection();
		holder.setAutoCommit(false);
		try (PreparedStatement lock = holder
			.prepareStatement("SELECT id FROM colleague WHERE " + column + " = ? FOR UPDATE")) {
			lock.setObject(1, value);
			try (ResultSet rows = lock.executeQuery()) {
				assertThat(rows.next()).as("colleague %s = %s found", column, value).isTrue();
			}
		}
		return holder;
	}

	private static String version(JsonNode resource) {
		return resource.get("meta").get("version").asString();
	}

}
