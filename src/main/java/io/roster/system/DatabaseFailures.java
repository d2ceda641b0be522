package io.roster.system;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a database outage from other failures. An outage is a connection that cannot be
 * had or was lost, a server that is shutting down or starting, a query that timed out, or
 * a commit or rollback that failed at the JDBC level. The last happens because the pool
 * closes a connection that reported a connection error, so the rollback after it fails
 * with "Connection is closed". Such a failure is the server's and temporary, so callers
 * respond 503 and let the client retry.
 */
public final class DatabaseFailures {

	/**
	 * PostgreSQL's SQLSTATEs for a server that an administrator or a crash shut down, or
	 * that cannot accept connections yet.
	 */
	private static final Set<String> OUTAGE_STATES = Set.of("57P01", "57P02", "57P03");

	private DatabaseFailures() {
	}

	/** Returns whether the failure, or any of its causes, is a database outage. */
	public static boolean isOutage(@Nullable Throwable failure) {
		Map<Throwable, Boolean> seen = new IdentityHashMap<>();
		for (Throwable cause = failure; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
			if (isOutageType(cause) || (cause instanceof SQLException sql && isOutageState(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Throws the failure again if it is a database outage. Sign-in failure handlers call
	 * this, so that an outage in the user lookup reaches {@link WebOutages} as a 503
	 * instead of counting as a wrong password.
	 */
	public static void rethrowOutage(RuntimeException failure) {
		if (isOutage(failure)) {
			throw failure;
		}
	}

	private static boolean isOutageType(Throwable failure) {
		return failure instanceof DataAccessResourceFailureException
				|| failure instanceof TransientDataAccessResourceException || failure instanceof QueryTimeoutException
				|| failure instanceof CannotCreateTransactionException || failure instanceof TransactionSystemException
				|| failure instanceof SQLTransientConnectionException
				|| failure instanceof SQLNonTransientConnectionException || failure instanceof SQLRecoverableException;
	}

	/**
	 * Returns whether a SQLSTATE is class 08 (connection exception), class 53
	 * (insufficient resources) or one of {@link #OUTAGE_STATES}.
	 */
	private static boolean isOutageState(@Nullable String state) {
		return state != null && (state.startsWith("08") || state.startsWith("53") || OUTAGE_STATES.contains(state));
	}

	/**
	 * Returns the SQLSTATE of the first {@link SQLException} among the failure and its
	 * causes, or {@code "unknown"}: a code to log where the message would quote data.
	 */
	public static String sqlState(Throwable failure) {
		Map<Throwable, Boolean> seen = new IdentityHashMap<>();
		for (Throwable cause = failure; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return "unknown";
	}

}
