package io.roster.system;

import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
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

	/**
	 * Creates the component for the database behind {@code jdbc}, whose pool must hand
	 * out connections in auto-commit mode.
	 * @throws IllegalStateException when the pool's connections do not auto-commit
	 */
	public DatabaseKind(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		requireAutoCommit(jdbc.getDataSource());
	}

	/**
	 * Rejects a pool whose connections do not auto-commit. Roster runs some statements
	 * outside a transaction, such as the create of a new user on PostgreSQL. Such a pool
	 * would roll them back when their connection returns to it, after the response.
	 */
	private static void requireAutoCommit(@Nullable DataSource dataSource) {
		try {
			if (dataSource != null && dataSource.isWrapperFor(HikariDataSource.class)
					&& !dataSource.unwrap(HikariDataSource.class).isAutoCommit()) {
				throw new IllegalStateException("Roster needs a connection pool that auto-commits: remove "
						+ "spring.datasource.hikari.auto-commit=false or set it to true");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read the auto-commit mode of the connection pool", ex);
		}
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
