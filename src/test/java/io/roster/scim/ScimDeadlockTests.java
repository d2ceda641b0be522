package io.roster.scim;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import javax.sql.DataSource;

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
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SCIM requests that PostgreSQL rolls back as the victim of a deadlock. The test's own
 * connection holds the row lock of the second team that a deprovision locks, waits until
 * the deprovision holds the first team and waits for the second, then requests the lock
 * of the first team. The deprovision has waited longer, so its deadlock_timeout runs out
 * first, and its own deadlock check aborts it. Runs on PostgreSQL only, because H2
 * detects deadlocks without a timeout and may abort the test's transaction instead. NOTE:
 * PostgreSQL's manual does not promise which transaction of a deadlock it aborts; this
 * relies on what PostgreSQL 17 does.
 */
class ScimDeadlockTests {

	private static final String LOCK_CONFLICT = "The request conflicted with a concurrent request for the same"
			+ " database rows and changed nothing";

	private static RosterServer server;

	private static ScimHttp scim;

	private static ExecutorService executor;

	@BeforeAll
	static void startServer() {
		server = RosterServer.start(TestDatabase.POSTGRESQL);
		scim = new ScimHttp(server.scimUrl(), server.demoToken());
		executor = Executors.newSingleThreadExecutor();
	}

	@AfterAll
	static void stopServer() {
		executor.shutdownNow();
		server.close();
	}

	@Test
	void deadlockVictimGetsRetryable503() throws Exception {
		String user = userInTwoTeams("victim");

		ScimHttp.Response response = deadlock((path) -> scim.delete(path), "/Users/" + user);

		assertThat(response.status()).as(response.body()).isEqualTo(503);
		assertThat(response.header("Retry-After")).isEqualTo("1");
		assertThat(response.json().get("detail").asString()).startsWith(LOCK_CONFLICT);
		assertThat(scim.get("/Users/" + user).status()).as("user after the rolled back delete").isEqualTo(200);
		assertThat(scim.delete("/Users/" + user).status()).as("status of the retried delete").isEqualTo(204);
	}

	@Test
	void deadlockVictimInBulkGets503() throws Exception {
		String user = userInTwoTeams("bulk.victim");
		String bulk = """
				{"schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"], "Operations": [
				  {"method": "DELETE", "path": "%s"}]}""";

		ScimHttp.Response response = deadlock((path) -> scim.post("/Bulk", bulk.formatted(path)), "/Users/" + user);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.header("Retry-After")).isNotNull();
		JsonNode operation = response.json().get("Operations").get(0);
		assertThat(operation.get("status").asString()).isEqualTo("503");
		assertThat(operation.get("response").get("detail").asString()).startsWith(LOCK_CONFLICT);
		assertThat(scim.get("/Users/" + user).status()).as("user after the rolled back delete").isEqualTo(200);
	}

	/** Creates a user who is a member of two new teams, and returns its id. */
	private static String userInTwoTeams(String name) {
		String user = createUser(scim, name + "@example.com").get("id").asString();
		for (int team = 0; team < 2; team++) {
			String group = createGroup(scim, name + " team " + team).get("id").asString();
			String patch = patchBody("""
					{"op": "add", "path": "members", "value": [{"value": "%s"}]}""".formatted(user));
			assertThat(scim.patch("/Groups/" + group, patch).status()).isEqualTo(204);
		}
		return user;
	}

	/**
	 * Sends a request that deprovisions the user at {@code path} while the test's
	 * connection takes the user's two team rows in the opposite order, and returns the
	 * response.
	 */
	private static ScimHttp.Response deadlock(Function<String, ScimHttp.Response> request, String path)
			throws Exception {
		String linkId = path.substring(path.lastIndexOf('/') + 1);
		try (Connection holder = server.bean(DataSource.class).getConnection()) {
			holder.setAutoCommit(false);
			List<UUID> teams = teamsOf(holder, linkId);
			assertThat(teams).hasSize(2);
			lock(holder, teams.get(1));
			Future<ScimHttp.Response> response = executor.submit(() -> request.apply(path));
			await().atMost(Duration.ofSeconds(10)).until(() -> waitsForTeamLock(holder));
			lock(holder, teams.get(0));
			holder.rollback();
			return response.get();
		}
	}

	/** Returns the ids of the user's teams in the order PostgreSQL sorts them. */
	private static List<UUID> teamsOf(Connection connection, String linkId) throws SQLException {
		List<UUID> teams = new ArrayList<>();
		try (PreparedStatement select = connection.prepareStatement("""
				SELECT m.team_id FROM team_member m JOIN colleague c ON c.company_id = m.company_id
				  AND c.id = m.colleague_id
				WHERE c.link_id = ? ORDER BY m.team_id""")) {
			select.setString(1, linkId);
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					teams.add(rows.getObject(1, UUID.class));
				}
			}
		}
		return teams;
	}

	private static void lock(Connection connection, UUID teamId) throws SQLException {
		try (PreparedStatement lock = connection.prepareStatement("SELECT id FROM team WHERE id = ? FOR UPDATE")) {
			lock.setObject(1, teamId);
			lock.executeQuery().close();
		}
	}

	/** Returns whether another session waits for a row lock on the team table. */
	private static boolean waitsForTeamLock(Connection connection) throws SQLException {
		try (PreparedStatement select = connection.prepareStatement("""
				SELECT COUNT(*) FROM pg_stat_activity
				WHERE pid <> pg_backend_pid() AND wait_event_type = 'Lock' AND query LIKE '%FROM team t%'""");
				ResultSet rows = select.executeQuery()) {
			rows.next();
			return rows.getLong(1) > 0;
		}
	}

}
