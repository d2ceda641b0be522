package io.roster.system;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The database Roster runs on, asked once, for the statements that PostgreSQL and H2
 * write differently, such as row locks.
 */
@Component
public class DatabaseKind {

	private final JdbcTemplate jdbc;

	private volatile @Nullable Boolean postgres;

	public DatabaseKind(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Returns whether the database is PostgreSQL. */
	public boolean isPostgres() {
		Boolean known = this.postgres;
		if (known == null) {
			String product = this.jdbc.execute(
					(ConnectionCallback<String>) (connection) -> connection.getMetaData().getDatabaseProductName());
			known = "PostgreSQL".equalsIgnoreCase(product);
			this.postgres = known;
		}
		return known;
	}

}
