package io.roster.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Compares the directory of a staging company with the directory of the real company it
 * stages for. The queries run in SQL and return pages ordered by the lower-cased userName
 * or team name, so a plan of any size is read without loading it whole. Each query names
 * both companies, and each table it reads is filtered by one of them.
 */
@Repository
class StagingStore {

	/** A user the provider sent that becomes a new colleague. */
	static final String CREATE = "create";

	/** A user whose userName belongs to a colleague whose SCIM user was deleted. */
	static final String REHIRE = "rehire";

	/** A user whose userName belongs to an app-managed colleague. */
	static final String MATCH = "match";

	/** A user or group whose name belongs to a colleague or team that SCIM manages. */
	static final String TAKEN = "taken";

	/** A group whose displayName belongs to an active app-managed team. */
	static final String TAKE_OVER = "take_over";

	/**
	 * A staged user or group with the real colleague or team of the same name.
	 *
	 * @param outcome one of the constants above
	 */
	record Staged(UUID stagedId, String linkId, String name, String key, @Nullable UUID existingId,
			@Nullable String existingName, String outcome) {
	}

	/** An active app-managed colleague that no staged user names. */
	record Unsent(UUID id, String userName, String key) {
	}

	private static final String COLLEAGUE_OUTCOME = """
			CASE WHEN r.id IS NULL THEN 'create' WHEN r.link_id IS NOT NULL THEN 'taken'
			  WHEN r.managed_by = 'scim' THEN 'rehire' ELSE 'match' END""";

	private static final String COLLEAGUES = """
			SELECT s.id AS staged_id, s.link_id, s.user_name AS name, s.user_name_key AS name_key,
			  r.id AS existing_id, r.user_name AS existing_name, %1$s AS outcome
			FROM colleague s
			LEFT JOIN colleague r ON r.company_id = ? AND r.user_name_key = s.user_name_key
			WHERE s.company_id = ? AND s.link_id IS NOT NULL AND s.user_name_key > ?
			""".formatted(COLLEAGUE_OUTCOME);

	private static final String COLLEAGUES_PAGE = COLLEAGUES + " AND " + COLLEAGUE_OUTCOME
			+ " IN (%s) ORDER BY s.user_name_key LIMIT ?";

	private static final String TEAM_OUTCOME = """
			CASE WHEN r.id IS NULL THEN 'create' WHEN r.link_id IS NOT NULL THEN 'taken' ELSE 'take_over' END""";

	private static final String TEAMS = """
			SELECT s.id AS staged_id, s.link_id, s.display_name AS name, s.active_name_key AS name_key,
			  r.id AS existing_id, r.display_name AS existing_name, %1$s AS outcome
			FROM team s
			LEFT JOIN team r ON r.company_id = ? AND r.active_name_key = s.active_name_key
			WHERE s.company_id = ? AND s.link_id IS NOT NULL AND s.active_name_key > ?
			""".formatted(TEAM_OUTCOME);

	private static final String TEAMS_PAGE = TEAMS + " AND " + TEAM_OUTCOME
			+ " IN (%s) ORDER BY s.active_name_key LIMIT ?";

	private static final String UNSENT = """
			FROM colleague r
			WHERE r.company_id = ? AND r.managed_by = 'app' AND r.active = TRUE AND r.user_name_key > ?
			  AND NOT EXISTS (SELECT 1 FROM colleague s
			    WHERE s.company_id = ? AND s.user_name_key = r.user_name_key AND s.link_id IS NOT NULL)""";

	private final JdbcClient jdbc;

	StagingStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Returns the next staged users (linked ones only) after {@code afterKey}, with the
	 * real colleague of the same userName, whose outcome is one of {@code outcomes}.
	 */
	List<Staged> colleagues(UUID realId, UUID stagingId, Collection<String> outcomes, String afterKey, int limit) {
		return page(COLLEAGUES_PAGE, realId, stagingId, outcomes, afterKey, limit);
	}

	/**
	 * Returns the next staged groups (active ones only) after {@code afterKey}, with the
	 * real active team of the same name, whose outcome is one of {@code outcomes}.
	 */
	List<Staged> teams(UUID realId, UUID stagingId, Collection<String> outcomes, String afterKey, int limit) {
		return page(TEAMS_PAGE, realId, stagingId, outcomes, afterKey, limit);
	}

	/** Counts the staged users by outcome. */
	Map<String, Long> colleagueOutcomes(UUID realId, UUID stagingId) {
		return outcomes(COLLEAGUES, realId, stagingId);
	}

	/** Counts the staged groups by outcome. */
	Map<String, Long> teamOutcomes(UUID realId, UUID stagingId) {
		return outcomes(TEAMS, realId, stagingId);
	}

	List<Unsent> unsent(UUID realId, UUID stagingId, String afterKey, int limit) {
		return this.jdbc
			.sql("SELECT r.id, r.user_name, r.user_name_key " + UNSENT + " ORDER BY r.user_name_key LIMIT ?")
			.params(realId, afterKey, stagingId, limit)
			.query((rs, row) -> new Unsent(rs.getObject("id", UUID.class), rs.getString("user_name"),
					rs.getString("user_name_key")))
			.list();
	}

	long unsentCount(UUID realId, UUID stagingId) {
		return this.jdbc.sql("SELECT COUNT(*) " + UNSENT).params(realId, "", stagingId).query(Long.class).single();
	}

	/** Returns which of the given colleague ids are unsent colleagues. */
	Set<UUID> unsentAmong(UUID realId, UUID stagingId, Collection<UUID> ids) {
		Set<UUID> found = new HashSet<>();
		for (List<UUID> chunk : ColleagueStore.chunks(List.copyOf(ids))) {
			List<Object> params = new ArrayList<>(List.of(realId, "", stagingId));
			params.addAll(chunk);
			this.jdbc.sql("SELECT r.id " + UNSENT + " AND r.id IN (" + marks(chunk.size()) + ")")
				.params(params)
				.query((rs, row) -> found.add(rs.getObject("id", UUID.class)))
				.list();
		}
		return found;
	}

	/** Deletes every colleague, team, membership and history entry of a company. */
	void deleteDirectory(UUID companyId) {
		for (String table : List.of("team_member", "colleague_value", "colleague", "team", "history_entry")) {
			this.jdbc.sql("DELETE FROM " + table + " WHERE company_id = ?").param(companyId).update();
		}
	}

	private List<Staged> page(String query, UUID realId, UUID stagingId, Collection<String> outcomes, String afterKey,
			int limit) {
		List<Object> params = new ArrayList<>(List.of(realId, stagingId, afterKey));
		params.addAll(outcomes);
		params.add(limit);
		return this.jdbc.sql(query.formatted(marks(outcomes.size())))
			.params(params)
			.query((rs, row) -> new Staged(rs.getObject("staged_id", UUID.class), rs.getString("link_id"),
					rs.getString("name"), rs.getString("name_key"), rs.getObject("existing_id", UUID.class),
					rs.getString("existing_name"), rs.getString("outcome")))
			.list();
	}

	private Map<String, Long> outcomes(String query, UUID realId, UUID stagingId) {
		Map<String, Long> counts = new HashMap<>();
		this.jdbc.sql("SELECT p.outcome, COUNT(*) AS n FROM (" + query + ") p GROUP BY p.outcome")
			.params(realId, stagingId, "")
			.query((rs, row) -> counts.put(rs.getString("outcome"), rs.getLong("n")))
			.list();
		return counts;
	}

	private static String marks(int count) {
		return String.join(", ", Collections.nCopies(count, "?"));
	}

}
