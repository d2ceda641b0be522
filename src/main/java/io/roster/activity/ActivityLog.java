package io.roster.activity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records and reads the activity of a company. {@link #record} joins the caller's
 * transaction, so an entry written with a change commits or rolls back with it. An entry
 * that {@link #insertItem} adds to a statement of the change commits or rolls back with
 * that statement. {@link #recordSoon} queues an entry that belongs to no change for a
 * background batch. Reads first wait for the entries this instance queued before them.
 */
@Service
public class ActivityLog {

	/** Largest page of {@link #newest}. */
	public static final int MAX_PAGE_SIZE = 1000;

	private final ActivityStore store;

	private final ActivityWriter writer;

	private final TransactionTemplate readOnly;

	ActivityLog(ActivityStore store, ActivityWriter writer, PlatformTransactionManager transactionManager) {
		this.store = store;
		this.writer = writer;
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
	}

	@Transactional
	public void record(UUID companyId, ActivityEntry entry) {
		this.store.insert(companyId, entry);
	}

	/**
	 * Returns a data-modifying {@code WITH} item that inserts the entry of a change on
	 * PostgreSQL when {@code condition} holds, and adds its parameters to {@code params}.
	 * A statement of the change runs it, in place of {@link #record}.
	 */
	public String insertItem(UUID companyId, ActivityEntry entry, String condition, List<Object> params) {
		return ActivityStore.insertItem(companyId, entry, condition, params);
	}

	/**
	 * Records an entry that belongs to no change, such as that of a read or of a failed
	 * request, in a batch written soon after.
	 */
	public void recordSoon(UUID companyId, ActivityEntry entry) {
		this.writer.add(companyId, entry);
	}

	/**
	 * Waits until the entries this instance queued are written, so that an entry recorded
	 * next follows them in the log. Call it outside a transaction.
	 */
	public void flush() {
		this.writer.flush();
	}

	/**
	 * Returns up to {@code limit} entries (at most {@link #MAX_PAGE_SIZE}), newest first.
	 * @param beforeSeq return only entries older than this one, to read the next page
	 */
	public List<ActivityEntry> newest(UUID companyId, @Nullable Long beforeSeq, int limit) {
		this.writer.flush();
		return this.store.newest(companyId, beforeSeq, Math.max(0, Math.min(limit, MAX_PAGE_SIZE)));
	}

	/**
	 * Returns the first {@code limit} entries (at most {@link #MAX_PAGE_SIZE}) of one
	 * connection, oldest first, such as the first requests of a new connection.
	 */
	public List<ActivityEntry> first(UUID companyId, UUID connectionId, int limit) {
		this.writer.flush();
		return this.store.first(companyId, connectionId, Math.max(0, Math.min(limit, MAX_PAGE_SIZE)));
	}

	/**
	 * Returns up to {@code limit} entries (at most {@link #MAX_PAGE_SIZE}) that match the
	 * query, newest first.
	 * @param beforeSeq return only entries older than this one, to read the next page
	 */
	public List<ActivityEntry> search(UUID companyId, ActivityQuery query, @Nullable Long beforeSeq, int limit) {
		this.writer.flush();
		return this.store.search(companyId, query, beforeSeq, Math.max(0, Math.min(limit, MAX_PAGE_SIZE)));
	}

	/** Passes every entry that matches the query to the consumer, oldest first. */
	public void export(UUID companyId, ActivityQuery query, Consumer<ActivityEntry> consumer) {
		this.writer.flush();
		this.readOnly.executeWithoutResult((tx) -> this.store.forEachMatching(companyId, query, consumer));
	}

	/** Passes every entry written in {@code [from, to)} to the consumer, oldest first. */
	public void export(UUID companyId, Instant from, Instant to, Consumer<ActivityEntry> consumer) {
		this.writer.flush();
		this.readOnly.executeWithoutResult((tx) -> this.store.forEachBetween(companyId, from, to, consumer));
	}

}
