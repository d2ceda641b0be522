package io.roster.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.roster.tenant.Actor;

/**
 * Changes team memberships as row inserts and deletes, computed against the current
 * members so that only real changes are written and recorded. A change that adds or
 * removes named colleagues reads only whether those are members; a replace reads all the
 * members. The caller holds the team's row lock, so the members cannot change in between.
 */
@Component
class Memberships {

	private final TeamStore teams;

	private final History history;

	Memberships(TeamStore teams, History history) {
		this.teams = teams;
		this.history = history;
	}

	/**
	 * Applies a change and records it on each colleague that joined or left.
	 * @param replace whether the members become exactly {@code add}; otherwise
	 * {@code remove} applies, then {@code add}
	 * @return the team's side of the change: one {@code member} field per colleague that
	 * joined (new value) or left (old value)
	 */
	List<FieldChange> apply(UUID companyId, Actor actor, UUID teamId, boolean replace, Collection<UUID> add,
			Collection<UUID> remove, Instant now) {
		Set<UUID> adding = new LinkedHashSet<>(add);
		Set<UUID> current;
		if (replace) {
			current = new HashSet<>(this.teams.memberIds(companyId, teamId));
		}
		else {
			Set<UUID> named = new LinkedHashSet<>(adding);
			named.addAll(remove);
			current = this.teams.memberIdsAmong(companyId, teamId, named);
		}
		List<UUID> joined = adding.stream().filter((id) -> !current.contains(id)).toList();
		Collection<UUID> leaving = replace ? current : remove;
		List<UUID> left = leaving.stream()
			.filter(current::contains)
			.filter((id) -> !adding.contains(id))
			.distinct()
			.sorted()
			.toList();
		this.teams.removeMembersReturning(companyId, teamId, left);
		this.teams.addMembers(companyId, teamId, joined);
		this.history.memberships(companyId, actor, teamId, joined, left, now);
		List<FieldChange> changes = new ArrayList<>();
		joined.forEach((id) -> changes.add(new FieldChange("member", null, id.toString())));
		left.forEach((id) -> changes.add(new FieldChange("member", id.toString(), null)));
		return changes;
	}

	/**
	 * Removes a colleague from every team and records the change on each team.
	 * @return the colleague's side of the change: one {@code team} field per team left
	 */
	List<FieldChange> leaveAll(UUID companyId, Actor actor, UUID colleagueId, Instant now) {
		List<Team> teams = this.teams.teamsOf(companyId, colleagueId);
		this.teams.removeFromAllTeams(companyId, colleagueId, now);
		List<FieldChange> changes = new ArrayList<>();
		Map<UUID, History.Change> teamChanges = new LinkedHashMap<>();
		for (Team team : teams) {
			changes.add(new FieldChange("team", team.id().toString(), null));
			teamChanges.put(team.id(), new History.Change("members_changed",
					List.of(new FieldChange("member", colleagueId.toString(), null))));
		}
		this.history.teams(companyId, actor, teamChanges, now);
		return changes;
	}

}
