package io.roster.system;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.roster.support.RosterServer;
import io.roster.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Roster runs some statements outside a transaction, such as the create of a new user on
 * PostgreSQL, and a pool whose connections do not auto-commit would roll them back after
 * the response. Roster does not start with such a pool.
 */
class AutoCommitPoolTests {

	@Test
	void startRejectsManualCommitPool() {
		assertThatThrownBy(
				() -> RosterServer.start(TestDatabase.H2, Map.of("spring.datasource.hikari.auto-commit", "false")))
			.hasStackTraceContaining("Roster needs a connection pool that auto-commits");
	}

}
