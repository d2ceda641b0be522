package io.roster.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

/**
 * Waits, on PostgreSQL, until autovacuum has finished with the tables of Roster's schema.
 * That is, no autovacuum worker runs in the database and no table has changed by more
 * rows than autovacuum's thresholds allow, by the formulas of PostgreSQL 13 to 17
 * ({@code relation_needs_vacanalyze} in {@code autovacuum.c}). The benchmark runs 17.
 * Per-table storage parameters are not read, and Roster sets none.
 * <p>
 * The default warm-up deletes 12 000 users, and autovacuum vacuums and analyzes the
 * tables that an initial sync of 1 000 000 colleagues fills, during the sync and after
 * it. The benchmark waits before the sync and before the ceiling, so both begin on a
 * database that autovacuum has finished with. The phases after the ceiling begin without
 * a wait, and autovacuum may run during them, after the membership fill for instance.
 * <p>
 * NOTE: PostgreSQL 18 scales the insert threshold by the share of the table not yet
 * frozen and caps the vacuum threshold with {@code autovacuum_vacuum_max_threshold},
 * which this does not follow.
 */
final class AutovacuumWait {

	/**
	 * The tables of the current schema that autovacuum would vacuum or analyze now. A
	 * table whose {@code reltuples} is -1 (never vacuumed or analyzed) counts as empty,
	 * as autovacuum counts it.
	 */
	private static final String DUE = """
			WITH s AS (SELECT
			  current_setting('autovacuum_vacuum_threshold')::float8 AS v_base,
			  current_setting('autovacuum_vacuum_scale_factor')::float8 AS v_scale,
			  current_setting('autovacuum_vacuum_insert_threshold')::float8 AS i_base,
			  current_setting('autovacuum_vacuum_insert_scale_factor')::float8 AS i_scale,
			  current_setting('autovacuum_analyze_threshold')::float8 AS a_base,
			  current_setting('autovacuum_analyze_scale_factor')::float8 AS a_scale)
			SELECT t.relname FROM pg_stat_user_tables t
			JOIN pg_class c ON c.oid = t.relid CROSS JOIN s
			WHERE t.schemaname = current_schema()
			  AND (t.n_dead_tup > s.v_base + s.v_scale * greatest(c.reltuples, 0)
			    OR (s.i_base >= 0 AND t.n_ins_since_vacuum > s.i_base + s.i_scale * greatest(c.reltuples, 0))
			    OR t.n_mod_since_analyze > s.a_base + s.a_scale * greatest(c.reltuples, 0))
			ORDER BY t.relname""";

	private static final String WORKERS = """
			SELECT pid FROM pg_stat_activity
			WHERE backend_type = 'autovacuum worker' AND datname = current_database()""";

	private static final String COUNTS = """
			SELECT relname, autovacuum_count, autoanalyze_count FROM pg_stat_user_tables
			WHERE schemaname = current_schema()""";

	/**
	 * The wait before the first check. Since PostgreSQL 15, backends publish their table
	 * statistics at the end of a transaction at most once a second, and an idle backend
	 * publishes what is left within 10 seconds ({@code pgstat.c}).
	 */
	private static final Duration SETTLE = Duration.ofSeconds(15);

	private static final Duration POLL = Duration.ofSeconds(2);

	private final DataSource database;

	private final String phase;

	private final Map<String, long[]> before;

	private AutovacuumWait(DataSource database, String phase, Map<String, long[]> before) {
		this.database = database;
		this.phase = phase;
		this.before = before;
	}

	/**
	 * Notes how often autovacuum has vacuumed and analyzed each table so far, so that
	 * {@link #await} can print what it did during and after {@code phase}, the phase
	 * about to begin.
	 */
	static AutovacuumWait start(DataSource database, String phase) throws SQLException {
		return new AutovacuumWait(database, phase, counts(database));
	}

	/**
	 * Waits until two checks in a row find no autovacuum worker in the database and no
	 * table due, or until {@code limit} has passed, and prints how long it waited and
	 * which tables autovacuum vacuumed or analyzed since {@link #start}. With autovacuum
	 * or its statistics turned off it prints that and returns at once, since no table
	 * would ever stop being due.
	 */
	void await(Duration limit) throws SQLException, InterruptedException {
		String off = disabled();
		if (off != null) {
			System.out.printf(Locale.ROOT, "%s is off, so the benchmark does not wait for autovacuum%n%n", off);
			return;
		}

		long begin = System.nanoTime();
		long deadline = begin + limit.toNanos();
		Thread.sleep(Math.min(SETTLE.toMillis(), limit.toMillis()));
		int quiet = 0;
		List<String> due = List.of();
		long workers = 0;
		do {
			try (Connection connection = this.database.getConnection();
					Statement statement = connection.createStatement()) {
				due = column(statement, DUE);
				workers = column(statement, WORKERS).size();
			}
			quiet = (due.isEmpty() && workers == 0) ? quiet + 1 : 0;
			if (quiet < 2) {
				Thread.sleep(POLL.toMillis());
			}
		}
		while (quiet < 2 && System.nanoTime() < deadline);

		double seconds = (System.nanoTime() - begin) / 1e9;
		String visits = visits(counts(this.database));
		if (quiet < 2) {
			System.out.printf(Locale.ROOT,
					"autovacuum still busy after %.0f s (workers: %d, tables due: %s), measuring anyway; since %s"
							+ " began it %s%n%n",
					seconds, workers, due, this.phase, visits);
		}
		else {
			System.out.printf(Locale.ROOT, "waited %.0f s for autovacuum; since %s began it %s%n%n", seconds,
					this.phase, visits);
		}
	}

	/** Returns the setting that keeps autovacuum from running, or null if none does. */
	private String disabled() throws SQLException {
		try (Connection connection = this.database.getConnection();
				Statement statement = connection.createStatement()) {
			for (String setting : List.of("autovacuum", "track_counts")) {
				if (!column(statement, "SELECT current_setting('" + setting + "')").equals(List.of("on"))) {
					return setting;
				}
			}
		}
		return null;
	}

	private String visits(Map<String, long[]> after) {
		List<String> vacuumed = new ArrayList<>();
		List<String> analyzed = new ArrayList<>();
		after.forEach((table, count) -> {
			long[] earlier = this.before.getOrDefault(table, new long[2]);
			if (count[0] > earlier[0]) {
				vacuumed.add(table + " x" + (count[0] - earlier[0]));
			}
			if (count[1] > earlier[1]) {
				analyzed.add(table + " x" + (count[1] - earlier[1]));
			}
		});
		return "vacuumed " + (vacuumed.isEmpty() ? "no table" : String.join(", ", vacuumed)) + " and analyzed "
				+ (analyzed.isEmpty() ? "no table" : String.join(", ", analyzed));
	}

	private static Map<String, long[]> counts(DataSource database) throws SQLException {
		Map<String, long[]> counts = new TreeMap<>();
		try (Connection connection = database.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(COUNTS)) {
			while (rows.next()) {
				counts.put(rows.getString(1), new long[] { rows.getLong(2), rows.getLong(3) });
			}
		}
		return counts;
	}

	private static List<String> column(Statement statement, String query) throws SQLException {
		List<String> values = new ArrayList<>();
		try (ResultSet rows = statement.executeQuery(query)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

}
