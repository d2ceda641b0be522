package io.roster.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.roster.support.RosterServer;
import io.roster.support.SettableClock;
import io.roster.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The refresh of table statistics on a new database: a table that fills up is analyzed
 * once, and again only after it has doubled. The interval is an hour, so the scheduler
 * never runs during the tests, and the tests call the refresh as the scheduler would.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class TableStatisticsTests {

	private static final Duration INTERVAL = Duration.ofHours(1);

	private static RosterServer server;

	@Parameter
	TestDatabase database;

	private JdbcClient jdbc;

	@BeforeParameterizedClassInvocation
	static void start(TestDatabase database) {
		server = RosterServer.start(database, Map.of("roster.database.statistics-interval", "1h",
				SettableClock.PROPERTY, SettableClock.class.getName()));
	}

	@AfterParameterizedClassInvocation
	static void stop() {
		server.close();
	}

	@BeforeEach
	void createTable() {
		this.jdbc = server.bean(JdbcClient.class);
		// Autovacuum would analyze the table too, at times of its own choosing.
		String options = (this.database == TestDatabase.POSTGRESQL) ? " WITH (autovacuum_enabled = false)" : "";
		this.jdbc.sql("CREATE TABLE filling (id INT PRIMARY KEY)" + options).update();
		// Ends the lease of an earlier test.
		nextInterval();
	}

	@AfterEach
	void dropTable() {
		this.jdbc.sql("DROP TABLE filling").update();
	}

	@Test
	void filledTableAnalyzedOnce() {
		insert(0, 1500);

		List<String> first = awaitRefreshOf("filling");
		nextInterval();
		List<String> second = refresh();

		if (this.database == TestDatabase.POSTGRESQL) {
			assertThat(first).contains("filling");
			assertThat(lastAnalyzed()).isNotNull();
			assertThat(second).doesNotContain("filling");
		}
		else {
			assertThat(first).isEmpty();
			assertThat(second).isEmpty();
		}
	}

	@Test
	void analyzedAgainAfterDoubling() {
		insert(0, 1500);
		awaitRefreshOf("filling");
		nextInterval();
		insert(1500, 2500);
		List<String> grownByTwoThirds = settledRefresh(1000);
		nextInterval();
		insert(2500, 4000);

		List<String> doubled = awaitRefreshOf("filling");

		assertThat(grownByTwoThirds).doesNotContain("filling");
		if (this.database == TestDatabase.POSTGRESQL) {
			assertThat(doubled).contains("filling");
		}
		else {
			assertThat(doubled).isEmpty();
		}
	}

	@Test
	void oneRefreshPerInterval() {
		insert(0, 1500);
		awaitRefreshOf("filling");
		insert(1500, 5000);
		awaitCounted(3500);

		List<String> sameInterval = refresh();
		nextInterval();
		List<String> next = refresh();

		assertThat(sameInterval).isEmpty();
		if (this.database == TestDatabase.POSTGRESQL) {
			assertThat(next).contains("filling");
		}
	}

	private void insert(int from, int to) {
		List<Object[]> rows = IntStream.range(from, to).mapToObj((id) -> new Object[] { id }).toList();
		server.bean(JdbcTemplate.class).batchUpdate("INSERT INTO filling (id) VALUES (?)", rows);
	}

	/**
	 * Refreshes until the table is analyzed or, on H2, once. PostgreSQL counts changed
	 * rows in its statistics views a moment after the transaction that made them.
	 */
	private List<String> awaitRefreshOf(String table) {
		if (this.database != TestDatabase.POSTGRESQL) {
			return refresh();
		}
		return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
			nextInterval();
			return refresh();
		}, (analyzed) -> analyzed.contains(table));
	}

	/** Refreshes once PostgreSQL counts at least {@code changes} rows changed. */
	private List<String> settledRefresh(long changes) {
		awaitCounted(changes);
		return refresh();
	}

	private void awaitCounted(long changes) {
		if (this.database == TestDatabase.POSTGRESQL) {
			await().atMost(Duration.ofSeconds(20))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> this.jdbc
					.sql("SELECT n_mod_since_analyze FROM pg_stat_user_tables WHERE relname = 'filling'")
					.query(Long.class)
					.single() >= changes);
		}
	}

	private Object lastAnalyzed() {
		return this.jdbc.sql("SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'filling'")
			.query()
			.singleValue();
	}

	private static List<String> refresh() {
		return server.bean(TableStatistics.class).refresh();
	}

	private static void nextInterval() {
		server.bean(SettableClock.class).advance(INTERVAL.plusSeconds(1));
	}

}
