package io.roster.scim;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import io.roster.support.RosterServer;
import io.roster.support.ScimHttp;
import io.roster.support.TestDatabase;

import static io.roster.scim.ScimFixtures.createUser;
import static io.roster.scim.ScimFixtures.patchBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A SCIM write that waits seconds for a row lock, as writes behind concurrent requests do
 * on a busy server, succeeds with the default configuration. H2's own default lock
 * timeout would fail it after about 2 s, so the default datasource URL sets a longer one.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class LockWaitTests {

	private static final Duration LOCK_HELD = Duration.ofSeconds(3);

	private static RosterServer server;

	private static ScimHttp scim;

	@Parameter
	TestDatabase database;

	@BeforeParameterizedClassInvocation
	static void start(TestDatabase database) {
		server = RosterServer.start(database);
		scim = new ScimHttp(server.scimUrl(), server.demoToken());
	}

	@AfterParameterizedClassInvocation
	static void stop() {
		server.close();
	}

	@Test
	void writeWaitsForHeldLock() throws Exception {
		String id = createUser(scim, "waiting@example.com").get("id").asString();
		String patch = patchBody("""
				{"op": "replace", "path": "title", "value": "Changed"}""");

		ScimHttp.Response response;
		Duration waited;
		try (Connection holder = server.bean(DataSource.class).getConnection()) {
			holder.setAutoCommit(false);
			try (PreparedStatement lock = holder
				.prepareStatement("SELECT id FROM colleague WHERE link_id = ? FOR UPDATE")) {
				lock.setString(1, id);
				try (ResultSet rows = lock.executeQuery()) {
					assertThat(rows.next()).as("locked colleague found").isTrue();
				}
			}
			long started = System.nanoTime();
			CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
				try {
					holder.rollback();
				}
				catch (SQLException ex) {
					throw new IllegalStateException("Cannot release the colleague's row lock", ex);
				}
			}, CompletableFuture.delayedExecutor(LOCK_HELD.toMillis(), TimeUnit.MILLISECONDS));
			response = scim.patch("/Users/" + id, patch);
			waited = Duration.ofNanos(System.nanoTime() - started);
			release.get(10, TimeUnit.SECONDS);
		}

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("title").asString()).isEqualTo("Changed");
		assertThat(waited).as("time the write waited for the lock").isGreaterThanOrEqualTo(LOCK_HELD);
	}

}
