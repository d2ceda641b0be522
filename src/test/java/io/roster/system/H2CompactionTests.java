package io.roster.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Random;
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
 * H2 with {@code WRITE_DELAY=0} runs no background writer, so its file keeps every chunk
 * that still contains a live page. The compaction job moves those pages out of sparse
 * chunks. The scheduled runs are off here, so that only the test's calls compact.
 */
class H2CompactionTests {

	private static final int COLLEAGUES = 5_000;

	private static final int UPDATES = 3_000;

	private static RosterServer server;

	private static UUID company;

	@BeforeAll
	static void start() {
		server = RosterServer.start(TestDatabase.H2, Map.of("roster.database.h2-compaction-interval", "1h"));
		company = server.newCompany("Compacted", Plan.ENTERPRISE, IdentityProvider.OKTA).id();
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void compactionRaisesChunkFillRate() throws SQLException {
		DataSource dataSource = server.bean(DataSource.class);
		try (Connection connection = dataSource.getConnection()) {
			// H2 rewrites only chunks older than its retention time, 45 s by default.
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET RETENTION_TIME 0");
			}
			UUID[] ids = insertColleagues(connection);
			updateOneByOne(connection, ids, UPDATES);
			long before = chunksFillRate(connection);

			int runs = 0;
			H2Compaction compaction = server.bean(H2Compaction.class);
			while (runs < 200 && compaction.compact()) {
				runs++;
				// The next commit writes the rewritten pages.
				updateOneByOne(connection, ids, 1);
			}
			long after = chunksFillRate(connection);

			assertThat(before).isLessThan(H2Compaction.TARGET_FILL_RATE);
			assertThat(runs).isPositive();
			assertThat(after).isGreaterThanOrEqualTo(H2Compaction.TARGET_FILL_RATE);
		}
	}

	private static UUID[] insertColleagues(Connection connection) throws SQLException {
		UUID[] ids = new UUID[COLLEAGUES];
		try (PreparedStatement insert = connection.prepareStatement("""
				INSERT INTO colleague (company_id, id, user_name, user_name_key, display_name, display_name_key,
				  active, role, managed_by, version, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, TRUE, 'member', 'app', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")) {
			for (int i = 0; i < COLLEAGUES; i++) {
				ids[i] = UUID.randomUUID();
				insert.setObject(1, company);
				insert.setObject(2, ids[i]);
				insert.setString(3, "user" + i + "@compacted.test");
				insert.setString(4, "user" + i + "@compacted.test");
				insert.setString(5, "User " + i);
				insert.setString(6, "user " + i);
				insert.addBatch();
			}
			insert.executeBatch();
		}
		return ids;
	}

	/** Updates {@code count} random colleagues, one commit each, as requests do. */
	private static void updateOneByOne(Connection connection, UUID[] ids, int count) throws SQLException {
		Random random = new Random(7);
		try (PreparedStatement update = connection
			.prepareStatement("UPDATE colleague SET version = version + 1 WHERE company_id = ? AND id = ?")) {
			for (int i = 0; i < count; i++) {
				update.setObject(1, company);
				update.setObject(2, ids[random.nextInt(ids.length)]);
				update.executeUpdate();
			}
		}
	}

	private static long chunksFillRate(Connection connection) throws SQLException {
		return H2Info.read(connection, "info.CHUNKS_FILL_RATE");
	}

}
