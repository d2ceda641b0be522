package io.roster.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.db.Store;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rewrites the live pages of H2's most sparsely filled chunks, so that the space of the
 * rest can be reused.
 * <p>
 * H2 stores each commit as a new chunk in its file, and the pages that later commits
 * replace leave holes in the older chunks. H2 reuses a chunk's space only once none of
 * its pages is live. Its background writer moves the live pages out of sparse chunks, but
 * H2 2.4 starts that thread only with a positive {@code WRITE_DELAY}, and Roster sets
 * {@code WRITE_DELAY=0} so that a commit is written before its request returns. Without
 * this job, a chunk with one live page stays in the file until the database closes.
 * <p>
 * A run does nothing while the chunks are on average at least {@link #TARGET_FILL_RATE}
 * percent live. Otherwise it rewrites at most {@link #WRITE_LIMIT} bytes of pages from
 * the sparsest chunks, and the next commit writes them. H2 rewrites or reuses only chunks
 * older than its retention time (45 s by default), so under steady writes the file also
 * contains about that long of commits, which this job cannot reduce. On PostgreSQL, and
 * on an H2 database in memory or on a server, this does nothing.
 */
@Component
class H2Compaction {

	private static final Logger logger = LoggerFactory.getLogger(H2Compaction.class);

	/** Average percentage of live data in the chunks below which a run rewrites pages. */
	static final int TARGET_FILL_RATE = 50;

	/** Maximum bytes of live pages that one run rewrites. */
	static final int WRITE_LIMIT = 4 * 1024 * 1024;

	/** Minimum time between two warnings of failed runs. */
	private static final long WARNING_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();

	private final JdbcTemplate jdbc;

	private final DatabaseKind database;

	/** The store once found. It stays the same while the database is open. */
	private volatile @Nullable MVStore store;

	/** Whether the database turned out not to be an H2 file, which stays so. */
	private volatile boolean notAFile;

	private boolean warned;

	private long lastWarning;

	private int failuresSinceWarning;

	H2Compaction(JdbcTemplate jdbc, DatabaseKind database) {
		this.jdbc = jdbc;
		this.database = database;
	}

	@Scheduled(initialDelayString = "${roster.database.h2-compaction-interval:1s}",
			fixedDelayString = "${roster.database.h2-compaction-interval:1s}")
	void scheduledCompact() {
		try {
			compact();
		}
		catch (DataAccessException | MVStoreException ex) {
			warn(ex);
		}
		catch (RuntimeException ex) {
			// H2 wraps the InterruptedException of its store lock wait, which the
			// scheduler's shutdown causes.
			if (!(ex.getCause() instanceof InterruptedException)) {
				throw ex;
			}
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Rewrites the live pages of the sparsest chunks when the database is an H2 file
	 * whose chunks are on average less than {@link #TARGET_FILL_RATE} percent live.
	 * @return whether pages were rewritten
	 */
	boolean compact() {
		MVStore found = store();
		return (found != null) && !found.isClosed() && found.compact(TARGET_FILL_RATE, WRITE_LIMIT);
	}

	/**
	 * Returns the H2 file store, borrowing a connection only to find it the first time
	 * and after the store has closed.
	 */
	private @Nullable MVStore store() {
		if (this.notAFile || this.database.isPostgres()) {
			return null;
		}
		MVStore known = this.store;
		if (known == null || known.isClosed()) {
			known = this.jdbc.execute((ConnectionCallback<MVStore>) H2Compaction::fileStoreOf);
			this.store = known;
			this.notAFile = (known == null);
		}
		return known;
	}

	/**
	 * Logs a failed run, at most once a minute, with the number of failures since the
	 * last warning.
	 */
	private synchronized void warn(RuntimeException failure) {
		this.failuresSinceWarning++;
		long now = System.nanoTime();
		if (this.warned && now - this.lastWarning < WARNING_INTERVAL_NANOS) {
			return;
		}
		logger.warn("Compacting the H2 database file failed ({} failures since the previous warning). The next"
				+ " interval tries again", this.failuresSinceWarning, LogText.sanitize(failure));
		this.warned = true;
		this.lastWarning = now;
		this.failuresSinceWarning = 0;
	}

	/**
	 * Returns the store of an embedded H2 database kept in a file, or {@code null} for
	 * one in memory, read-only or reached over the network.
	 */
	private static @Nullable MVStore fileStoreOf(Connection connection) throws SQLException {
		if (!connection.isWrapperFor(JdbcConnection.class)
				|| !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
			return null;
		}
		Store store = session.getDatabase().getStore();
		if (store == null) {
			return null;
		}
		MVStore mvStore = store.getMvStore();
		return (mvStore.getFileStore() == null || mvStore.isReadOnly()) ? null : mvStore;
	}

}
