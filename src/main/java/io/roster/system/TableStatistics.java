package io.roster.system;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, analyzes each of Roster's tables that has changed by more rows since its
 * last ANALYZE than that ANALYZE counted, and by at least {@value #MIN_CHANGES}: a table
 * that has at least doubled, most often a new one filling up.
 * <p>
 * PostgreSQL keeps the plan of a prepared statement, and of each foreign key check, once
 * it has run a few times. On a new database those plans are made while the tables are
 * nearly empty, and then a lookup such as {@code company_id = ? AND user_name_key = ?}
 * can read another index that starts with {@code company_id} and test every row of the
 * company. The plans are made again only after an ANALYZE of the table. Autovacuum
 * analyzes a table once a tenth of it has changed, but it visits a database about once a
 * minute, and an initial sync creates tens of thousands of colleagues in that minute. On
 * a new PostgreSQL 15 database with eight clients on two cores, creates ran at about 300
 * per second before the first ANALYZE and at about 650 after it.
 * <p>
 * Of all the instances on one database, the one that claims the job lease checks in an
 * interval. On H2, which refreshes its own statistics as tables change, this does
 * nothing.
 */
@Component
class TableStatistics {

	private static final Logger logger = LoggerFactory.getLogger(TableStatistics.class);

	/** The name of the check's lease in {@code job_lease}. */
	static final String JOB = "table-statistics";

	/** Fewest changed rows since the last ANALYZE that make a table worth analyzing. */
	static final long MIN_CHANGES = 1000;

	private final JdbcClient jdbc;

	private final DatabaseKind database;

	private final JobLeases leases;

	private final Duration interval;

	TableStatistics(JdbcClient jdbc, DatabaseKind database, JobLeases leases,
			@Value("${roster.database.statistics-interval:10s}") Duration interval) {
		this.jdbc = jdbc;
		this.database = database;
		this.leases = leases;
		this.interval = interval;
	}

	@Scheduled(initialDelayString = "${roster.database.statistics-interval:10s}",
			fixedDelayString = "${roster.database.statistics-interval:10s}")
	void scheduledRefresh() {
		try {
			refresh();
		}
		catch (DataAccessException ex) {
			logger.warn("Checking table statistics failed. The next interval checks again", LogText.sanitize(ex));
		}
	}

	/**
	 * Analyzes the tables that have at least doubled since their last ANALYZE, unless the
	 * database is not PostgreSQL or an instance, this one included, holds the lease of
	 * the current interval.
	 * @return the tables analyzed
	 */
	List<String> refresh() {
		if (!this.database.isPostgres() || !this.leases.tryAcquire(JOB, this.interval)) {
			return List.of();
		}
		List<Grown> grown = this.jdbc.sql("""
				SELECT s.relname, s.n_mod_since_analyze, c.reltuples FROM pg_stat_user_tables s
				JOIN pg_class c ON c.oid = s.relid
				WHERE s.schemaname = current_schema() AND s.n_mod_since_analyze >= ?
				  AND s.n_mod_since_analyze > GREATEST(c.reltuples, 0)
				ORDER BY s.relname""")
			.param(MIN_CHANGES)
			.query((rs, row) -> new Grown(rs.getString(1), rs.getLong(2), Math.max(0, rs.getLong(3))))
			.list();
		for (Grown table : grown) {
			this.jdbc.sql("ANALYZE " + quoted(table.name())).update();
			logger.info("Analyzed table {}: {} rows changed since its statistics counted {}", table.name(),
					table.changes(), table.counted());
		}
		return grown.stream().map(Grown::name).toList();
	}

	private static String quoted(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

	private record Grown(String name, long changes, long counted) {
	}

}
