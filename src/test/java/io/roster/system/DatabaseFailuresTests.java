package io.roster.system;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
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
	void sqlStateComesFromFirstSqlException() {
		assertThat(DatabaseFailures
			.sqlState(new DataIntegrityViolationException("too long", new SQLException("value too long", "22001"))))
			.isEqualTo("22001");
		assertThat(DatabaseFailures.sqlState(new IllegalStateException("no SQL"))).isEqualTo("unknown");
	}

}
