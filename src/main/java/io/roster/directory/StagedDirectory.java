package io.roster.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.roster.tenant.Actor;
import io.roster.tenant.Company;
import io.roster.tenant.MatchingPolicy;

/**
 * The plan of a staged first sync, and its application. A SCIM connection in setup writes
 * a staging company's directory. The plan is the difference between that directory and
 * the real company's, read in pages. Applying it moves the staged users and groups into
 * the real company the way live SCIM requests would have. New colleagues and teams keep
 * the ids, SCIM ids and versions the identity provider already holds. Matched colleagues
 * and teams keep their own ids and take the staged SCIM ids and provisioned fields. Every
 * applied user and group gets a history entry with the SCIM connection as actor.
 */
@Service
public class StagedDirectory {

	/** Staged users or groups read and applied at once. */
	private static final int APPLY_PAGE = 500;

	/** Largest page of the plan a caller may read. */
	public static final int MAX_PAGE = 1000;

	private static final List<String> ALL_COLLEAGUES = List.of(StagingStore.CREATE, StagingStore.REHIRE,
			StagingStore.MATCH, StagingStore.TAKEN);

	private static final List<String> ALL_TEAMS = List.of(StagingStore.CREATE, StagingStore.TAKE_OVER,
			StagingStore.TAKEN);

	private static final String COLLEAGUE_CURSOR = "c";

	private static final String TEAM_CURSOR = "t";

	/** The numbers of users and groups that applying a plan changed or skipped. */
	public record Applied(int created, int linked, int teamsCreated, int teamsTakenOver, int skipped) {
	}

	private final StagingStore store;

	private final ColleagueStore colleagues;

	private final TeamStore teams;

	private final Memberships memberships;

	private final History history;

	StagedDirectory(StagingStore store, ColleagueStore colleagues, TeamStore teams, Memberships memberships,
			History history) {
		this.store = store;
		this.colleagues = colleagues;
		this.teams = teams;
		this.memberships = memberships;
		this.history = history;
	}

	/**
	 * Reads a page of one section of the plan, in the order of the lower-cased userName
	 * or team name; the errors section lists users first, then groups.
	 * @param cursor the {@code nextCursor} of the previous page, or {@code null} for the
	 * first page
	 * @throws IllegalArgumentException when the cursor is not one this method returned,
	 * or the limit is not between 1 and {@link #MAX_PAGE}
	 */
	@Transactional(readOnly = true)
	public PlanPage plan(Company real, UUID stagingId, PlanSection section, @Nullable String cursor, int limit) {
		if (limit < 1 || limit > MAX_PAGE) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_PAGE + ", not " + limit);
		}
		Position position = Position.of(cursor, section);
		MatchingPolicy policy = policy(real);
		// One entry more than the page shows whether another page follows.
		int read = limit + 1;
		List<PlanEntry> entries = new ArrayList<>();
		switch (section) {
			case CREATE -> addColleagues(entries, real, stagingId, List.of(StagingStore.CREATE), position, read);
			case LINK -> addColleagues(entries, real, stagingId, linkOutcomes(policy), position, read);
			case TEAMS_CREATE -> addTeams(entries, real, stagingId, List.of(StagingStore.CREATE), position, read);
			case TEAMS_TAKE_OVER -> addTeams(entries, real, stagingId, List.of(StagingStore.TAKE_OVER), position, read);
			case ERRORS -> {
				if (position.colleagues()) {
					addColleagues(entries, real, stagingId, errorOutcomes(policy), position, read);
				}
				if (entries.size() < read) {
					Position teamsFrom = position.colleagues() ? Position.FIRST_TEAM : position;
					addTeams(entries, real, stagingId, List.of(StagingStore.TAKEN), teamsFrom, read - entries.size());
				}
			}
			case UNSENT -> {
				for (StagingStore.Unsent unsent : this.store.unsent(real.id(), stagingId, position.key(), read)) {
					entries.add(new PlanEntry(COLLEAGUE_CURSOR + unsent.key(), PlanEntry.COLLEAGUE, null,
							unsent.userName(), unsent.id(), unsent.userName(), null));
				}
			}
		}
		if (entries.size() <= limit) {
			return new PlanPage(section, entries, null);
		}
		List<PlanEntry> shown = entries.subList(0, limit);
		return new PlanPage(section, shown, shown.get(limit - 1).cursor());
	}

	/** Counts the entries of each section of the plan. */
	@Transactional(readOnly = true)
	public Map<PlanSection, Long> counts(Company real, UUID stagingId) {
		MatchingPolicy policy = policy(real);
		Map<String, Long> users = this.store.colleagueOutcomes(real.id(), stagingId);
		Map<String, Long> groups = this.store.teamOutcomes(real.id(), stagingId);
		Map<PlanSection, Long> counts = new EnumMap<>(PlanSection.class);
		counts.put(PlanSection.CREATE, users.getOrDefault(StagingStore.CREATE, 0L));
		counts.put(PlanSection.LINK, sum(users, linkOutcomes(policy)));
		counts.put(PlanSection.TEAMS_CREATE, groups.getOrDefault(StagingStore.CREATE, 0L));
		counts.put(PlanSection.TEAMS_TAKE_OVER, groups.getOrDefault(StagingStore.TAKE_OVER, 0L));
		counts.put(PlanSection.ERRORS, sum(users, errorOutcomes(policy)) + groups.getOrDefault(StagingStore.TAKEN, 0L));
		counts.put(PlanSection.UNSENT, this.store.unsentCount(real.id(), stagingId));
		return counts;
	}

	/** Returns which of the given colleague ids are in the plan's unsent section. */
	@Transactional(readOnly = true)
	public Set<UUID> unsentAmong(Company real, UUID stagingId, Collection<UUID> ids) {
		return this.store.unsentAmong(real.id(), stagingId, ids);
	}

	/**
	 * Applies the plan to the real company: users first, then groups with their members.
	 * Members that are users in the errors section are left out of their teams.
	 * @param actor the SCIM connection the staged directory belongs to
	 * @param skipErrors whether to leave out the entries of the errors section; without
	 * it, the first one fails the whole application
	 * @throws DirectoryException {@code CONFLICT} for an entry of the errors section,
	 * {@code STALE_VERSION} when a matched colleague or team changed during the
	 * application
	 */
	@Transactional
	public Applied apply(Actor actor, Company real, UUID stagingId, boolean skipErrors) {
		// NOTE: PostgreSQL plans the foreign-key checks of new membership rows once per
		// connection. On a table that was nearly empty when last analyzed it plans them
		// as scans of the whole table, so applying a large plan on a new database is
		// slow. History rows have no foreign key left, but the volume test still
		// analyzes a filled history table first. TableStatistics does not help here,
		// because the rows of this transaction count for PostgreSQL's statistics only
		// once it commits.
		UUID connectionId = ColleagueDirectory.connectionOf(actor);
		Counter counter = new Counter();
		List<String> errors = errorOutcomes(policy(real));
		String after = "";
		while (true) {
			List<StagingStore.Staged> page = this.store.colleagues(real.id(), stagingId, ALL_COLLEAGUES, after,
					APPLY_PAGE);
			if (page.isEmpty()) {
				break;
			}
			applyColleagues(actor, connectionId, real, stagingId, page, after, errors, skipErrors, counter);
			after = page.get(page.size() - 1).key();
		}
		after = "";
		while (true) {
			List<StagingStore.Staged> page = this.store.teams(real.id(), stagingId, ALL_TEAMS, after, APPLY_PAGE);
			if (page.isEmpty()) {
				break;
			}
			for (StagingStore.Staged row : page) {
				applyTeam(actor, connectionId, real.id(), stagingId, row, skipErrors, counter);
			}
			after = page.get(page.size() - 1).key();
		}
		return new Applied(counter.created, counter.linked, counter.teamsCreated, counter.teamsTakenOver,
				counter.skipped);
	}

	/** Deletes every colleague, team and history entry of a staging company. */
	@Transactional
	public void discard(UUID stagingId) {
		this.store.deleteDirectory(stagingId);
	}

	private void applyColleagues(Actor actor, UUID connectionId, Company real, UUID stagingId,
			List<StagingStore.Staged> page, String afterKey, List<String> errors, boolean skipErrors, Counter counter) {
		String lastKey = page.get(page.size() - 1).key();
		Map<UUID, Colleague> staged = byId(this.colleagues.findByUserNameRange(stagingId, afterKey, lastKey),
				Colleague::id);
		Map<UUID, Colleague> existing = byId(this.colleagues.findByUserNameRange(real.id(), afterKey, lastKey),
				Colleague::id);
		Instant now = Timestamps.now();
		List<Colleague> created = new ArrayList<>();
		Map<UUID, History.Change> changes = new LinkedHashMap<>();
		for (StagingStore.Staged row : page) {
			Colleague source = staged.get(row.stagedId());
			if (errors.contains(row.outcome())) {
				if (!skipErrors) {
					throw new DirectoryException(DirectoryException.Reason.CONFLICT, "userName", colleagueProblem(row));
				}
				counter.skipped++;
			}
			else if (row.outcome().equals(StagingStore.CREATE)) {
				Colleague copy = new Colleague(source.id(), source.linkId(), source.profile(), Colleague.SCIM,
						connectionId, source.version(), source.createdAt(), source.updatedAt());
				created.add(copy);
				changes.put(copy.id(), new History.Change("provisioned", ColleagueChanges.created(copy)));
				counter.created++;
			}
			else {
				Colleague target = existing.get(row.existingId());
				changes.put(target.id(), link(connectionId, real, source, target, now));
				counter.linked++;
			}
		}
		this.colleagues.insertAll(real.id(), created);
		this.history.colleagues(real.id(), actor, changes, now);
	}

	/**
	 * Links an existing colleague to a staged user: it keeps its id and takes the staged
	 * SCIM id and profile.
	 */
	private History.Change link(UUID connectionId, Company real, Colleague source, Colleague target, Instant now) {
		boolean rehire = target.isScimManaged();
		// NOTE: the staging directory does not record whether the provider stated a role,
		// so a linked app-managed colleague keeps its role when the staged one equals the
		// company's default role, where a live link would take a stated default role.
		String role = (rehire || !source.role().equals(real.defaultRole())) ? source.role() : target.role();
		Colleague linked = new Colleague(target.id(), source.linkId(), source.profile().withRole(role), Colleague.SCIM,
				connectionId, target.version() + 1, target.createdAt(), now);
		if (!this.colleagues.update(real.id(), linked, target.version())) {
			throw new DirectoryException(DirectoryException.Reason.STALE_VERSION, "version",
					"Colleague " + target.id() + " changed while the first sync was finishing; finish the sync again");
		}
		return new History.Change(rehire ? "rehired" : "linked", ColleagueChanges.between(target, linked));
	}

	private void applyTeam(Actor actor, UUID connectionId, UUID realId, UUID stagingId, StagingStore.Staged row,
			boolean skipErrors, Counter counter) {
		if (row.outcome().equals(StagingStore.TAKEN)) {
			if (!skipErrors) {
				throw new DirectoryException(DirectoryException.Reason.CONFLICT, "displayName", teamProblem(row));
			}
			counter.skipped++;
			return;
		}
		Team source = this.teams.findById(stagingId, row.stagedId()).orElseThrow();
		Instant now = Timestamps.now();
		Team existing = null;
		Team team;
		if (row.outcome().equals(StagingStore.CREATE)) {
			team = new Team(source.id(), source.linkId(), source.profile(), Colleague.SCIM, connectionId, false,
					source.version(), source.createdAt(), source.updatedAt());
			this.teams.insert(realId, team);
			counter.teamsCreated++;
		}
		else {
			existing = this.teams.findById(realId, row.existingId()).orElseThrow();
			team = new Team(existing.id(), source.linkId(), source.profile(), Colleague.SCIM, connectionId, false,
					existing.version() + 1, existing.createdAt(), now);
			if (!this.teams.update(realId, team, existing.version())) {
				throw new DirectoryException(DirectoryException.Reason.STALE_VERSION, "version",
						"Team " + existing.id() + " changed while the first sync was finishing; finish the sync again");
			}
			counter.teamsTakenOver++;
		}
		List<String> memberLinkIds = this.teams.members(stagingId, List.of(source.id()))
			.getOrDefault(source.id(), List.of())
			.stream()
			.map(Member::linkId)
			.toList();
		Collection<UUID> memberIds = this.colleagues.idsByLinkId(realId, memberLinkIds).values();
		List<FieldChange> changes = new ArrayList<>(TeamChanges.between(existing, team));
		changes.addAll(this.memberships.apply(realId, actor, team.id(), true, memberIds, Set.of(), now));
		this.history.team(realId, actor, team.id(), (existing != null) ? "taken_over" : "provisioned", changes, now);
	}

	private void addColleagues(List<PlanEntry> entries, Company real, UUID stagingId, List<String> outcomes,
			Position position, int limit) {
		for (StagingStore.Staged row : this.store.colleagues(real.id(), stagingId, outcomes, position.key(), limit)) {
			String problem = isError(row, policy(real)) ? colleagueProblem(row) : null;
			entries.add(new PlanEntry(COLLEAGUE_CURSOR + row.key(), PlanEntry.COLLEAGUE, row.linkId(), row.name(),
					row.existingId(), row.existingName(), problem));
		}
	}

	private void addTeams(List<PlanEntry> entries, Company real, UUID stagingId, List<String> outcomes,
			Position position, int limit) {
		for (StagingStore.Staged row : this.store.teams(real.id(), stagingId, outcomes, position.key(), limit)) {
			String problem = row.outcome().equals(StagingStore.TAKEN) ? teamProblem(row) : null;
			entries.add(new PlanEntry(TEAM_CURSOR + row.key(), PlanEntry.TEAM, row.linkId(), row.name(),
					row.existingId(), row.existingName(), problem));
		}
	}

	private static boolean isError(StagingStore.Staged row, MatchingPolicy policy) {
		return errorOutcomes(policy).contains(row.outcome());
	}

	private static String colleagueProblem(StagingStore.Staged row) {
		if (row.outcome().equals(StagingStore.TAKEN)) {
			return "userName " + row.name() + " belongs to colleague " + row.existingName()
					+ ", who is already linked to a SCIM connection";
		}
		return "userName " + row.name() + " belongs to colleague " + row.existingName()
				+ ", who is managed in the product, and the company's matching policy is 'never';"
				+ " change the policy to 'auto' to link them";
	}

	private static String teamProblem(StagingStore.Staged row) {
		return "displayName " + row.name() + " belongs to team " + row.existingName()
				+ ", which a SCIM connection already manages";
	}

	private static List<String> linkOutcomes(MatchingPolicy policy) {
		return (policy == MatchingPolicy.AUTO) ? List.of(StagingStore.REHIRE, StagingStore.MATCH)
				: List.of(StagingStore.REHIRE);
	}

	private static List<String> errorOutcomes(MatchingPolicy policy) {
		return (policy == MatchingPolicy.AUTO) ? List.of(StagingStore.TAKEN)
				: List.of(StagingStore.TAKEN, StagingStore.MATCH);
	}

	private static MatchingPolicy policy(Company company) {
		return MatchingPolicy.parse(company.matchingPolicy()).orElse(MatchingPolicy.AUTO);
	}

	private static long sum(Map<String, Long> counts, List<String> outcomes) {
		return outcomes.stream().mapToLong((outcome) -> counts.getOrDefault(outcome, 0L)).sum();
	}

	private static <T> Map<UUID, T> byId(List<T> items, Function<T, UUID> id) {
		return items.stream().collect(Collectors.toMap(id, Function.identity()));
	}

	/**
	 * The position a page of the plan starts after: after a userName key ({@code c}) or a
	 * team name key ({@code t}), both lower-cased.
	 */
	private record Position(boolean colleagues, String key) {

		static final Position FIRST_TEAM = new Position(false, "");

		static Position of(@Nullable String cursor, PlanSection section) {
			boolean teamSection = section == PlanSection.TEAMS_CREATE || section == PlanSection.TEAMS_TAKE_OVER;
			if (cursor == null || cursor.isEmpty()) {
				return new Position(!teamSection, "");
			}
			boolean colleagues = cursor.startsWith(COLLEAGUE_CURSOR);
			boolean valid = colleagues ? (!teamSection)
					: (cursor.startsWith(TEAM_CURSOR) && (teamSection || section == PlanSection.ERRORS));
			if (!valid || cursor.length() < 2) {
				throw new IllegalArgumentException("cursor " + cursor + " is not a cursor of the plan section "
						+ section.name().toLowerCase(java.util.Locale.ROOT)
						+ "; send the nextCursor of its previous page");
			}
			return new Position(colleagues, cursor.substring(1));
		}

	}

	private static final class Counter {

		int created;

		int linked;

		int teamsCreated;

		int teamsTakenOver;

		int skipped;

	}

}
