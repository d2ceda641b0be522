package io.roster.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.roster.system.DatabaseKind;

/**
 * Reads and writes teams and their members. A membership is one row, so adding or
 * removing members touches only those rows.
 */
@Repository
class TeamStore {

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final SeekPositions positions;

	private final DirectoryCountStore counts;

	private final JdbcTemplate streaming;

	private final DatabaseKind database;

	TeamStore(JdbcClient jdbc, JdbcTemplate batch, SeekPositions positions, DirectoryCountStore counts,
			DataSource dataSource, DatabaseKind database) {
		this.jdbc = jdbc;
		this.database = database;
		this.batch = batch;
		this.positions = positions;
		this.counts = counts;
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(500);
	}

	void insert(UUID companyId, Team team) {
		this.jdbc.sql("""
				INSERT INTO team (company_id, id, link_id, display_name, active_name_key, external_id, managed_by,
				  scim_connection_id, archived, version, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(companyId, team.id(), team.linkId(), team.profile().displayName(), activeNameKey(team),
					team.profile().externalId(), team.managedBy(), team.scimConnectionId(), team.archived(),
					team.version(), Timestamps.toColumn(team.createdAt()), Timestamps.toColumn(team.updatedAt()))
			.update();
	}

	/**
	 * Overwrites the team's row if its version is still {@code expectedVersion}.
	 * @return whether the row was written
	 */
	boolean update(UUID companyId, Team team, long expectedVersion) {
		return this.jdbc.sql("""
				UPDATE team SET link_id = ?, display_name = ?, active_name_key = ?, external_id = ?, managed_by = ?,
				  scim_connection_id = ?, archived = ?, version = ?, updated_at = ?
				WHERE company_id = ? AND id = ? AND version = ?""")
			.params(team.linkId(), team.profile().displayName(), activeNameKey(team), team.profile().externalId(),
					team.managedBy(), team.scimConnectionId(), team.archived(), team.version(),
					Timestamps.toColumn(team.updatedAt()), companyId, team.id(), expectedVersion)
			.update() == 1;
	}

	/**
	 * Counts a change in the team's version and takes the team's row lock until the
	 * transaction ends, so that changes to one team apply one after another.
	 * @param expectedVersion the version the team must be at, or {@code null} for any
	 * @return the team as locked, with the counted version, or empty when the team was
	 * not found at the expected version
	 */
	Optional<Team> lockForChange(UUID companyId, String linkId, @Nullable Long expectedVersion, Instant now) {
		return lock(companyId, "t.link_id = ?", linkId, expectedVersion, now);
	}

	/** Like {@link #lockForChange}, for a team named by its internal id. */
	Optional<Team> lockForChangeById(UUID companyId, UUID id, @Nullable Long expectedVersion, Instant now) {
		return lock(companyId, "t.id = ?", id, expectedVersion, now);
	}

	private Optional<Team> lock(UUID companyId, String condition, Object key, @Nullable Long expectedVersion,
			Instant now) {
		// FOR UPDATE, unlike the lock an UPDATE of the version takes on PostgreSQL,
		// conflicts with FOR KEY SHARE, so this waits for the membership changes in
		// progress (see holdForMembers) and they wait for it.
		Optional<Team> locked = this.jdbc
			.sql("SELECT t.* FROM team t WHERE t.company_id = ? AND " + condition + " FOR UPDATE")
			.params(companyId, key)
			.query(TeamStore::map)
			.optional();
		if (locked.isEmpty() || (expectedVersion != null && locked.get().version() != expectedVersion)) {
			return Optional.empty();
		}
		Team team = locked.get();
		this.jdbc.sql("UPDATE team SET version = version + 1, updated_at = ? WHERE company_id = ? AND id = ?")
			.params(Timestamps.toColumn(now), companyId, team.id())
			.update();
		return Optional.of(new Team(team.id(), team.linkId(), team.profile(), team.managedBy(), team.scimConnectionId(),
				team.archived(), team.version() + 1, team.createdAt(), now));
	}

	/**
	 * Reads a linked team that the given SCIM connection manages and holds its row
	 * {@code FOR KEY SHARE} until the transaction ends, on PostgreSQL only. Any number of
	 * membership changes can hold the row this way at once, while a change that locks the
	 * team {@code FOR UPDATE} waits for all of them, and they for it. A team that is
	 * missing or managed otherwise is neither returned nor held.
	 */
	Optional<Team> holdForMembers(UUID companyId, String linkId, UUID connectionId) {
		return this.jdbc.sql("""
				SELECT t.* FROM team t WHERE t.company_id = ? AND t.link_id = ? AND t.scim_connection_id = ?
				FOR KEY SHARE OF t""").params(companyId, linkId, connectionId).query(TeamStore::map).optional();
	}

	/**
	 * Inserts the memberships that do not exist yet, in colleague id order, and returns
	 * the colleagues added. PostgreSQL only ({@code RETURNING}). Transactions that insert
	 * in the same order wait for each other's rows without deadlocking.
	 */
	List<UUID> addMembersReturning(UUID companyId, UUID teamId, Collection<UUID> colleagueIds) {
		List<UUID> added = new ArrayList<>();
		for (List<UUID> chunk : ColleagueStore.chunks(colleagueIds.stream().sorted().toList())) {
			List<Object> params = new ArrayList<>(chunk.size() * 3);
			added.addAll(this.jdbc.sql(insertMembers(companyId, teamId, chunk, params) + " RETURNING colleague_id")
				.params(params)
				.query((rs, row) -> rs.getObject("colleague_id", UUID.class))
				.list());
		}
		return added;
	}

	/**
	 * Deletes the memberships of the colleagues, in colleague id order, with one batch of
	 * statements that each delete one row by its primary key, and returns the colleagues
	 * that were members.
	 */
	List<UUID> removeMembersReturning(UUID companyId, UUID teamId, Collection<UUID> colleagueIds) {
		List<UUID> sorted = colleagueIds.stream().distinct().sorted().toList();
		if (sorted.isEmpty()) {
			return List.of();
		}
		List<Object[]> rows = sorted.stream().map((id) -> new Object[] { companyId, teamId, id }).toList();
		int[] counts = this.batch
			.batchUpdate("DELETE FROM team_member WHERE company_id = ? AND team_id = ? AND colleague_id = ?", rows);
		List<UUID> removed = new ArrayList<>();
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] > 0) {
				removed.add(sorted.get(i));
			}
		}
		return removed;
	}

	/**
	 * Counts a change in the team's version and returns the new version. PostgreSQL only
	 * ({@code RETURNING}). A membership change takes the row lock here and holds it only
	 * until it commits.
	 */
	long countChange(UUID companyId, UUID teamId, Instant now) {
		return this.jdbc.sql(
				"UPDATE team SET version = version + 1, updated_at = ? WHERE company_id = ? AND id = ? RETURNING version")
			.params(Timestamps.toColumn(now), companyId, teamId)
			.query(Long.class)
			.single();
	}

	Optional<Team> findById(UUID companyId, UUID id) {
		return find(companyId, "t.id = ?", List.of(id), 0, 1).stream().findFirst();
	}

	Optional<Team> findByLinkId(UUID companyId, String linkId) {
		return find(companyId, "t.link_id = ?", List.of(linkId), 0, 1).stream().findFirst();
	}

	Optional<Team> findActiveByName(UUID companyId, String displayName) {
		return find(companyId, "t.active_name_key = ?", List.of(ColleagueStore.key(displayName)), 0, 1).stream()
			.findFirst();
	}

	/**
	 * Searches a company's teams.
	 * @param linkedOnly whether to find only teams linked to an identity provider, the
	 * ones SCIM serves
	 */
	Page<Team> search(UUID companyId, Criterion criterion, PageRequest page, boolean linkedOnly) {
		SqlCriteria where = SqlCriteria.compile(criterion);
		String condition = (linkedOnly ? "t.link_id IS NOT NULL AND " : "") + where.sql();
		// Seek positions of the two kinds of search are kept apart, since their rows
		// differ.
		String positionsKey = linkedOnly ? "team" : "team, linked or not";
		if (page.limit() == 0) {
			long total = total(companyId, criterion, linkedOnly, condition, where);
			return new Page<>(List.of(), total, null, total > page.offset());
		}
		PageRequest read = this.positions.resolve(companyId, positionsKey, where, page);
		String pageCondition = condition;
		List<Object> params = new ArrayList<>(where.params());
		if (read.after() != null) {
			pageCondition += " AND t.id > ?";
			params.add(read.after());
		}
		List<Team> rows = find(companyId, pageCondition, params, read.orderBy("t"), read.offset(), read.limit() + 1);
		boolean hasMore = rows.size() > page.limit();
		List<Team> items = hasMore ? rows.subList(0, page.limit()) : rows;
		// The last page of an offset read gives the total without a count, so a lookup
		// such as userName eq reads one index entry instead of two.
		boolean complete = !hasMore && read.after() == null && (read.offset() == 0 || !items.isEmpty());
		long total = complete ? read.offset() + items.size()
				: total(companyId, criterion, linkedOnly, condition, where);
		Page<Team> served = new Page<>(items, total, items.isEmpty() ? null : items.get(items.size() - 1).id(),
				hasMore);
		this.positions.remember(companyId, positionsKey, where, page, served);
		return served;
	}

	/**
	 * Returns the number of matching teams. A search of all linked teams reads the counts
	 * that triggers keep; any other search counts its matches.
	 */
	private long total(UUID companyId, Criterion criterion, boolean linkedOnly, String condition, SqlCriteria where) {
		if (linkedOnly && criterion instanceof Criterion.All) {
			return this.counts.linkedTeams(companyId);
		}
		// NOTE: a filtered search counts totalResults, which reads every matching index
		// entry, so its pages cost more as the matches grow.
		return count(companyId, condition, where);
	}

	private long count(UUID companyId, String condition, SqlCriteria where) {
		List<Object> params = new ArrayList<>();
		params.add(companyId);
		params.addAll(where.params());
		return this.jdbc.sql("SELECT COUNT(*) FROM team t WHERE t.company_id = ? AND " + condition)
			.params(params)
			.query(Long.class)
			.single();
	}

	/**
	 * Adds members, ignoring those already in the team, with one multi-row statement per
	 * 500 members.
	 */
	void addMembers(UUID companyId, UUID teamId, Collection<UUID> colleagueIds) {
		for (List<UUID> chunk : ColleagueStore.chunks(List.copyOf(colleagueIds))) {
			List<Object> params = new ArrayList<>(chunk.size() * 3);
			this.jdbc.sql(insertMembers(companyId, teamId, chunk, params)).params(params).update();
		}
	}

	/**
	 * Returns a multi-row INSERT of the memberships that skips existing ones, and adds
	 * its parameters to {@code params}.
	 */
	private static String insertMembers(UUID companyId, UUID teamId, List<UUID> colleagueIds, List<Object> params) {
		for (UUID colleagueId : colleagueIds) {
			params.add(companyId);
			params.add(teamId);
			params.add(colleagueId);
		}
		return "INSERT INTO team_member (company_id, team_id, colleague_id) VALUES "
				+ String.join(", ", Collections.nCopies(colleagueIds.size(), "(?, ?, ?)")) + " ON CONFLICT DO NOTHING";
	}

	void removeAllMembers(UUID companyId, UUID teamId) {
		this.jdbc.sql("DELETE FROM team_member WHERE company_id = ? AND team_id = ?")
			.params(companyId, teamId)
			.update();
	}

	/** Returns the ids of a team's members, linked or not. */
	List<UUID> memberIds(UUID companyId, UUID teamId) {
		return this.jdbc.sql("SELECT colleague_id FROM team_member WHERE company_id = ? AND team_id = ?")
			.params(companyId, teamId)
			.query((rs, row) -> rs.getObject("colleague_id", UUID.class))
			.list();
	}

	/**
	 * Returns which of the given colleagues are members of the team, with one index
	 * lookup per 500 ids, so the cost follows the number of ids and not the team's size.
	 */
	Set<UUID> memberIdsAmong(UUID companyId, UUID teamId, Collection<UUID> colleagueIds) {
		Set<UUID> members = new HashSet<>();
		for (List<UUID> chunk : ColleagueStore.chunks(List.copyOf(colleagueIds))) {
			String sql;
			List<Object> params;
			if (this.database.isPostgres()) {
				sql = "SELECT m.colleague_id FROM " + SqlLists.values(chunk.size())
						+ " JOIN team_member m ON m.company_id = ? AND m.team_id = ? AND m.colleague_id = listed.v";
				params = new ArrayList<>(chunk);
				params.add(companyId);
				params.add(teamId);
			}
			else {
				sql = "SELECT m.colleague_id FROM team_member m WHERE "
						+ SqlLists.rowIn(chunk.size(), "m.company_id", "m.team_id", "m.colleague_id");
				params = SqlLists.rowInParams(chunk, companyId, teamId);
			}
			this.jdbc.sql(sql)
				.params(params)
				.query((rs, row) -> members.add(rs.getObject("colleague_id", UUID.class)))
				.list();
		}
		return members;
	}

	/**
	 * Statement that selects the teams of a colleague. Its parameters are the company and
	 * the colleague.
	 */
	static final String TEAMS_OF = """
			SELECT t.* FROM team t
			JOIN team_member m ON m.company_id = t.company_id AND m.team_id = t.id
			WHERE t.company_id = ? AND m.colleague_id = ?
			ORDER BY t.archived, LOWER(t.display_name), t.id""";

	/**
	 * Statement that deletes a colleague's memberships. Its parameters are the company
	 * and the colleague.
	 */
	static final String LEAVE_ALL = "DELETE FROM team_member WHERE company_id = ? AND colleague_id = ?";

	/**
	 * Returns the statement that selects, in id order, the ids of the teams a colleague
	 * leaves, locking them on PostgreSQL. Its parameters are the company and the
	 * colleague. Both forms read only the colleague's memberships. H2 evaluates an
	 * {@code IN (SELECT ...)} condition again for each candidate team, and in the load
	 * benchmark that form made a deprovisioning take three times as long.
	 */
	static String teamsToLeave(boolean postgres) {
		if (!postgres) {
			return "SELECT m.team_id FROM team_member m WHERE m.company_id = ? AND m.colleague_id = ? ORDER BY m.team_id";
		}
		return """
				SELECT t.id AS team_id FROM team t
				JOIN team_member m ON m.company_id = t.company_id AND m.team_id = t.id
				WHERE t.company_id = ? AND m.colleague_id = ?
				ORDER BY t.id FOR UPDATE OF t""";
	}

	/** Returns the teams a colleague belongs to, active ones first, by name. */
	List<Team> teamsOf(UUID companyId, UUID colleagueId) {
		return this.jdbc.sql(TEAMS_OF).params(companyId, colleagueId).query(TeamStore::map).list();
	}

	/**
	 * Removes a colleague from every team, counting the change in each team's version.
	 * The team rows are locked {@code FOR UPDATE} in team id order, so that two
	 * transactions that remove colleagues of the same teams cannot each hold a team row
	 * that the other waits for. A single {@code UPDATE ... WHERE id IN (...)} locks the
	 * rows in whatever order its plan reads them, so two of those can deadlock on
	 * PostgreSQL. {@code FOR UPDATE} also waits for the membership changes that hold a
	 * team {@code FOR KEY SHARE} (see {@link #holdForMembers}), which an UPDATE's lock
	 * does not conflict with; PostgreSQL locks the rows in the order of the sort. H2 has
	 * no such changes, and there the UPDATEs lock the rows in order.
	 */
	void removeFromAllTeams(UUID companyId, UUID colleagueId, Instant now) {
		List<UUID> teamIds = this.jdbc.sql(teamsToLeave(this.database.isPostgres()))
			.params(companyId, colleagueId)
			.query((rs, row) -> rs.getObject("team_id", UUID.class))
			.list();
		if (!teamIds.isEmpty()) {
			Object updatedAt = Timestamps.toColumn(now);
			List<Object[]> rows = teamIds.stream().map((id) -> new Object[] { updatedAt, companyId, id }).toList();
			this.batch.batchUpdate(
					"UPDATE team SET version = version + 1, updated_at = ? WHERE company_id = ? AND id = ?", rows);
		}
		this.jdbc.sql(LEAVE_ALL).params(companyId, colleagueId).update();
	}

	/** Returns the linked members of each team, ordered by link id. */
	Map<UUID, List<Member>> members(UUID companyId, List<UUID> teamIds) {
		Map<UUID, List<Member>> members = new HashMap<>();
		for (List<UUID> chunk : ColleagueStore.chunks(teamIds)) {
			String sql;
			List<Object> params;
			if (this.database.isPostgres()) {
				sql = """
						SELECT m.team_id, c.link_id, c.display_name FROM %s
						JOIN team_member m ON m.company_id = ? AND m.team_id = listed.v
						JOIN colleague c ON c.company_id = m.company_id AND c.id = m.colleague_id
						WHERE c.link_id IS NOT NULL
						ORDER BY m.team_id, c.link_id""".formatted(SqlLists.values(chunk.size()));
				params = new ArrayList<>(chunk);
				params.add(companyId);
			}
			else {
				sql = """
						SELECT m.team_id, c.link_id, c.display_name FROM team_member m
						JOIN colleague c ON c.company_id = m.company_id AND c.id = m.colleague_id
						WHERE %s AND c.link_id IS NOT NULL
						ORDER BY m.team_id, c.link_id"""
					.formatted(SqlLists.rowIn(chunk.size(), "m.company_id", "m.team_id"));
				params = SqlLists.rowInParams(chunk, companyId);
			}
			this.jdbc.sql(sql)
				.params(params)
				.query((rs, row) -> members
					.computeIfAbsent(rs.getObject("team_id", UUID.class), (k) -> new ArrayList<>())
					.add(new Member(rs.getString("link_id"), rs.getString("display_name"))))
				.list();
		}
		return members;
	}

	/**
	 * Passes the linked members of one team to the consumer, ordered by link id, reading
	 * them in chunks of the fetch size. On PostgreSQL the rows arrive in chunks only
	 * inside a transaction.
	 */
	void forEachMember(UUID companyId, UUID teamId, Consumer<Member> consumer) {
		this.streaming.query("""
				SELECT c.link_id, c.display_name FROM team_member m
				JOIN colleague c ON c.company_id = m.company_id AND c.id = m.colleague_id
				WHERE m.company_id = ? AND m.team_id = ? AND c.link_id IS NOT NULL
				ORDER BY c.link_id""", (RowCallbackHandler) (rs) -> consumer
			.accept(new Member(rs.getString("link_id"), rs.getString("display_name"))), companyId, teamId);
	}

	private List<Team> find(UUID companyId, String condition, List<?> params, int offset, int limit) {
		return find(companyId, condition, params, " ORDER BY t.id", offset, limit);
	}

	private List<Team> find(UUID companyId, String condition, List<?> params, String orderBy, int offset, int limit) {
		List<Object> all = new ArrayList<>();
		all.add(companyId);
		all.addAll(params);
		all.add(limit);
		all.add(offset);
		return this.jdbc
			.sql("SELECT t.* FROM team t WHERE t.company_id = ? AND " + condition + orderBy + " LIMIT ? OFFSET ?")
			.params(all)
			.query(TeamStore::map)
			.list();
	}

	private static @Nullable String activeNameKey(Team team) {
		return team.archived() ? null : ColleagueStore.key(team.profile().displayName());
	}

	private static Team map(ResultSet rs, int row) throws SQLException {
		return new Team(rs.getObject("id", UUID.class), rs.getString("link_id"),
				new TeamProfile(rs.getString("display_name"), rs.getString("external_id")), rs.getString("managed_by"),
				rs.getObject("scim_connection_id", UUID.class), rs.getBoolean("archived"), rs.getLong("version"),
				Timestamps.read(rs, "created_at"), Timestamps.read(rs, "updated_at"));
	}

}
