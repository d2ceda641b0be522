package io.roster.system;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tells which database Roster runs on, for the few statements that PostgreSQL and H2
 * write differently, such as row locks.
 */
public final class DatabaseProducts {

	private DatabaseProducts() {
	}

	/** Returns whether the database behind {@code jdbc} is PostgreSQL. */
	public static boolean isPostgres(JdbcTemplate jdbc) {
		String product = jdbc
			.execute((ConnectionCallback<String>) (connection) -> connection.getMetaData().getDatabaseProductName());
		return "PostgreSQL".equalsIgnoreCase(product);
	}

}
