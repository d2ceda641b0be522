package io.roster.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.roster.system.StoredText;

/**
 * Reads, writes and purges activity entries. Lists of names are stored space-separated,
 * since SCIM attribute and habit names contain no spaces.
 */
@Repository
class ActivityStore {

	private static final int MAX_DETAIL_LENGTH = 2000;

	private static final int MAX_NAMES_LENGTH = 4000;

	/** The start of an insert of entries, up to their values, in the order of row(). */
	private static final String INSERT_INTO = """
			INSERT INTO activity_entry (company_id, id, occurred_at, connection_id, request_id, method,
			  resource_type, resource_id, status, changed_attributes, habits, error_type, error_detail)
			""";

	private final JdbcClient jdbc;

	/** Reads exports in chunks of rows, so an export never holds all its entries. */
	private final JdbcTemplate streaming;

	ActivityStore(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(500);
	}

	void insert(UUID companyId, ActivityEntry entry) {
		insertAll(List.of(new ActivityWriter.Pending(companyId, entry)));
	}

	/** Inserts entries of any companies with one batched statement. */
	void insertAll(List<ActivityWriter.Pending> entries) {
		List<Object[]> rows = new ArrayList<>(entries.size());
		for (ActivityWriter.Pending pending : entries) {
			rows.add(row(pending.companyId(), pending.entry()));
		}
		this.streaming.batchUpdate(INSERT_INTO + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
	}

	/**
	 * Returns a data-modifying {@code WITH} item, named {@code activity_entry_rows}, that
	 * inserts an entry on PostgreSQL when {@code condition} holds, and adds its
	 * parameters to {@code params}. The casts give the parameters types that the columns
	 * accept.
	 */
	static String insertItem(UUID companyId, ActivityEntry entry, String condition, List<Object> params) {
		params.addAll(Arrays.asList(row(companyId, entry)));
		return "activity_entry_rows AS (" + INSERT_INTO + """
				SELECT CAST(? AS uuid), CAST(? AS uuid), CAST(? AS timestamptz), CAST(? AS uuid), CAST(? AS text),
				  CAST(? AS text), CAST(? AS text), CAST(? AS text), CAST(? AS int), CAST(? AS text), CAST(? AS text),
				  CAST(? AS text), CAST(? AS text)
				WHERE %s)""".formatted(condition);
	}

	/** Returns the column values of an entry, in the order of {@link #INSERT_INTO}. */
	private static Object[] row(UUID companyId, ActivityEntry entry) {
		return new Object[] { companyId, entry.id(), utc(entry.occurredAt()), entry.connectionId(), entry.requestId(),
				entry.method(), entry.resourceType(), cut(entry.resourceId(), 64), entry.status(),
				cut(names(entry.changedAttributes()), MAX_NAMES_LENGTH), cut(names(entry.habits()), 1000),
				cut(entry.errorType(), 40), cut(entry.errorDetail(), MAX_DETAIL_LENGTH) };
	}

	/**
	 * Returns up to {@code limit} entries, newest first.
	 * @param beforeSeq return only entries written before this one, or {@code null}
	 */
	List<ActivityEntry> newest(UUID companyId, @Nullable Long beforeSeq, int limit) {
		String condition = (beforeSeq != null) ? " AND seq < ?" : "";
		List<Object> params = new ArrayList<>(List.of(companyId));
		if (beforeSeq != null) {
			params.add(beforeSeq);
		}
		params.add(limit);
		return this.jdbc
			.sql("SELECT * FROM activity_entry WHERE company_id = ?" + condition + " ORDER BY seq DESC LIMIT ?")
			.params(params)
			.query(ActivityStore::map)
			.list();
	}

	/** Returns up to {@code limit} entries of one connection, oldest first. */
	List<ActivityEntry> first(UUID companyId, UUID connectionId, int limit) {
		return this.jdbc
			.sql("SELECT * FROM activity_entry WHERE company_id = ? AND connection_id = ? ORDER BY seq LIMIT ?")
			.params(companyId, connectionId, limit)
			.query(ActivityStore::map)
			.list();
	}

	/**
	 * Returns up to {@code limit} entries that match the query, newest first. The
	 * company's entries are read backwards along their sequence, so a page costs about as
	 * many rows as it skips to find its matches.
	 * @param beforeSeq return only entries written before this one, or {@code null}
	 */
	List<ActivityEntry> search(UUID companyId, ActivityQuery query, @Nullable Long beforeSeq, int limit) {
		StringBuilder condition = new StringBuilder();
		List<Object> params = new ArrayList<>(List.of(companyId));
		if (beforeSeq != null) {
			condition.append(" AND seq < ?");
			params.add(beforeSeq);
		}
		appendQuery(query, condition, params);
		params.add(limit);
		return this.jdbc
			.sql("SELECT * FROM activity_entry WHERE company_id = ?" + condition + " ORDER BY seq DESC LIMIT ?")
			.params(params)
			.query(ActivityStore::map)
			.list();
	}

	/** Passes the entries that match the query to the consumer, oldest first. */
	void forEachMatching(UUID companyId, ActivityQuery query, Consumer<ActivityEntry> consumer) {
		StringBuilder condition = new StringBuilder();
		List<Object> params = new ArrayList<>(List.of(companyId));
		appendQuery(query, condition, params);
		this.streaming.query("SELECT * FROM activity_entry WHERE company_id = ?" + condition + " ORDER BY seq",
				(RowCallbackHandler) (rs) -> consumer.accept(map(rs, 0)), params.toArray());
	}

	private static void appendQuery(ActivityQuery query, StringBuilder condition, List<Object> params) {
		if (query.from() != null) {
			condition.append(" AND occurred_at >= ?");
			params.add(utc(query.from()));
		}
		if (query.to() != null) {
			condition.append(" AND occurred_at < ?");
			params.add(utc(query.to()));
		}
		if ("success".equals(query.outcome())) {
			condition.append(" AND status < 400");
		}
		else if ("failure".equals(query.outcome())) {
			condition.append(" AND status >= 400");
		}
		if (query.method() != null) {
			condition.append(" AND method = ?");
			params.add(query.method());
		}
		if (query.resourceId() != null) {
			condition.append(" AND resource_id = ?");
			params.add(query.resourceId());
		}
	}

	/** Passes the entries written in {@code [from, to)} to the consumer, oldest first. */
	void forEachBetween(UUID companyId, Instant from, Instant to, Consumer<ActivityEntry> consumer) {
		this.streaming.query("""
				SELECT * FROM activity_entry WHERE company_id = ? AND occurred_at >= ? AND occurred_at < ?
				ORDER BY seq""", (RowCallbackHandler) (rs) -> consumer.accept(map(rs, 0)), companyId, utc(from),
				utc(to));
	}

	/**
	 * Deletes the company's entries older than {@code cutoff}. Running it twice, or on
	 * two instances at once, deletes the same rows once.
	 * @return the number of entries deleted
	 */
	int deleteOlderThan(UUID companyId, Instant cutoff) {
		return this.jdbc.sql("DELETE FROM activity_entry WHERE company_id = ? AND occurred_at < ?")
			.params(companyId, utc(cutoff))
			.update();
	}

	private static @Nullable String names(List<String> names) {
		return names.isEmpty() ? null : String.join(" ", names);
	}

	private static List<String> split(@Nullable String names) {
		return (names == null || names.isBlank()) ? List.of() : Arrays.asList(names.split(" "));
	}

	/**
	 * Shortens a text to {@code max} characters and replaces NUL characters, which
	 * PostgreSQL cannot store in text and an error detail can quote from a request.
	 */
	private static @Nullable String cut(@Nullable String value, int max) {
		if (value == null) {
			return null;
		}
		String stored = (value.indexOf('\u0000') >= 0) ? value.replace('\u0000', '\uFFFD') : value;
		return StoredText.cut(stored, max);
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static ActivityEntry map(ResultSet rs, int row) throws SQLException {
		return new ActivityEntry(rs.getLong("seq"), rs.getObject("id", UUID.class),
				rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getObject("connection_id", UUID.class), rs.getString("request_id"), rs.getString("method"),
				rs.getString("resource_type"), rs.getString("resource_id"), rs.getInt("status"),
				split(rs.getString("changed_attributes")), split(rs.getString("habits")), rs.getString("error_type"),
				rs.getString("error_detail"));
	}

}
