package io.roster.directory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.roster.support.H2Info;
import io.roster.support.RosterServer;
import io.roster.support.TestDatabase;
import io.roster.tenant.IdentityProvider;
import io.roster.tenant.Plan;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code WRITE_DELAY=0}, H2 writes a chunk to its file on every commit of its store,
 * and it also commits the store whenever an identity column's sequence runs out of the
 * values it keeps in memory. A transaction that adds many history or activity entries
 * must write the file on its commit only, not every few dozen rows. H2 only: PostgreSQL
 * writes its sequences to the WAL without a commit.
 */
class H2FileWriteTests {

	private static final int ROWS = 100;

	private static RosterServer server;

	private static UUID company;

	@BeforeAll
	static void start() {
		server = RosterServer.start(TestDatabase.H2);
		company = server.newCompany("Written", Plan.ENTERPRISE, IdentityProvider.OKTA).id();
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void historyBatchWritesFileAtCommit() throws SQLException {
		long writes = fileWritesOf("""
				INSERT INTO history_entry (company_id, id, subject_type, subject_id, action, actor_type, actor_name,
				  changed_at) VALUES (?, ?, 'team', ?, 'members', 'scim', 'Okta', ?)""");

		assertThat(writes).isLessThanOrEqualTo(2);
	}

	@Test
	void activityBatchWritesFileAtCommit() throws SQLException {
		long writes = fileWritesOf("""
				INSERT INTO activity_entry (company_id, id, request_id, occurred_at, method, resource_type, status)
				VALUES (?, ?, CAST(? AS VARCHAR), ?, 'GET', 'User', 200)""");

		assertThat(writes).isLessThanOrEqualTo(2);
	}

	/**
	 * Inserts {@link #ROWS} rows in one transaction and returns how many times H2 wrote
	 * its file meanwhile.
	 */
	private static long fileWritesOf(String insert) throws SQLException {
		try (Connection connection = server.bean(DataSource.class).getConnection()) {
			long before = fileWrites(connection);
			connection.setAutoCommit(false);
			try (PreparedStatement statement = connection.prepareStatement(insert)) {
				for (int i = 0; i < ROWS; i++) {
					statement.setObject(1, company);
					statement.setObject(2, UUID.randomUUID());
					statement.setObject(3, UUID.randomUUID());
					statement.setTimestamp(4, Timestamp.from(Instant.now()));
					statement.addBatch();
				}
				statement.executeBatch();
			}
			connection.commit();
			connection.setAutoCommit(true);
			return fileWrites(connection) - before;
		}
	}

	private static long fileWrites(Connection connection) throws SQLException {
		return H2Info.read(connection, "info.FILE_WRITE");
	}

}
