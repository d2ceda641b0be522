package io.roster.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.roster.system.DatabaseKind;

/**
 * Reads and writes colleagues and their multi-valued attributes.
 */
@Repository
class ColleagueStore {

	private static final String EMAIL = "email";

	private static final String ROLE = "role";

	/** The start of an insert of a colleague, up to its values, in the order of row(). */
	private static final String INSERT_INTO = """
			INSERT INTO colleague (company_id, id, link_id, user_name, user_name_key, external_id, given_name,
			  family_name, formatted_name, display_name, display_name_key, title, active, role, employee_number,
			  department, cost_center, organization, division, manager_link_id, managed_by, scim_connection_id,
			  version, created_at, updated_at)
			""";

	private static final String INSERT = INSERT_INTO
			+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	/** The condition on a colleague {@code c} that has a new user's userName key. */
	private static final String SAME_USER_NAME = "c.company_id = ? AND c.user_name_key = ?";

	/**
	 * The condition on a colleague {@code c} that no identity provider links to and that
	 * has a new user's external id.
	 */
	private static final String UNLINKED_EXTERNAL_ID = "c.company_id = ? AND c.link_id IS NULL AND c.external_id = ?";

	private static final String MATCH_POSTGRES = matchSqlWith("");

	private static final String MATCH_H2 = matchSqlWith(" USE INDEX (ix_colleague_external_id)");

	/**
	 * Inserts a colleague's values on PostgreSQL, passed as arrays. The placeholder takes
	 * a condition that the rows must meet.
	 */
	private static final String INSERT_VALUES = """
			INSERT INTO colleague_value (company_id, colleague_id, kind, position, item_value, item_value_key,
			  item_type, item_display, is_primary)
			SELECT CAST(? AS uuid), CAST(? AS uuid), v.kind, v.position, v.item_value, v.item_value_key, v.item_type,
			  v.item_display, v.is_primary
			FROM unnest(CAST(? AS text[]), CAST(? AS int[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
			  CAST(? AS text[]), CAST(? AS boolean[]))
			  AS v(kind, position, item_value, item_value_key, item_type, item_display, is_primary)
			WHERE %s""";

	/** {@link #INSERT} and the colleague's values, for PostgreSQL. */
	private static final String INSERT_WITH_VALUES = "WITH inserted AS (" + INSERT + ") "
			+ INSERT_VALUES.formatted("TRUE");

	/**
	 * Inserts a new colleague on PostgreSQL, with its values and the items of the
	 * placeholder (history and activity), unless the company has a colleague that
	 * {@link #findMatch} would find. {@code matched} has the conditions of
	 * {@link #matchSql} but returns no columns and does not sort, since only whether a
	 * match exists matters here. Its parameters are those of {@link #matchSql}, the
	 * colleague's columns in the order of {@link #INSERT}, then those of the values and
	 * of the placeholder's items. The casts give the parameters types that the columns
	 * accept, as VALUES would.
	 */
	private static final String INSERT_UNLESS_MATCHED = """
			WITH matched AS (
			  SELECT 1 FROM colleague c WHERE %s
			  UNION ALL
			  SELECT 1 FROM colleague c WHERE %s
			  LIMIT 1
			), inserted AS (
			  %s
			  SELECT CAST(? AS uuid), CAST(? AS uuid), CAST(? AS text), CAST(? AS text), CAST(? AS text),
			    CAST(? AS text), CAST(? AS text), CAST(? AS text), CAST(? AS text), CAST(? AS text), CAST(? AS text),
			    CAST(? AS text), CAST(? AS boolean), CAST(? AS text), CAST(? AS text), CAST(? AS text), CAST(? AS text),
			    CAST(? AS text), CAST(? AS text), CAST(? AS text), CAST(? AS text), CAST(? AS uuid), CAST(? AS bigint),
			    CAST(? AS timestamptz), CAST(? AS timestamptz)
			  WHERE NOT EXISTS (SELECT 1 FROM matched)
			), inserted_values AS (
			  %s
			), %s
			SELECT COUNT(*) FROM matched""".formatted(SAME_USER_NAME, UNLINKED_EXTERNAL_ID, INSERT_INTO,
			INSERT_VALUES.formatted(ColleagueStore.UNMATCHED), "%s");

	/** The condition of the inserts of {@link #INSERT_UNLESS_MATCHED}. */
	static final String UNMATCHED = "NOT EXISTS (SELECT 1 FROM matched)";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final SeekPositions positions;

	private final DirectoryCountStore counts;

	private final DatabaseKind database;

	private final HistoryStore history;

	ColleagueStore(JdbcClient jdbc, JdbcTemplate batch, SeekPositions positions, DirectoryCountStore counts,
			DatabaseKind database, HistoryStore history) {
		this.jdbc = jdbc;
		this.history = history;
		this.database = database;
		this.batch = batch;
		this.positions = positions;
		this.counts = counts;
	}

	/**
	 * Inserts a colleague with its multi-valued attributes. On PostgreSQL this is one
	 * statement, the values passed as arrays; elsewhere two.
	 */
	void insert(UUID companyId, Colleague colleague) {
		if (!this.database.isPostgres()) {
			insertAll(companyId, List.of(colleague));
			return;
		}
		List<Object> params = new ArrayList<>(Arrays.asList(row(companyId, colleague)));
		addValueParams(params, companyId, colleague);
		this.jdbc.sql(INSERT_WITH_VALUES).params(params).update();
	}

	/**
	 * Returns whether {@link #insertUnlessMatched} writes a new colleague in one
	 * statement, as it does on PostgreSQL, and then needs no transaction around it.
	 */
	boolean insertsInOneStatement() {
		return this.database.isPostgres();
	}

	/**
	 * Inserts a new colleague with its multi-valued attributes and its history entry,
	 * unless the company has a colleague that {@link #findMatch} would find. On
	 * PostgreSQL this is one statement, which also inserts the rows of {@code record}.
	 * Elsewhere the match is read first, and {@code record} is left to its caller.
	 * @param externalId the external id a match may have, or {@code null}
	 * @param record rows to insert with the colleague, notified when they are inserted
	 * @return whether the colleague was inserted
	 */
	boolean insertUnlessMatched(UUID companyId, Colleague colleague, @Nullable String externalId, HistoryEntry history,
			ChangeRecord<Colleague> record) {
		if (!insertsInOneStatement()) {
			if (findMatch(companyId, colleague.profile().userName(), externalId).isPresent()) {
				return false;
			}
			insertAll(companyId, List.of(colleague));
			this.history.insert(companyId, History.COLLEAGUE, List.of(history));
			return true;
		}
		List<Object> params = new ArrayList<>(
				Arrays.asList(companyId, key(colleague.profile().userName()), companyId, externalId));
		params.addAll(Arrays.asList(row(companyId, colleague)));
		addValueParams(params, companyId, colleague);
		String items = HistoryStore.insertItem(companyId, History.COLLEAGUE, List.of(history), UNMATCHED, params) + ", "
				+ record.insertItem(colleague, history.fields(), UNMATCHED, params);
		long matches = this.jdbc.sql(INSERT_UNLESS_MATCHED.formatted(items)).params(params).query(Long.class).single();
		if (matches > 0) {
			return false;
		}
		record.written();
		return true;
	}

	private static void addValueParams(List<Object> params, UUID companyId, Colleague colleague) {
		List<Object[]> values = new ArrayList<>();
		addValues(values, companyId, colleague.id(), colleague.profile());
		params.add(companyId);
		params.add(colleague.id());
		for (int column = 2; column < 9; column++) {
			params.add(SqlLists.textColumn(values, column));
		}
	}

	/** Inserts colleagues with their multi-valued attributes in batches. */
	void insertAll(UUID companyId, List<Colleague> colleagues) {
		List<Object[]> rows = new ArrayList<>();
		List<Object[]> values = new ArrayList<>();
		for (Colleague colleague : colleagues) {
			rows.add(row(companyId, colleague));
			addValues(values, companyId, colleague.id(), colleague.profile());
		}
		this.batch.batchUpdate(INSERT, rows);
		insertValues(values);
	}

	private static Object[] row(UUID companyId, Colleague colleague) {
		ColleagueProfile p = colleague.profile();
		return new Object[] { companyId, colleague.id(), colleague.linkId(), p.userName(), key(p.userName()),
				p.externalId(), p.givenName(), p.familyName(), p.formattedName(), p.displayName(), key(p.displayName()),
				p.title(), p.active(), colleague.role(), p.employeeNumber(), p.department(), p.costCenter(),
				p.organization(), p.division(), p.managerLinkId(), colleague.managedBy(), colleague.scimConnectionId(),
				colleague.version(), Timestamps.toColumn(colleague.createdAt()),
				Timestamps.toColumn(colleague.updatedAt()) };
	}

	/**
	 * Overwrites the colleague's row if its version is still {@code expectedVersion}.
	 * @return whether the row was written
	 */
	boolean update(UUID companyId, Colleague colleague, long expectedVersion) {
		ColleagueProfile p = colleague.profile();
		int rows = this.jdbc.sql("""
				UPDATE colleague SET link_id = ?, user_name = ?, user_name_key = ?, external_id = ?, given_name = ?,
				  family_name = ?, formatted_name = ?, display_name = ?, display_name_key = ?, title = ?, active = ?,
				  role = ?, employee_number = ?, department = ?, cost_center = ?, organization = ?, division = ?,
				  manager_link_id = ?, managed_by = ?, scim_connection_id = ?, version = ?, updated_at = ?
				WHERE company_id = ? AND id = ? AND version = ?""")
			.params(colleague.linkId(), p.userName(), key(p.userName()), p.externalId(), p.givenName(), p.familyName(),
					p.formattedName(), p.displayName(), key(p.displayName()), p.title(), p.active(), colleague.role(),
					p.employeeNumber(), p.department(), p.costCenter(), p.organization(), p.division(),
					p.managerLinkId(), colleague.managedBy(), colleague.scimConnectionId(), colleague.version(),
					Timestamps.toColumn(colleague.updatedAt()), companyId, colleague.id(), expectedVersion)
			.update();
		if (rows == 0) {
			return false;
		}
		this.jdbc.sql("DELETE FROM colleague_value WHERE company_id = ? AND colleague_id = ?")
			.params(companyId, colleague.id())
			.update();
		insertValues(companyId, colleague.id(), p);
		return true;
	}

	Optional<Colleague> findById(UUID companyId, UUID id) {
		return first(find(companyId, "c.id = ?", List.of(id), 0, 1));
	}

	/**
	 * Returns the colleagues whose lower-cased userName is after {@code afterKey} and at
	 * most {@code lastKey}, in that order. Both databases read such a range from the
	 * userName index, where a long list of ids would make H2 scan the whole company.
	 */
	List<Colleague> findByUserNameRange(UUID companyId, String afterKey, String lastKey) {
		return find(companyId, "c.user_name_key > ? AND c.user_name_key <= ?", List.of(afterKey, lastKey),
				" ORDER BY c.user_name_key", 0, Integer.MAX_VALUE);
	}

	Optional<Colleague> findByLinkId(UUID companyId, String linkId) {
		return first(find(companyId, "c.link_id = ?", List.of(linkId), 0, 1));
	}

	Optional<Colleague> findByUserName(UUID companyId, String userName) {
		return first(find(companyId, "c.user_name_key = ?", List.of(key(userName)), 0, 1));
	}

	/**
	 * Returns the statement that finds the colleague with a userName, or else an unlinked
	 * colleague with an externalId. Its parameters are the company, the userName's key,
	 * the company and the externalId. H2 2.4 read the second branch through the unique
	 * index on {@code (company_id, link_id)}, so it tested every unlinked colleague of
	 * the company. On H2 the branch therefore names the externalId index.
	 */
	static String matchSql(boolean postgres) {
		return postgres ? MATCH_POSTGRES : MATCH_H2;
	}

	private static String matchSqlWith(String externalIdIndex) {
		return """
				SELECT m.* FROM (
				  SELECT c.*, 0 AS match_order FROM colleague c WHERE %s
				  UNION ALL
				  SELECT c.*, 1 AS match_order FROM colleague c%s WHERE %s
				) m ORDER BY m.match_order, m.id LIMIT 1""".formatted(SAME_USER_NAME, externalIdIndex,
				UNLINKED_EXTERNAL_ID);
	}

	/**
	 * Finds the colleague a new SCIM user matches: the one with its userName, or else one
	 * that no identity provider is linked to and that carries its external id. Both
	 * lookups run in one statement.
	 */
	Optional<Colleague> findMatch(UUID companyId, String userName, @Nullable String externalId) {
		if (externalId == null) {
			return findByUserName(companyId, userName);
		}
		List<Row> rows = this.jdbc.sql(matchSql(this.database.isPostgres()))
			.params(companyId, key(userName), companyId, externalId)
			.query(ColleagueStore::mapRow)
			.list();
		return first(withValues(companyId, rows));
	}

	/**
	 * Searches a company's colleagues.
	 * @param linkedOnly whether to find only colleagues linked to an identity provider,
	 * the ones SCIM serves
	 */
	Page<Colleague> search(UUID companyId, Criterion criterion, PageRequest page, boolean linkedOnly) {
		SqlCriteria where = SqlCriteria.compile(criterion);
		String condition = (linkedOnly ? "c.link_id IS NOT NULL AND " : "") + where.sql();
		// Seek positions of the two kinds of search are kept apart, since their rows
		// differ.
		String positionsKey = linkedOnly ? "colleague" : "colleague, linked or not";
		if (page.limit() == 0) {
			long total = total(companyId, criterion, linkedOnly, condition, where);
			return new Page<>(List.of(), total, null, total > page.offset());
		}
		PageRequest read = this.positions.resolve(companyId, positionsKey, where, page);
		String pageCondition = condition;
		List<Object> params = new ArrayList<>(where.params());
		if (read.after() != null) {
			pageCondition += " AND c.id > ?";
			params.add(read.after());
		}
		List<Colleague> rows = find(companyId, pageCondition, params, read.orderBy("c"), read.offset(),
				read.limit() + 1);
		boolean hasMore = rows.size() > page.limit();
		List<Colleague> items = hasMore ? rows.subList(0, page.limit()) : rows;
		// The last page of an offset read gives the total without a count, so a lookup
		// such as userName eq reads one index entry instead of two.
		boolean complete = !hasMore && read.after() == null && (read.offset() == 0 || !items.isEmpty());
		long total = complete ? read.offset() + items.size()
				: total(companyId, criterion, linkedOnly, condition, where);
		Page<Colleague> served = new Page<>(items, total, items.isEmpty() ? null : items.get(items.size() - 1).id(),
				hasMore);
		this.positions.remember(companyId, positionsKey, where, page, served);
		return served;
	}

	/**
	 * Returns the number of matching colleagues. A search of all linked colleagues reads
	 * the counts that triggers keep; any other search counts its matches.
	 */
	private long total(UUID companyId, Criterion criterion, boolean linkedOnly, String condition, SqlCriteria where) {
		if (linkedOnly && criterion instanceof Criterion.All) {
			return this.counts.linkedColleagues(companyId);
		}
		// NOTE: a filtered search counts totalResults, which reads every matching index
		// entry, so its pages cost more as the matches grow.
		return count(companyId, condition, where);
	}

	private long count(UUID companyId, String condition, SqlCriteria where) {
		List<Object> params = new ArrayList<>();
		params.add(companyId);
		params.addAll(where.params());
		return this.jdbc.sql("SELECT COUNT(*) FROM colleague c WHERE c.company_id = ? AND " + condition)
			.params(params)
			.query(Long.class)
			.single();
	}

	/** Returns the members of a team, linked or not, by userName. */
	List<Colleague> membersOf(UUID companyId, UUID teamId) {
		// Read from the team's memberships: H2 ran a correlated IN (SELECT ...) on
		// team_member once per colleague of the company.
		List<Row> rows = this.jdbc.sql("""
				SELECT c.* FROM team_member m JOIN colleague c ON c.company_id = m.company_id AND c.id = m.colleague_id
				WHERE m.company_id = ? AND m.team_id = ? ORDER BY c.user_name_key, c.id""")
			.params(companyId, teamId)
			.query(ColleagueStore::mapRow)
			.list();
		return withValues(companyId, rows);
	}

	/** Returns which of the given ids belong to colleagues of the company. */
	Set<UUID> existingIds(UUID companyId, Collection<UUID> ids) {
		Set<UUID> found = new HashSet<>();
		for (List<UUID> chunk : chunks(List.copyOf(ids))) {
			lookup("c.id", "colleague", "c", "id", chunk, companyId, "")
				.query((rs, row) -> found.add(rs.getObject("id", UUID.class)))
				.list();
		}
		return found;
	}

	/** Returns the internal ids of the linked colleagues with the given link ids. */
	Map<String, UUID> idsByLinkId(UUID companyId, Collection<String> linkIds) {
		return idsByLinkId(companyId, linkIds, "");
	}

	/**
	 * Like {@link #idsByLinkId}, and on PostgreSQL keeps each found colleague linked
	 * until the transaction ends: {@code FOR KEY SHARE} conflicts with an update of
	 * {@code link_id}, a column with a unique index, so a deprovisioning of the colleague
	 * either waits for this transaction or has committed before, and then the colleague
	 * is not found. H2 has no such lock; there a colleague deprovisioned meanwhile can
	 * stay a member.
	 */
	Map<String, UUID> holdIdsByLinkId(UUID companyId, Collection<String> linkIds) {
		return idsByLinkId(companyId, linkIds, keyShareLock());
	}

	private Map<String, UUID> idsByLinkId(UUID companyId, Collection<String> linkIds, String lock) {
		Map<String, UUID> ids = new HashMap<>();
		for (List<String> chunk : chunks(List.copyOf(linkIds))) {
			lookup("c.link_id, c.id", "colleague", "c", "link_id", chunk, companyId, lock)
				.query((rs, row) -> ids.put(rs.getString("link_id"), rs.getObject("id", UUID.class)))
				.list();
		}
		return ids;
	}

	private List<Colleague> find(UUID companyId, String condition, List<?> params, int offset, int limit) {
		return find(companyId, condition, params, " ORDER BY c.id", offset, limit);
	}

	private List<Colleague> find(UUID companyId, String condition, List<?> params, String orderBy, int offset,
			int limit) {
		List<Object> all = prepend(companyId, params);
		all.add(limit);
		all.add(offset);
		Map<UUID, Row> rows = new LinkedHashMap<>();
		Map<UUID, List<StoredValue>> values = new HashMap<>();
		String sql = pageSql(condition, orderBy);
		this.jdbc.sql(sql).params(all).query((ResultSet rs) -> {
			UUID id = rs.getObject("id", UUID.class);
			if (!rows.containsKey(id)) {
				rows.put(id, mapRow(rs, rows.size()));
			}
			String kind = rs.getString("value_kind");
			if (kind != null) {
				values.computeIfAbsent(id, (key) -> new ArrayList<>())
					.add(new StoredValue(kind, new MultiValue(rs.getString("value_item"), rs.getString("value_type"),
							rs.getString("value_display"), rs.getBoolean("value_primary"))));
			}
		});
		return rows.values().stream().map((row) -> row.toColleague(values.getOrDefault(row.id(), List.of()))).toList();
	}

	/**
	 * Returns the statement that reads a page of colleagues with their emails and roles,
	 * one row per value. The values join the page's rows after its LIMIT, through their
	 * primary key, and a LEFT JOIN keeps that join order on H2 too. Its parameters are
	 * the company, those of the condition, the limit and the offset.
	 */
	static String pageSql(String condition, String orderBy) {
		return "SELECT c.*, x.kind AS value_kind, x.item_value AS value_item, x.item_type AS value_type,"
				+ " x.item_display AS value_display, x.is_primary AS value_primary"
				+ " FROM (SELECT c.* FROM colleague c WHERE c.company_id = ? AND " + condition + orderBy
				+ " LIMIT ? OFFSET ?) c"
				+ " LEFT JOIN colleague_value x ON x.company_id = c.company_id AND x.colleague_id = c.id" + orderBy
				+ ", x.kind, x.position";
	}

	private List<Colleague> withValues(UUID companyId, List<Row> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<UUID, List<StoredValue>> values = loadValues(companyId, rows.stream().map(Row::id).toList());
		return rows.stream().map((row) -> row.toColleague(values.getOrDefault(row.id(), List.of()))).toList();
	}

	private Map<UUID, List<StoredValue>> loadValues(UUID companyId, List<UUID> colleagueIds) {
		Map<UUID, List<StoredValue>> values = new HashMap<>();
		for (List<UUID> chunk : chunks(colleagueIds)) {
			lookup("x.*", "colleague_value", "x", "colleague_id", chunk, companyId,
					" ORDER BY x.colleague_id, x.kind, x.position")
				.query((rs, row) -> values
					.computeIfAbsent(rs.getObject("colleague_id", UUID.class), (k) -> new ArrayList<>())
					.add(new StoredValue(rs.getString("kind"),
							new MultiValue(rs.getString("item_value"), rs.getString("item_type"),
									rs.getString("item_display"), rs.getBoolean("is_primary")))))
				.list();
		}
		return values;
	}

	private void insertValues(UUID companyId, UUID colleagueId, ColleagueProfile profile) {
		List<Object[]> batch = new ArrayList<>();
		addValues(batch, companyId, colleagueId, profile);
		insertValues(batch);
	}

	private void insertValues(List<Object[]> batch) {
		if (batch.isEmpty()) {
			return;
		}
		this.batch.batchUpdate("""
				INSERT INTO colleague_value (company_id, colleague_id, kind, position, item_value, item_value_key,
				  item_type, item_display, is_primary)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", batch);
	}

	/** Adds the rows of a colleague's emails and then its roles to the batch. */
	private static void addValues(List<Object[]> batch, UUID companyId, UUID colleagueId, ColleagueProfile profile) {
		addBatch(batch, companyId, colleagueId, EMAIL, profile.emails());
		addBatch(batch, companyId, colleagueId, ROLE, profile.roles());
	}

	private static void addBatch(List<Object[]> batch, UUID companyId, UUID colleagueId, String kind,
			List<MultiValue> values) {
		for (int i = 0; i < values.size(); i++) {
			MultiValue value = values.get(i);
			batch.add(new Object[] { companyId, colleagueId, kind, i, value.value(), key(value.value()), value.type(),
					value.display(), value.primary() });
		}
	}

	private String keyShareLock() {
		return this.database.isPostgres() ? " FOR KEY SHARE OF c" : "";
	}

	static @Nullable String key(@Nullable String value) {
		return (value != null) ? value.toLowerCase(Locale.ROOT) : null;
	}

	/**
	 * Returns the statement that selects {@code columns} of the company's rows of
	 * {@code table} whose {@code key} column is one of the listed values, in the shape
	 * that the database in use reads as one index lookup per value (see
	 * {@link SqlLists}), followed by {@code rest}.
	 */
	private JdbcClient.StatementSpec lookup(String columns, String table, String alias, String key, List<?> listed,
			UUID companyId, String rest) {
		if (this.database.isPostgres()) {
			return this.jdbc
				.sql("SELECT " + columns + " FROM " + SqlLists.values(listed.size()) + " JOIN " + table + " " + alias
						+ " ON " + alias + ".company_id = ? AND " + alias + "." + key + " = listed.v" + rest)
				.params(append(listed, companyId));
		}
		return this.jdbc
			.sql("SELECT " + columns + " FROM " + table + " " + alias + " WHERE "
					+ SqlLists.rowIn(listed.size(), alias + ".company_id", alias + "." + key) + rest)
			.params(SqlLists.rowInParams(listed, companyId));
	}

	private static List<Object> append(List<?> first, Object last) {
		List<Object> all = new ArrayList<>(first.size() + 1);
		all.addAll(first);
		all.add(last);
		return all;
	}

	private static List<Object> prepend(Object first, List<?> rest) {
		List<Object> all = new ArrayList<>(rest.size() + 3);
		all.add(first);
		all.addAll(rest);
		return all;
	}

	static <T> List<List<T>> chunks(List<T> items) {
		List<List<T>> chunks = new ArrayList<>();
		for (int i = 0; i < items.size(); i += 500) {
			chunks.add(items.subList(i, Math.min(items.size(), i + 500)));
		}
		return chunks;
	}

	private static <T> Optional<T> first(List<T> items) {
		return items.stream().findFirst();
	}

	private static Row mapRow(ResultSet rs, int rowNumber) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), rs.getString("link_id"), rs.getString("user_name"),
				rs.getString("external_id"), rs.getString("given_name"), rs.getString("family_name"),
				rs.getString("formatted_name"), rs.getString("display_name"), rs.getString("title"),
				rs.getBoolean("active"), rs.getString("role"), rs.getString("employee_number"),
				rs.getString("department"), rs.getString("cost_center"), rs.getString("organization"),
				rs.getString("division"), rs.getString("manager_link_id"), rs.getString("managed_by"),
				rs.getObject("scim_connection_id", UUID.class), rs.getLong("version"),
				Timestamps.read(rs, "created_at"), Timestamps.read(rs, "updated_at"));
	}

	private record StoredValue(String kind, MultiValue value) {
	}

	private record Row(UUID id, @Nullable String linkId, String userName, @Nullable String externalId,
			@Nullable String givenName, @Nullable String familyName, @Nullable String formattedName,
			@Nullable String displayName, @Nullable String title, boolean active, String role,
			@Nullable String employeeNumber, @Nullable String department, @Nullable String costCenter,
			@Nullable String organization, @Nullable String division, @Nullable String managerLinkId, String managedBy,
			@Nullable UUID scimConnectionId, long version, java.time.Instant createdAt, java.time.Instant updatedAt) {

		Colleague toColleague(List<StoredValue> values) {
			List<MultiValue> emails = values.stream()
				.filter((v) -> EMAIL.equals(v.kind()))
				.map(StoredValue::value)
				.toList();
			List<MultiValue> roles = values.stream()
				.filter((v) -> ROLE.equals(v.kind()))
				.map(StoredValue::value)
				.toList();
			ColleagueProfile profile = new ColleagueProfile(this.userName, this.externalId, this.givenName,
					this.familyName, this.formattedName, this.displayName, this.title, this.active, emails, roles,
					this.role, this.employeeNumber, this.department, this.costCenter, this.organization, this.division,
					this.managerLinkId);
			return new Colleague(this.id, this.linkId, profile, this.managedBy, this.scimConnectionId, this.version,
					this.createdAt, this.updatedAt);
		}

	}

}
