package io.roster.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The databases every storage and end-to-end test runs on: the embedded H2 in file mode
 * and a real PostgreSQL server, started once per test JVM from the binaries on the test
 * classpath. PostgreSQL tests never skip: if the server cannot start, they fail.
 */
public enum TestDatabase {

	H2, POSTGRESQL;

	private static final AtomicInteger databases = new AtomicInteger();

	private static EmbeddedPostgres postgres;

	/**
	 * Returns the properties that point Roster at a new, empty database of this kind; the
	 * H2 database lives in {@code dataDir}.
	 */
	public Map<String, Object> newDatabase(Path dataDir) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("roster.data-dir", dataDir.toString());
		if (this == POSTGRESQL) {
			String name = "roster_test_" + databases.incrementAndGet();
			EmbeddedPostgres server = postgres();
			try (Connection connection = server.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE " + name);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Cannot create the test database " + name, ex);
			}
			properties.put("spring.datasource.url", server.getJdbcUrl("postgres", name));
			properties.put("spring.datasource.username", "postgres");
			properties.put("spring.datasource.password", "");
		}
		return properties;
	}

	private static synchronized EmbeddedPostgres postgres() {
		if (postgres == null) {
			try {
				postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot start the embedded PostgreSQL server", ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					// The JVM is exiting; the server's temporary directory is removed
					// with it.
				}
			}));
		}
		return postgres;
	}

}
