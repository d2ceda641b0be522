package io.roster.system;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.roster.support.H2Info;
import io.roster.support.RosterServer;
import io.roster.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded H2 database keeps 4 MB of pages on the heap, a quarter of H2's default.
 * With lookups spread over a million colleagues on a 256 MiB heap, the collector's young
 * pauses took about half as long as with the default (load benchmark,
 * docs/benchmarks.md). H2 only: PostgreSQL caches pages outside Roster's process.
 */
class H2PageCacheTests {

	private static RosterServer server;

	@BeforeAll
	static void start() {
		server = RosterServer.start(TestDatabase.H2);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void defaultDatabaseKeepsFourMegabytesOfPages() throws SQLException {
		try (Connection connection = server.bean(DataSource.class).getConnection()) {
			assertThat(H2Info.read(connection, "info.CACHE_MAX_SIZE")).isEqualTo(4);
		}
	}

}
