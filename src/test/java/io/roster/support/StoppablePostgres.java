package io.roster.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.util.FileSystemUtils;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * An embedded PostgreSQL that a test stops and starts again on the same data directory
 * and port, so that a running Roster meets a database outage and then the same database
 * again.
 */
public final class StoppablePostgres implements AutoCloseable {

	private final Path dataDir;

	private final int port;

	private EmbeddedPostgres postgres;

	public StoppablePostgres() throws IOException {
		this.dataDir = Files.createTempDirectory("roster-outage-pg-");
		this.port = RosterProcess.freePort();
		this.postgres = start(this.dataDir, this.port);
	}

	/**
	 * Starts Roster on this database with a 1 s wait for a connection,
	 * {@code Retry-After: 3} on its 503 responses, and the given further properties.
	 */
	public RosterServer startRoster(Map<String, Object> extra) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", this.postgres.getJdbcUrl("postgres", "postgres"));
		properties.put("spring.datasource.username", "postgres");
		properties.put("spring.datasource.password", "");
		properties.put("spring.datasource.hikari.connection-timeout", "1000");
		properties.put("roster.scim.unavailable-retry-after", "3s");
		properties.putAll(extra);
		return RosterServer.start(properties);
	}

	/** Opens a connection of the test's own, outside Roster's pool. */
	public Connection connect() throws SQLException {
		return this.postgres.getPostgresDatabase().getConnection();
	}

	/** Stops the server, which breaks every connection to it. */
	public void stop() throws IOException {
		this.postgres.close();
	}

	/** Starts the server again on the same data directory and port. */
	public void restart() throws IOException {
		this.postgres = start(this.dataDir, this.port);
	}

	@Override
	public void close() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			FileSystemUtils.deleteRecursively(this.dataDir.toFile());
		}
	}

	private static EmbeddedPostgres start(Path dataDir, int port) throws IOException {
		return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port).start();
	}

}
