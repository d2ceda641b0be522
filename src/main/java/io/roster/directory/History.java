package io.roster.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.roster.system.TimeOrderedIds;
import io.roster.tenant.Actor;

/**
 * Records every change to colleagues and teams, in the transaction of the change, so the
 * history never disagrees with the data. A change that touches no field records nothing.
 */
@Component
class History {

	static final String COLLEAGUE = "colleague";

	static final String TEAM = "team";

	private final HistoryStore store;

	History(HistoryStore store) {
		this.store = store;
	}

	void colleague(UUID companyId, Actor actor, UUID colleagueId, String action, List<FieldChange> fields, Instant at) {
		if (!fields.isEmpty()) {
			this.store.insert(companyId, COLLEAGUE, List.of(entry(actor, colleagueId, action, fields, at)));
		}
	}

	/**
	 * Records one change on each of many colleagues in one batch.
	 * @param changes the action and fields of each colleague's change, by colleague id
	 */
	void colleagues(UUID companyId, Actor actor, Map<UUID, Change> changes, Instant at) {
		this.store.insert(companyId, COLLEAGUE, entries(actor, changes, at));
	}

	/** One change of a colleague or team, as {@link #colleagues} records it. */
	record Change(String action, List<FieldChange> fields) {
	}

	void team(UUID companyId, Actor actor, UUID teamId, String action, List<FieldChange> fields, Instant at) {
		if (!fields.isEmpty()) {
			this.store.insert(companyId, TEAM, List.of(entry(actor, teamId, action, fields, at)));
		}
	}

	/**
	 * Records on each colleague that it joined or left a team; the team's own entry lists
	 * the same members.
	 */
	void memberships(UUID companyId, Actor actor, UUID teamId, Collection<UUID> joined, Collection<UUID> left,
			Instant at) {
		this.store.insert(companyId, COLLEAGUE, membershipEntries(actor, teamId, joined, left, at));
	}

	/**
	 * Records a change of a team's members alone: on each colleague that joined or left,
	 * and on the team, whose entry lists the same members in {@code fields}. One batch
	 * writes all the entries.
	 */
	void memberChange(UUID companyId, Actor actor, UUID teamId, Collection<UUID> joined, Collection<UUID> left,
			String action, List<FieldChange> fields, Instant at) {
		Map<String, List<HistoryEntry>> entries = new LinkedHashMap<>();
		entries.put(COLLEAGUE, membershipEntries(actor, teamId, joined, left, at));
		entries.put(TEAM, fields.isEmpty() ? List.of() : List.of(entry(actor, teamId, action, fields, at)));
		this.store.insert(companyId, entries);
	}

	/** Records one change on each of several teams in one batch. */
	void teams(UUID companyId, Actor actor, Map<UUID, Change> changes, Instant at) {
		this.store.insert(companyId, TEAM, entries(actor, changes, at));
	}

	private static List<HistoryEntry> entries(Actor actor, Map<UUID, Change> changes, Instant at) {
		List<HistoryEntry> entries = new ArrayList<>();
		changes.forEach((subjectId, change) -> {
			if (!change.fields().isEmpty()) {
				entries.add(entry(actor, subjectId, change.action(), change.fields(), at));
			}
		});
		return entries;
	}

	private static List<HistoryEntry> membershipEntries(Actor actor, UUID teamId, Collection<UUID> joined,
			Collection<UUID> left, Instant at) {
		List<HistoryEntry> entries = new ArrayList<>();
		for (UUID colleagueId : joined) {
			entries.add(entry(actor, colleagueId, "joined_team",
					List.of(new FieldChange("team", null, teamId.toString())), at));
		}
		for (UUID colleagueId : left) {
			entries.add(entry(actor, colleagueId, "left_team",
					List.of(new FieldChange("team", teamId.toString(), null)), at));
		}
		return entries;
	}

	List<HistoryEntry> of(UUID companyId, UUID subjectId) {
		return this.store.find(companyId, subjectId);
	}

	/** Returns a new entry, for a store that writes it together with its change. */
	static HistoryEntry entry(Actor actor, UUID subjectId, String action, List<FieldChange> fields, Instant at) {
		return new HistoryEntry(TimeOrderedIds.next(), subjectId, action, actor, at, fields);
	}

}
