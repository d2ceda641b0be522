package io.roster.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.roster.system.DatabaseKind;
import io.roster.tenant.Actor;

/**
 * Reads and writes history entries with their fields. Entries are only ever added; a
 * subject's entries read back in the order they were written.
 */
@Repository
class HistoryStore {

	/** Longest stored old or new value; longer values are cut, keeping their start. */
	private static final int MAX_VALUE_LENGTH = 4000;

	/**
	 * Statement that inserts entries on PostgreSQL, with the columns passed as arrays.
	 * The placeholder takes a condition that the rows must meet.
	 */
	private static final String INSERT_ENTRIES = """
			INSERT INTO history_entry (company_id, id, subject_type, subject_id, action, actor_type, actor_id,
			  actor_name, changed_at)
			SELECT CAST(? AS uuid), e.id, e.subject_type, e.subject_id, e.action, e.actor_type, e.actor_id,
			  e.actor_name, e.changed_at
			FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS uuid[]), CAST(? AS text[]),
			  CAST(? AS text[]), CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS timestamptz[])) WITH ORDINALITY
			  AS e(id, subject_type, subject_id, action, actor_type, actor_id, actor_name, changed_at, n)
			WHERE %s
			ORDER BY e.n""";

	/** Like {@link #INSERT_ENTRIES}, for the entries' fields. */
	private static final String INSERT_FIELDS = """
			INSERT INTO history_field (company_id, entry_id, position, field, old_value, new_value)
			SELECT CAST(? AS uuid), f.entry_id, f.position, f.field, f.old_value, f.new_value
			FROM unnest(CAST(? AS uuid[]), CAST(? AS int[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]))
			  AS f(entry_id, position, field, old_value, new_value)
			WHERE %s""";

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
	 * Inserts entries of several kinds of subject with one batch of entries and one of
	 * fields.
	 * @param entriesByType the entries by subject type, {@code colleague} or
	 * {@code team}, inserted in the map's order
	 */
	void insert(UUID companyId, Map<String, List<HistoryEntry>> entriesByType) {
		Rows rows = rows(companyId, entriesByType);
		if (rows.entries().isEmpty()) {
			return;
		}
		if (this.database.isPostgres()) {
			List<Object> params = new ArrayList<>();
			String entries = arrayInsert(INSERT_ENTRIES, "TRUE", companyId, rows.entries(), 9, params);
			String fields = arrayInsert(INSERT_FIELDS, "TRUE", companyId, rows.fields(), 6, params);
			this.jdbc.sql("WITH entry AS (" + entries + ") " + fields).params(params).update();
			return;
		}
		this.batch.batchUpdate("""
				INSERT INTO history_entry (company_id, id, subject_type, subject_id, action, actor_type, actor_id,
				  actor_name, changed_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows.entries());
		this.batch.batchUpdate("""
				INSERT INTO history_field (company_id, entry_id, position, field, old_value, new_value)
				VALUES (?, ?, ?, ?, ?, ?)""", rows.fields());
	}

	/**
	 * Returns two data-modifying {@code WITH} items, named {@code history_entry_rows} and
	 * {@code history_field_rows}, that insert entries of one kind of subject on
	 * PostgreSQL when {@code condition} holds, and adds their parameters to
	 * {@code params}. Another store's statement writes them in its own round trip.
	 */
	static String insertItems(UUID companyId, String subjectType, List<HistoryEntry> entries, String condition,
			List<Object> params) {
		Rows rows = rows(companyId, Map.of(subjectType, entries));
		return "history_entry_rows AS (" + arrayInsert(INSERT_ENTRIES, condition, companyId, rows.entries(), 9, params)
				+ "), history_field_rows AS ("
				+ arrayInsert(INSERT_FIELDS, condition, companyId, rows.fields(), 6, params) + ")";
	}

	private static Rows rows(UUID companyId, Map<String, List<HistoryEntry>> entriesByType) {
		List<Object[]> rows = new ArrayList<>();
		List<Object[]> fields = new ArrayList<>();
		entriesByType.forEach((subjectType, entries) -> {
			for (HistoryEntry entry : entries) {
				Actor actor = entry.actor();
				rows.add(new Object[] { companyId, entry.id(), subjectType, entry.subjectId(), entry.action(),
						actor.type().code(), actor.id(), actor.name(), Timestamps.toColumn(entry.changedAt()) });
				for (int i = 0; i < entry.fields().size(); i++) {
					FieldChange field = entry.fields().get(i);
					fields.add(new Object[] { companyId, entry.id(), i, field.field(), cut(field.oldValue()),
							cut(field.newValue()) });
				}
			}
		});
		return new Rows(rows, fields);
	}

	/** The rows of entries and of their fields, each as its column values. */
	private record Rows(List<Object[]> entries, List<Object[]> fields) {
	}

	/**
	 * Returns an insert of rows passed as one array per column after the company, and
	 * adds its parameters to {@code params}.
	 */
	private static String arrayInsert(String template, String condition, UUID companyId, List<Object[]> rows,
			int columns, List<Object> params) {
		params.add(companyId);
		for (int column = 1; column < columns; column++) {
			params.add(SqlLists.textColumn(rows, column));
		}
		return template.formatted(condition);
	}

	/** Returns the entries of one colleague or team, oldest first. */
	List<HistoryEntry> find(UUID companyId, UUID subjectId) {
		Map<UUID, Header> headers = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT id, action, actor_type, actor_id, actor_name, changed_at FROM history_entry
				WHERE company_id = ? AND subject_id = ? ORDER BY seq""")
			.params(companyId, subjectId)
			.query((rs, row) -> headers.put(rs.getObject("id", UUID.class), new Header(rs.getString("action"),
					new Actor(Actor.Type.fromCode(rs.getString("actor_type")), rs.getObject("actor_id", UUID.class),
							rs.getString("actor_name")),
					Timestamps.read(rs, "changed_at"))))
			.list();
		Map<UUID, List<FieldChange>> fields = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT f.entry_id, f.field, f.old_value, f.new_value FROM history_field f
				JOIN history_entry e ON e.company_id = f.company_id AND e.id = f.entry_id
				WHERE f.company_id = ? AND e.subject_id = ? ORDER BY f.entry_id, f.position""")
			.params(companyId, subjectId)
			.query((rs, row) -> fields.computeIfAbsent(rs.getObject("entry_id", UUID.class), (k) -> new ArrayList<>())
				.add(new FieldChange(rs.getString("field"), rs.getString("old_value"), rs.getString("new_value"))))
			.list();
		List<HistoryEntry> entries = new ArrayList<>();
		headers.forEach((id, header) -> entries.add(new HistoryEntry(id, subjectId, header.action(), header.actor(),
				header.changedAt(), fields.getOrDefault(id, List.of()))));
		return entries;
	}

	private static @Nullable String cut(@Nullable String value) {
		return (value != null && value.length() > MAX_VALUE_LENGTH) ? value.substring(0, MAX_VALUE_LENGTH) : value;
	}

	private record Header(String action, Actor actor, java.time.Instant changedAt) {
	}

}
