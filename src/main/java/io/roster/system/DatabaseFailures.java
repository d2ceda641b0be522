package io.roster.system;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a database outage and a lock conflict from other failures. An outage is a
 * connection that cannot be had or was lost, a server that is shutting down or starting,
 * a query that timed out, or a commit or rollback that failed at the JDBC level. The last
 * happens because the pool closes a connection that reported a connection error, so the
 * rollback after it fails with "Connection is closed". Such a failure is the server's and
 * temporary, so callers respond 503 and let the client retry.
 * <p>
 * A lock conflict is a transaction that the database rolled back as a deadlock victim, or
 * whose wait for a row lock ran past the lock timeout. It is never an outage, even where
 * Spring reports it as a {@link QueryTimeoutException}, because the database responded
 * and only the one request failed. Callers respond 503 with a {@code Retry-After} of
 * {@link #LOCK_CONFLICT_RETRY_AFTER} and leave the database marked as reachable.
 */
public final class DatabaseFailures {

	/**
	 * PostgreSQL's SQLSTATEs for a server that an administrator or a crash shut down, or
	 * that cannot accept connections yet.
	 */
	private static final Set<String> OUTAGE_STATES = Set.of("57P01", "57P02", "57P03");

	/**
	 * {@code Retry-After} of a request that lost a lock conflict. It is short because the
	 * other transaction holds its locks only until it commits.
	 */
	public static final Duration LOCK_CONFLICT_RETRY_AFTER = Duration.ofSeconds(1);

	/**
	 * PostgreSQL's SQLSTATE 55P03 (lock_not_available): a lock wait ran past
	 * {@code lock_timeout}, or {@code NOWAIT} found the row locked. Spring 7's
	 * translators leave it uncategorized.
	 */
	private static final String POSTGRES_LOCK_NOT_AVAILABLE = "55P03";

	/**
	 * H2's error code LOCK_TIMEOUT_1 (SQLSTATE HYT00): a lock wait ran past the session's
	 * {@code LOCK_TIMEOUT}. H2 throws it as a {@code SQLTimeoutException}, which Spring 7
	 * translates to a {@link QueryTimeoutException}.
	 */
	private static final int H2_LOCK_TIMEOUT = 50200;

	private DatabaseFailures() {
	}

	/**
	 * Returns whether the failure, or any of its causes, is a database outage. A lock
	 * conflict anywhere among them makes it no outage.
	 */
	public static boolean isOutage(@Nullable Throwable failure) {
		if (isLockConflict(failure)) {
			return false;
		}
		Map<Throwable, Boolean> seen = new IdentityHashMap<>();
		for (Throwable cause = failure; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
			if (isOutageType(cause) || (cause instanceof SQLException sql && isOutageState(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Returns whether the failure, or any of its causes, is a lock conflict: a deadlock
	 * victim ({@link PessimisticLockingFailureException}) or a lock wait that ran past
	 * PostgreSQL's {@code lock_timeout} or H2's {@code LOCK_TIMEOUT}.
	 */
	public static boolean isLockConflict(@Nullable Throwable failure) {
		Map<Throwable, Boolean> seen = new IdentityHashMap<>();
		for (Throwable cause = failure; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
			if (cause instanceof PessimisticLockingFailureException
					|| (cause instanceof SQLException sql && isLockTimeout(sql))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Returns the detail of the 503 for a lock conflict. It contains no SQL or data, so
	 * it is safe to send to the client.
	 */
	public static String lockConflictDetail(String requestId) {
		return "The request conflicted with a concurrent request for the same database rows and changed nothing."
				+ " Retry after " + DatabaseOutageFilter.retryAfterSeconds(LOCK_CONFLICT_RETRY_AFTER)
				+ " s. Request id: " + requestId;
	}

	private static boolean isLockTimeout(SQLException failure) {
		return POSTGRES_LOCK_NOT_AVAILABLE.equals(failure.getSQLState())
				|| ("HYT00".equals(failure.getSQLState()) && failure.getErrorCode() == H2_LOCK_TIMEOUT);
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
