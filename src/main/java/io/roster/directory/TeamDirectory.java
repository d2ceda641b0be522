package io.roster.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.roster.system.DatabaseKind;
import io.roster.system.TimeOrderedIds;
import io.roster.tenant.Actor;
import io.roster.tenant.Company;

/**
 * The rules for teams that an identity provider manages: provisioning (taking over a team
 * of the same name), renames, membership deltas and archiving. Every command records what
 * it changed in the history, in the same transaction.
 */
@Service
public class TeamDirectory {

	private final TeamStore teams;

	private final ColleagueStore colleagues;

	private final Memberships memberships;

	private final History history;

	private final DatabaseKind database;

	TeamDirectory(TeamStore teams, ColleagueStore colleagues, Memberships memberships, History history,
			DatabaseKind database) {
		this.database = database;
		this.teams = teams;
		this.colleagues = colleagues;
		this.memberships = memberships;
		this.history = history;
	}

	/**
	 * Provisions a team. An active team with the same name (ignoring case) that no
	 * identity provider is linked to is taken over and becomes SCIM-managed; otherwise a
	 * team is created. Either way its members become exactly {@code memberLinkIds}.
	 */
	@Transactional
	public Changed<Team> provision(Actor actor, Company company, TeamProfile profile, Set<String> memberLinkIds) {
		UUID connectionId = ColleagueDirectory.connectionOf(actor);
		UUID companyId = company.id();
		Map<String, UUID> memberIds = resolveMembers(companyId, memberLinkIds);
		Optional<Team> existing = this.teams.findActiveByName(companyId, profile.displayName());
		if (existing.isPresent() && existing.get().linkId() != null) {
			throw nameTaken(profile.displayName());
		}
		Instant now = Timestamps.now();
		String linkId = UUID.randomUUID().toString();
		Team team;
		try {
			if (existing.isPresent()) {
				Team old = existing.get();
				team = new Team(old.id(), linkId, profile, Colleague.SCIM, connectionId, false, old.version() + 1,
						old.createdAt(), now);
				if (!this.teams.update(companyId, team, old.version())) {
					throw new DirectoryException(DirectoryException.Reason.STALE_VERSION, "version",
							"Team " + profile.displayName() + " changed concurrently; retry the request");
				}
			}
			else {
				team = new Team(TimeOrderedIds.next(), linkId, profile, Colleague.SCIM, connectionId, false, 1, now,
						now);
				this.teams.insert(companyId, team);
			}
		}
		catch (DuplicateKeyException ex) {
			throw nameTaken(profile.displayName());
		}
		List<FieldChange> changes = new ArrayList<>(TeamChanges.between(existing.orElse(null), team));
		changes.addAll(this.memberships.apply(companyId, actor, team.id(), true, memberIds.values(), Set.of(), now));
		this.history.team(companyId, actor, team.id(), existing.isPresent() ? "taken_over" : "provisioned", changes,
				now);
		return new Changed<>(team, changes);
	}

	public Optional<Team> findLinked(UUID companyId, String linkId) {
		return this.teams.findByLinkId(companyId, linkId);
	}

	/**
	 * Changes a linked team's profile and members in one step. Changes to one team are
	 * serialized by the team's row lock, and members are added and removed as rows, so
	 * concurrent membership changes never lose one another. The member link ids are
	 * resolved before the lock is taken, so that lookup never waits for the lock.
	 * @param expectedVersion the version the caller saw, or {@code null} for the latest
	 */
	@Transactional
	public Changed<Team> update(Actor actor, UUID companyId, String linkId, @Nullable Long expectedVersion,
			UnaryOperator<TeamProfile> change, MembershipChange members) {
		UUID connectionId = ColleagueDirectory.connectionOf(actor);
		@Nullable ResolvedMembers resolved = members.isEmpty() ? null : resolve(companyId, members);
		Instant now = Timestamps.now();
		Team current = lockLinked(companyId, linkId, expectedVersion, now);
		TeamProfile profile = change.apply(current.profile());
		Team updated = new Team(current.id(), linkId, profile, Colleague.SCIM, connectionId, false, current.version(),
				current.createdAt(), now);
		if (!profile.equals(current.profile()) || !connectionId.equals(current.scimConnectionId())) {
			try {
				this.teams.update(companyId, updated, current.version());
			}
			catch (DuplicateKeyException ex) {
				throw nameTaken(profile.displayName());
			}
		}
		List<FieldChange> changes = new ArrayList<>(TeamChanges.between(current, updated));
		if (resolved != null) {
			changes.addAll(applyMembers(actor, companyId, current.id(), members, resolved, now));
		}
		this.history.team(companyId, actor, current.id(), TeamChanges.action(changes), changes, now);
		return new Changed<>(updated, changes);
	}

	/**
	 * Adds and removes members of a linked team, leaving its profile as it is; the
	 * removals apply first. On PostgreSQL, such changes to one team run side by side:
	 * each holds the team's row {@code FOR KEY SHARE}, writes its member rows and
	 * history, and takes the row lock only to count the change in the team's version just
	 * before it commits. A change that must see the team stand still (a replace, an
	 * expected version, a profile change, a deprovisioning) locks the row
	 * {@code FOR UPDATE} and waits for them. With an expected version, a replace, on H2,
	 * or when another connection takes the team over, this is {@link #update} with the
	 * profile unchanged.
	 * @param expectedVersion the version the caller saw, or {@code null} for the latest
	 */
	@Transactional
	public Changed<Team> changeMembers(Actor actor, UUID companyId, String linkId, @Nullable Long expectedVersion,
			MembershipChange members) {
		UUID connectionId = ColleagueDirectory.connectionOf(actor);
		if (expectedVersion != null || members.replace() || !this.database.isPostgres()) {
			return update(actor, companyId, linkId, expectedVersion, UnaryOperator.identity(), members);
		}
		ResolvedMembers resolved = resolve(companyId, members);
		// A team that is missing or that another connection manages is not held, and
		// update responds with 404 or takes it over. A takeover writes the team's row,
		// and two takeovers that each held the row FOR KEY SHARE and then locked it
		// FOR UPDATE would deadlock.
		Optional<Team> held = this.teams.holdForMembers(companyId, linkId, connectionId);
		if (held.isEmpty()) {
			return update(actor, companyId, linkId, null, UnaryOperator.identity(), members);
		}
		Team current = held.get();
		requireAll(resolved.added(), members.add());
		Instant now = Timestamps.now();
		Set<UUID> adding = new LinkedHashSet<>(members.add().stream().map(resolved.added()::get).toList());
		List<UUID> left = this.teams.removeMembersReturning(companyId, current.id(),
				resolved.removed().values().stream().filter((id) -> !adding.contains(id)).toList());
		// The rows are inserted in colleague id order, but the history lists the joins in
		// request order, as update does.
		Set<UUID> inserted = new HashSet<>(this.teams.addMembersReturning(companyId, current.id(), adding));
		List<UUID> joined = adding.stream().filter(inserted::contains).toList();
		List<FieldChange> changes = new ArrayList<>();
		joined.forEach((id) -> changes.add(new FieldChange("member", null, id.toString())));
		left.forEach((id) -> changes.add(new FieldChange("member", id.toString(), null)));
		this.history.memberChange(companyId, actor, current.id(), joined, left, TeamChanges.action(changes), changes,
				now);
		long version = this.teams.countChange(companyId, current.id(), now);
		Team updated = new Team(current.id(), linkId, current.profile(), current.managedBy(),
				current.scimConnectionId(), false, version, current.createdAt(), now);
		return new Changed<>(updated, changes);
	}

	/**
	 * Archives a team: it leaves the active list and its identity provider link, and
	 * keeps its members and history.
	 * @param expectedVersion the version the caller saw, or {@code null} for the latest
	 */
	@Transactional
	public Changed<Team> archive(Actor actor, UUID companyId, String linkId, @Nullable Long expectedVersion) {
		ColleagueDirectory.connectionOf(actor);
		Instant now = Timestamps.now();
		Team current = lockLinked(companyId, linkId, expectedVersion, now);
		Team archived = new Team(current.id(), null, current.profile(), current.managedBy(), current.scimConnectionId(),
				true, current.version(), current.createdAt(), now);
		this.teams.update(companyId, archived, current.version());
		List<FieldChange> changes = TeamChanges.between(current, archived);
		this.history.team(companyId, actor, current.id(), "archived", changes, now);
		return new Changed<>(archived, changes);
	}

	/**
	 * Locks a linked team's row until the transaction ends, counting the change in its
	 * version, and returns the team as locked. The lock waits for the changes in
	 * progress, so without an expected version a concurrent change makes this wait, not
	 * fail with a stale version.
	 * @param expectedVersion the version the caller saw, or {@code null} for the latest
	 */
	private Team lockLinked(UUID companyId, String linkId, @Nullable Long expectedVersion, Instant now) {
		Optional<Team> locked = this.teams.lockForChange(companyId, linkId, expectedVersion, now);
		if (locked.isPresent()) {
			return locked.get();
		}
		Team current = findLinked(companyId, linkId).orElseThrow(() -> DirectoryException.notFound("Group", linkId));
		throw new DirectoryException(DirectoryException.Reason.STALE_VERSION, "version",
				"Group " + linkId + " is at version " + current.version() + ", not " + expectedVersion);
	}

	/**
	 * Searches the linked teams of a company, in the order the page request gives, in
	 * plain statements outside a caller's transaction, as
	 * {@link ColleagueDirectory#search} does.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Page<Team> search(UUID companyId, Criterion criterion, PageRequest page) {
		return this.teams.search(companyId, criterion, page, true);
	}

	/** Returns the linked members of each team, by team id. */
	@Transactional(readOnly = true)
	public Map<UUID, List<Member>> members(UUID companyId, List<Team> teams) {
		return this.teams.members(companyId, teams.stream().map(Team::id).toList());
	}

	/**
	 * Passes the linked members of a team to the consumer, ordered by link id, without
	 * holding them all in memory.
	 */
	@Transactional(readOnly = true)
	public void forEachMember(UUID companyId, Team team, Consumer<Member> consumer) {
		this.teams.forEachMember(companyId, team.id(), consumer);
	}

	/**
	 * Passes each team, in order, to {@code action} with a function that passes the
	 * team's linked members, ordered by link id, to a consumer without loading them all
	 * into memory. All of it runs in one read-only transaction, which keeps a database
	 * connection until {@code action} has handled the last team.
	 */
	@Transactional(readOnly = true)
	public void forEachMemberOf(UUID companyId, List<Team> teams, BiConsumer<Team, Consumer<Consumer<Member>>> action) {
		for (Team team : teams) {
			action.accept(team, (consumer) -> this.teams.forEachMember(companyId, team.id(), consumer));
		}
	}

	/**
	 * Maps the link ids of a membership change to colleague ids. The colleagues to add
	 * stay linked until the transaction ends, on PostgreSQL.
	 */
	private ResolvedMembers resolve(UUID companyId, MembershipChange change) {
		return new ResolvedMembers(this.colleagues.holdIdsByLinkId(companyId, change.add()),
				this.colleagues.idsByLinkId(companyId, change.remove()));
	}

	private List<FieldChange> applyMembers(Actor actor, UUID companyId, UUID teamId, MembershipChange change,
			ResolvedMembers resolved, Instant now) {
		requireAll(resolved.added(), change.add());
		return this.memberships.apply(companyId, actor, teamId, change.replace(),
				change.add().stream().map(resolved.added()::get).toList(), resolved.removed().values(), now);
	}

	/** The colleague ids of a membership change's link ids, by link id. */
	private record ResolvedMembers(Map<String, UUID> added, Map<String, UUID> removed) {
	}

	/**
	 * Maps member link ids to colleague ids, which stay linked until the transaction ends
	 * on PostgreSQL. Every one of them must be a linked colleague.
	 */
	private Map<String, UUID> resolveMembers(UUID companyId, Set<String> linkIds) {
		return requireAll(this.colleagues.holdIdsByLinkId(companyId, linkIds), linkIds);
	}

	private static Map<String, UUID> requireAll(Map<String, UUID> ids, Set<String> linkIds) {
		if (ids.size() < linkIds.size()) {
			List<String> unknown = linkIds.stream().filter((id) -> !ids.containsKey(id)).sorted().limit(10).toList();
			throw new DirectoryException(DirectoryException.Reason.INVALID_VALUE, "members",
					"members contains ids of no user in this company: " + String.join(", ", unknown));
		}
		return ids;
	}

	static DirectoryException nameTaken(String displayName) {
		return new DirectoryException(DirectoryException.Reason.CONFLICT, "displayName",
				"displayName " + displayName + " is already taken by another group in this company");
	}

}
