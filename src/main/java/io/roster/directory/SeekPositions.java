package io.roster.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * The last internal id served at the end of recent index-paged searches, so that a
 * sequential startIndex walk reads each next page by seeking past that id instead of
 * skipping all earlier rows with OFFSET. A walk of a million rows in pages of 100 would
 * otherwise read about 5 * 10^9 rows in total.
 * <p>
 * A remembered position is only a shortcut: a search whose position is unknown (another
 * instance served the previous page, the entry was evicted, or the instance restarted)
 * reads with OFFSET and returns the same kind of page. When rows were inserted or deleted
 * between two pages, the seek continues after the last row the client saw, while OFFSET
 * may skip or repeat rows; RFC 7644 section 3.4.2.4 allows either.
 */
@Component
class SeekPositions {

	/** Entries kept per instance; each is a few hundred bytes. */
	static final int CAPACITY = 10_000;

	private final Map<Key, UUID> positions = new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, UUID> eldest) {
			return size() > CAPACITY;
		}

	};

	/**
	 * Returns the page to read: a seek past the remembered id when an index-paged search
	 * in id order starts right after a page this instance served, otherwise {@code page}
	 * itself.
	 */
	PageRequest resolve(UUID companyId, String table, SqlCriteria where, PageRequest page) {
		if (page.sort() != null || page.after() != null || page.offset() == 0) {
			return page;
		}
		UUID lastId;
		synchronized (this) {
			lastId = this.positions.get(key(companyId, table, where, page.offset()));
		}
		return (lastId != null) ? new PageRequest(0, page.limit(), null, lastId) : page;
	}

	/**
	 * Remembers where an index-paged search in id order ended. A first page that contains
	 * the whole result, such as that of a lookup by userName, is not remembered, because
	 * the page after it skips at most one page of rows.
	 */
	void remember(UUID companyId, String table, SqlCriteria where, PageRequest page, Page<?> served) {
		if (page.sort() != null || page.after() != null || served.lastId() == null
				|| (page.offset() == 0 && !served.hasMore())) {
			return;
		}
		Key key = key(companyId, table, where, page.offset() + served.items().size());
		synchronized (this) {
			this.positions.put(key, served.lastId());
		}
	}

	private static Key key(UUID companyId, String table, SqlCriteria where, int position) {
		return new Key(companyId, table, where.sql(), new ArrayList<>(where.params()), position);
	}

	/**
	 * A search and a 1-based position in its result.
	 */
	private record Key(UUID companyId, String table, String condition, List<Object> params, int position) {
	}

}
