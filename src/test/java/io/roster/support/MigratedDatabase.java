package io.roster.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;

/**
 * A new test database that Flyway migrates, up to a chosen version, from the locations
 * Roster uses, for tests of a migration and of what it leaves in the database.
 */
public final class MigratedDatabase {

	private final TestDatabase database;

	private final String url;

	private final String user;

	private final String password;

	public MigratedDatabase(TestDatabase database, Path dataDir) {
		this.database = database;
		Map<String, Object> properties = database.newDatabase(dataDir);
		this.url = (String) properties.getOrDefault("spring.datasource.url", "jdbc:h2:file:" + dataDir
				+ "/roster;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
		this.user = (String) properties.getOrDefault("spring.datasource.username", "sa");
		this.password = (String) properties.getOrDefault("spring.datasource.password", "");
	}

	/**
	 * Migrates the database.
	 * @param target the last version to apply, or {@code null} for all of them
	 */
	public void migrate(@Nullable String target) {
		String vendor = this.database.name().toLowerCase(Locale.ROOT);
		var configuration = Flyway.configure()
			.dataSource(this.url, this.user, this.password)
			.locations("classpath:db/migration", "classpath:db/vendor/" + vendor);
		if (target != null) {
			configuration.target(target);
		}
		configuration.load().migrate();
	}

	public Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, this.user, this.password);
	}

	/** Runs one statement with its parameters. */
	public static void update(Connection connection, String sql, @Nullable Object... params) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				statement.setObject(i + 1, params[i]);
			}
			statement.executeUpdate();
		}
	}

}
