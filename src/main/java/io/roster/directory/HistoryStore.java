package io.roster.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.roster.system.DatabaseKind;
import io.roster.system.StoredText;
import io.roster.tenant.Actor;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes history entries with their fields. Entries are only ever added; a
 * subject's entries read back in the order they were written. An entry keeps its fields
 * in one column, so a change writes one row per entry.
 */
@Repository
class HistoryStore {

	/** Longest stored old or new value; longer values are cut, keeping their start. */
	private static final int MAX_VALUE_LENGTH = 4000;

	/** The start of an insert of entries, up to their values, in the order of rows(). */
	private static final String INSERT_INTO = """
			INSERT INTO history_entry (company_id, id, subject_type, subject_id, action, actor_type, actor_id,
			  actor_name, changed_at, fields)
			""";

	/**
	 * Statement that inserts entries on PostgreSQL, with the columns passed as arrays.
	 * The placeholder takes a condition that the rows must meet.
	 */
	private static final String INSERT_ENTRIES = INSERT_INTO + """
			SELECT CAST(? AS uuid), e.id, e.subject_type, e.subject_id, e.action, e.actor_type, e.actor_id,
			  e.actor_name, e.changed_at, e.fields
			FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS uuid[]), CAST(? AS text[]),
			  CAST(? AS text[]), CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS timestamptz[]), CAST(? AS text[]))
			  WITH ORDINALITY
			  AS e(id, subject_type, subject_id, action, actor_type, actor_id, actor_name, changed_at, fields, n)
			WHERE %s
			ORDER BY e.n""";

	/** The number of columns of an entry row, the company included. */
	private static final int COLUMNS = 10;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final DatabaseKind database;

	HistoryStore(JdbcClient jdbc, JdbcTemplate batch, DatabaseKind database) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.database = database;
	}

	/**
	 * Inserts entries of one kind of subject.
	 * @param subjectType {@code colleague} or {@code team}
	 */
	void insert(UUID companyId, String subjectType, List<HistoryEntry> entries) {
		insert(companyId, Map.of(subjectType, entries));
	}

	/**
	 * Inserts entries of several kinds of subject with one statement on PostgreSQL and
	 * one batch elsewhere.
	 * @param entriesByType the entries by subject type, {@code colleague} or
	 * {@code team}, inserted in the map's order
	 */
	void insert(UUID companyId, Map<String, List<HistoryEntry>> entriesByType) {
		List<Object[]> rows = rows(companyId, entriesByType);
		if (rows.isEmpty()) {
			return;
		}
		if (this.database.isPostgres()) {
			List<Object> params = new ArrayList<>();
			this.jdbc.sql(arrayInsert(INSERT_ENTRIES, "TRUE", companyId, rows, params)).params(params).update();
			return;
		}
		this.batch.batchUpdate(INSERT_INTO + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
	}

	/**
	 * Returns a data-modifying {@code WITH} item, named {@code history_entry_rows}, that
	 * inserts entries of one kind of subject on PostgreSQL when {@code condition} holds,
	 * and adds its parameters to {@code params}. Another store's statement writes them in
	 * its own round trip.
	 */
	static String insertItem(UUID companyId, String subjectType, List<HistoryEntry> entries, String condition,
			List<Object> params) {
		List<Object[]> rows = rows(companyId, Map.of(subjectType, entries));
		return "history_entry_rows AS (" + arrayInsert(INSERT_ENTRIES, condition, companyId, rows, params) + ")";
	}

	private static List<Object[]> rows(UUID companyId, Map<String, List<HistoryEntry>> entriesByType) {
		List<Object[]> rows = new ArrayList<>();
		entriesByType.forEach((subjectType, entries) -> {
			for (HistoryEntry entry : entries) {
				Actor actor = entry.actor();
				rows.add(new Object[] { companyId, entry.id(), subjectType, entry.subjectId(), entry.action(),
						actor.type().code(), actor.id(), actor.name(), Timestamps.toColumn(entry.changedAt()),
						fieldsColumn(entry.fields()) });
			}
		});
		return rows;
	}

	/**
	 * Returns the {@code fields} column of an entry: a JSON array with an array of name,
	 * old value and new value for each field, or {@code null} for none.
	 */
	static @Nullable String fieldsColumn(List<FieldChange> fields) {
		if (fields.isEmpty()) {
			return null;
		}
		List<@Nullable String[]> items = new ArrayList<>(fields.size());
		for (FieldChange field : fields) {
			items.add(new @Nullable String[] { field.field(), cut(field.oldValue()), cut(field.newValue()) });
		}
		return JsonMapper.shared().writeValueAsString(items);
	}

	/** Reads the fields of an entry from its {@code fields} column. */
	static List<FieldChange> fields(@Nullable String column) {
		if (column == null) {
			return List.of();
		}
		String[][] items = JsonMapper.shared().readValue(column, String[][].class);
		List<FieldChange> fields = new ArrayList<>(items.length);
		for (String[] item : items) {
			fields.add(new FieldChange(Objects.requireNonNull(item[0]), item[1], item[2]));
		}
		return fields;
	}

	/**
	 * Returns an insert of rows passed as one array per column after the company, and
	 * adds its parameters to {@code params}.
	 */
	private static String arrayInsert(String template, String condition, UUID companyId, List<Object[]> rows,
			List<Object> params) {
		params.add(companyId);
		for (int column = 1; column < COLUMNS; column++) {
			params.add(SqlLists.textColumn(rows, column));
		}
		return template.formatted(condition);
	}

	/** Returns the entries of one colleague or team, oldest first. */
	List<HistoryEntry> find(UUID companyId, UUID subjectId) {
		return this.jdbc.sql("""
				SELECT id, action, actor_type, actor_id, actor_name, changed_at, fields FROM history_entry
				WHERE company_id = ? AND subject_id = ? ORDER BY seq""")
			.params(companyId, subjectId)
			.query((rs, row) -> new HistoryEntry(rs.getObject("id", UUID.class), subjectId, rs.getString("action"),
					new Actor(Actor.Type.fromCode(rs.getString("actor_type")), rs.getObject("actor_id", UUID.class),
							rs.getString("actor_name")),
					Timestamps.read(rs, "changed_at"), fields(rs.getString("fields"))))
			.list();
	}

	private static @Nullable String cut(@Nullable String value) {
		return (value != null) ? StoredText.cut(value, MAX_VALUE_LENGTH) : null;
	}

}
