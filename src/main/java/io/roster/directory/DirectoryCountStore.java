package io.roster.directory;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the number of colleagues and of teams with a link_id, the ones SCIM lists, from
 * {@code directory_count}. Database triggers (migrations V6, V9 and V13) update that
 * table in the transaction of every write to colleague and team, so the sum is exact for
 * every committed state. A transaction's own writes are in the sum on H2 at once. On
 * PostgreSQL its inserts are in the sum at once, and its updates and deletes only from
 * its commit on, as their triggers write there at commit.
 */
@Repository
class DirectoryCountStore {

	private final JdbcClient jdbc;

	DirectoryCountStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long linkedColleagues(UUID companyId) {
		return sum("colleagues", companyId);
	}

	long linkedTeams(UUID companyId) {
		return sum("teams", companyId);
	}

	private long sum(String column, UUID companyId) {
		return this.jdbc.sql("SELECT COALESCE(SUM(" + column + "), 0) FROM directory_count WHERE company_id = ?")
			.param(companyId)
			.query(Long.class)
			.single();
	}

}
