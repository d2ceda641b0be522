package io.roster.activity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records and reads the activity of a company. {@link #record} joins the caller's
 * transaction, so an entry written with a change commits or rolls back with it.
 */
@Service
public class ActivityLog {

	/** Largest page of {@link #newest}. */
	public static final int MAX_PAGE_SIZE = 1000;

	private final ActivityStore store;

	ActivityLog(ActivityStore store) {
		this.store = store;
	}

	@Transactional
	public void record(UUID companyId, ActivityEntry entry) {
		this.store.insert(companyId, entry);
	}

	/**
	 * Returns up to {@code limit} entries (at most {@link #MAX_PAGE_SIZE}), newest first.
	 * @param beforeSeq return only entries older than this one, to read the next page
	 */
	@Transactional(readOnly = true)
	public List<ActivityEntry> newest(UUID companyId, @Nullable Long beforeSeq, int limit) {
		return this.store.newest(companyId, beforeSeq, Math.max(0, Math.min(limit, MAX_PAGE_SIZE)));
	}

	/**
	 * Returns the first {@code limit} entries (at most {@link #MAX_PAGE_SIZE}) of one
	 * connection, oldest first, such as the first requests of a new connection.
	 */
	@Transactional(readOnly = true)
	public List<ActivityEntry> first(UUID companyId, UUID connectionId, int limit) {
		return this.store.first(companyId, connectionId, Math.max(0, Math.min(limit, MAX_PAGE_SIZE)));
	}

	/**
	 * Returns up to {@code limit} entries (at most {@link #MAX_PAGE_SIZE}) that match the
	 * query, newest first.
	 * @param beforeSeq return only entries older than this one, to read the next page
	 */
	@Transactional(readOnly = true)
	public List<ActivityEntry> search(UUID companyId, ActivityQuery query, @Nullable Long beforeSeq, int limit) {
		return this.store.search(companyId, query, beforeSeq, Math.max(0, Math.min(limit, MAX_PAGE_SIZE)));
	}

	/** Passes every entry that matches the query to the consumer, oldest first. */
	@Transactional(readOnly = true)
	public void export(UUID companyId, ActivityQuery query, Consumer<ActivityEntry> consumer) {
		this.store.forEachMatching(companyId, query, consumer);
	}

	/** Passes every entry written in {@code [from, to)} to the consumer, oldest first. */
	@Transactional(readOnly = true)
	public void export(UUID companyId, Instant from, Instant to, Consumer<ActivityEntry> consumer) {
		this.store.forEachBetween(companyId, from, to, consumer);
	}

}
