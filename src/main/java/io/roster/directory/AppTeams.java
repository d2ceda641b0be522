package io.roster.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.roster.system.TimeOrderedIds;
import io.roster.tenant.Actor;

/**
 * The product's commands on teams for company admins: create, rename and archive
 * app-managed teams and change their members, and read any team with its members and
 * history. A SCIM-managed team's name, members and archiving change only through SCIM.
 */
@Service
public class AppTeams {

	private static final int MAX_NAME_LENGTH = 400;

	private final TeamStore teams;

	private final ColleagueStore colleagues;

	private final Memberships memberships;

	private final History history;

	private final ManagedElsewhere managedElsewhere;

	AppTeams(TeamStore teams, ColleagueStore colleagues, Memberships memberships, History history,
			ManagedElsewhere managedElsewhere) {
		this.teams = teams;
		this.colleagues = colleagues;
		this.memberships = memberships;
		this.history = history;
		this.managedElsewhere = managedElsewhere;
	}

	/**
	 * Creates an app-managed team.
	 * @throws DirectoryException {@code CONFLICT} when an active team has the name
	 * (ignoring case), {@code INVALID_VALUE} for a bad name or an unknown member
	 */
	@Transactional
	public Team create(Actor actor, UUID companyId, String name, Collection<UUID> memberIds) {
		String checked = checkName(name);
		checkMembers(companyId, memberIds);
		Instant now = Timestamps.now();
		Team team = new Team(TimeOrderedIds.next(), null, new TeamProfile(checked, null), Colleague.APP, null, false, 1,
				now, now);
		try {
			this.teams.insert(companyId, team);
		}
		catch (DuplicateKeyException ex) {
			throw nameTaken(checked);
		}
		List<FieldChange> changes = new ArrayList<>(TeamChanges.between(null, team));
		changes.addAll(this.memberships.apply(companyId, actor, team.id(), true, memberIds, Set.of(), now));
		this.history.team(companyId, actor, team.id(), "created", changes, now);
		return team;
	}

	/** Renames an app-managed, active team; the same name changes nothing. */
	@Transactional
	public Team rename(Actor actor, UUID companyId, UUID id, String name) {
		String checked = checkName(name);
		Instant now = Timestamps.now();
		Team current = lockChangeable(companyId, id, "name", now);
		if (current.profile().displayName().equals(checked)) {
			return current;
		}
		Team renamed = new Team(current.id(), null, new TeamProfile(checked, current.profile().externalId()),
				Colleague.APP, null, false, current.version(), current.createdAt(), now);
		try {
			this.teams.update(companyId, renamed, current.version());
		}
		catch (DuplicateKeyException ex) {
			throw nameTaken(checked);
		}
		this.history.team(companyId, actor, id, "updated", TeamChanges.between(current, renamed), now);
		return renamed;
	}

	/** Archives an app-managed team: it leaves the active list and keeps its history. */
	@Transactional
	public Team archive(Actor actor, UUID companyId, UUID id) {
		Instant now = Timestamps.now();
		Team current = lockChangeable(companyId, id, "archived", now);
		Team archived = new Team(current.id(), null, current.profile(), Colleague.APP, null, true, current.version(),
				current.createdAt(), now);
		this.teams.update(companyId, archived, current.version());
		this.history.team(companyId, actor, id, "archived", TeamChanges.between(current, archived), now);
		return archived;
	}

	/**
	 * Adds and removes members of an app-managed, active team. Members are colleagues of
	 * the company, app-managed or SCIM-managed; adding a member twice or removing a
	 * non-member changes nothing.
	 */
	@Transactional
	public Team changeMembers(Actor actor, UUID companyId, UUID id, Collection<UUID> add, Collection<UUID> remove) {
		Set<UUID> all = new LinkedHashSet<>(add);
		all.addAll(remove);
		checkMembers(companyId, all);
		Instant now = Timestamps.now();
		Team current = lockChangeable(companyId, id, "members", now);
		List<FieldChange> changes = this.memberships.apply(companyId, actor, id, false, add, remove, now);
		this.history.team(companyId, actor, id, "members_changed", changes, now);
		return current;
	}

	@Transactional(readOnly = true)
	public Team get(UUID companyId, UUID id) {
		return this.teams.findById(companyId, id).orElseThrow(() -> DirectoryException.notFound("Team", id.toString()));
	}

	/** Searches all teams of a company, linked or not. */
	@Transactional(readOnly = true)
	public Page<Team> search(UUID companyId, Criterion criterion, PageRequest page) {
		return this.teams.search(companyId, criterion, page, false);
	}

	/** Returns the members of a team, by email. */
	@Transactional(readOnly = true)
	public List<Colleague> members(UUID companyId, UUID id) {
		get(companyId, id);
		return this.colleagues.membersOf(companyId, id);
	}

	/** Returns a team's history, oldest change first. */
	@Transactional(readOnly = true)
	public List<HistoryEntry> history(UUID companyId, UUID id) {
		get(companyId, id);
		return this.history.of(companyId, id);
	}

	/**
	 * Takes the team's row lock and returns the team, if the product may change it.
	 * @param field what the caller changes, named in the error
	 */
	private Team lockChangeable(UUID companyId, UUID id, String field, Instant now) {
		Team team = this.teams.lockForChangeById(companyId, id, null, now)
			.orElseThrow(() -> DirectoryException.notFound("Team", id.toString()));
		if (team.isScimManaged()) {
			throw this.managedElsewhere.error(companyId, team.scimConnectionId(),
					"team " + team.profile().displayName(), field);
		}
		if (team.archived()) {
			throw new DirectoryException(DirectoryException.Reason.CONFLICT, field,
					"Team " + team.profile().displayName() + " is archived and cannot change");
		}
		return team;
	}

	private void checkMembers(UUID companyId, Collection<UUID> ids) {
		Set<UUID> known = this.colleagues.existingIds(companyId, ids);
		List<String> unknown = ids.stream()
			.filter((id) -> !known.contains(id))
			.map(UUID::toString)
			.sorted()
			.limit(10)
			.toList();
		if (!unknown.isEmpty()) {
			throw new DirectoryException(DirectoryException.Reason.INVALID_VALUE, "members",
					"members contains ids of no colleague in this company: " + String.join(", ", unknown));
		}
	}

	private static String checkName(String name) {
		String trimmed = name.trim();
		if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
			throw new DirectoryException(DirectoryException.Reason.INVALID_VALUE, "name",
					"'name' must have 1 to " + MAX_NAME_LENGTH + " characters");
		}
		return trimmed;
	}

	private static DirectoryException nameTaken(String name) {
		return new DirectoryException(DirectoryException.Reason.CONFLICT, "name",
				"name " + name + " is already taken by another active team of this company");
	}

}
