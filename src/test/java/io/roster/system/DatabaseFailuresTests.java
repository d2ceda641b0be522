package io.roster.system;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseFailuresTests {

	@Test
	void connectionFailuresAreOutages() {
		assertThat(DatabaseFailures.isOutage(new CannotCreateTransactionException("no connection",
				new CannotGetJdbcConnectionException("pool timed out", new SQLTransientConnectionException()))))
			.isTrue();
		assertThat(DatabaseFailures
			.isOutage(new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"))))
			.isTrue();
	}

	@Test
	void outageStatesAreOutagesWhateverTheWrapper() {
		for (String state : new String[] { "08006", "08001", "53300", "57P01", "57P03" }) {
			assertThat(DatabaseFailures
				.isOutage(new UncategorizedSQLException("query", "SELECT 1", new SQLException("failed", state))))
				.as("SQLSTATE %s", state)
				.isTrue();
		}
	}

	@Test
	void dataErrorsAreNotOutages() {
		assertThat(DatabaseFailures.isOutage(new DuplicateKeyException("duplicate"))).isFalse();
		assertThat(DatabaseFailures
			.isOutage(new DataIntegrityViolationException("too long", new SQLException("value too long", "22001"))))
			.isFalse();
		assertThat(DatabaseFailures.isOutage(new IllegalStateException("bug"))).isFalse();
		assertThat(DatabaseFailures.isOutage(null)).isFalse();
	}

	@Test
	void lockTimeoutsAreLockConflictsNotOutages() {
		RuntimeException h2 = new QueryTimeoutException("lock wait",
				new SQLTimeoutException("Timeout trying to lock table", "HYT00", 50200));
		RuntimeException postgres = new UncategorizedSQLException("update", "UPDATE colleague",
				new SQLException("canceling statement due to lock timeout", "55P03"));
		RuntimeException deadlock = new PessimisticLockingFailureException("deadlock",
				new SQLException("deadlock detected", "40P01"));

		for (RuntimeException failure : List.of(h2, postgres, deadlock)) {
			assertThat(DatabaseFailures.isLockConflict(failure)).as(failure.getMessage()).isTrue();
			assertThat(DatabaseFailures.isOutage(failure)).as(failure.getMessage()).isFalse();
		}
	}

	@Test
	void otherQueryTimeoutsStayOutages() {
		RuntimeException canceled = new QueryTimeoutException("statement timeout",
				new SQLTimeoutException("Statement was canceled or the session timed out", "57014", 57014));
		RuntimeException otherHyt00 = new QueryTimeoutException("timeout",
				new SQLTimeoutException("timeout", "HYT00", 0));

		for (RuntimeException failure : List.of(canceled, otherHyt00)) {
			assertThat(DatabaseFailures.isLockConflict(failure)).as(failure.getMessage()).isFalse();
			assertThat(DatabaseFailures.isOutage(failure)).as(failure.getMessage()).isTrue();
		}
	}

	@Test
	void sqlStateComesFromFirstSqlException() {
		assertThat(DatabaseFailures
			.sqlState(new DataIntegrityViolationException("too long", new SQLException("value too long", "22001"))))
			.isEqualTo("22001");
		assertThat(DatabaseFailures.sqlState(new IllegalStateException("no SQL"))).isEqualTo("unknown");
	}

}
