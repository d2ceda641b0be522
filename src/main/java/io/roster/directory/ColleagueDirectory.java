package io.roster.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.roster.system.TimeOrderedIds;
import io.roster.tenant.Actor;
import io.roster.tenant.Company;
import io.roster.tenant.MatchingPolicy;

/**
 * The rules for colleagues that an identity provider manages: provisioning (with linking
 * and rehire), changes with optimistic concurrency, and deprovisioning. Every command
 * takes the SCIM connection's actor and records what it changed in the history, in the
 * same transaction.
 */
@Service
public class ColleagueDirectory {

	private static final int MAX_ATTEMPTS = 5;

	private final ColleagueStore colleagues;

	private final Memberships memberships;

	private final History history;

	ColleagueDirectory(ColleagueStore colleagues, Memberships memberships, History history) {
		this.colleagues = colleagues;
		this.memberships = memberships;
		this.history = history;
	}

	/**
	 * Provisions a colleague. A colleague with the same userName (ignoring case), or an
	 * unlinked one with the same external id, is linked again and takes the new profile
	 * (rehire), keeping its identity and history. An app-managed colleague with the same
	 * userName is linked only when the company's matching policy is {@code auto}. A new
	 * or rehired colleague without a stated role gets the company's default role; a
	 * linked app-managed colleague keeps its role.
	 * @param record rows to write with a new colleague, in its statement on PostgreSQL
	 * @throws DirectoryException with {@code CONFLICT} when the userName belongs to a
	 * linked colleague, or to an app-managed one under the policy {@code never}, and with
	 * {@code STALE_VERSION} when the matching colleague kept changing concurrently
	 */
	@Transactional
	public Changed<Colleague> provision(Actor actor, Company company, ColleagueProfile profile,
			ChangeRecord<Colleague> record) {
		UUID companyId = company.id();
		try {
			NewColleague colleague = newColleague(actor, company, profile);
			for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
				// A new colleague, the common case, takes one statement on PostgreSQL.
				if (colleague.insert(this.colleagues, companyId, profile, record)) {
					return colleague.changed();
				}
				// The match may have stopped matching since, and then the insert is
				// tried again.
				Optional<Colleague> existing = this.colleagues.findMatch(companyId, profile.userName(),
						profile.externalId());
				if (existing.isPresent()) {
					return relink(actor, company, existing.get(), colleague.created().linkId(), profile,
							colleague.created().createdAt());
				}
			}
		}
		catch (DuplicateKeyException ex) {
			throw userNameTaken(profile.userName());
		}
		throw new DirectoryException(DirectoryException.Reason.STALE_VERSION, "userName",
				"User " + profile.userName() + " kept changing concurrently; retry the request");
	}

	/**
	 * Provisions a new colleague in one statement that commits on its own, outside any
	 * transaction, if no colleague matches: the common case of a first sync. That saves
	 * the database the round trip of a separate commit. The statement writes nothing when
	 * a colleague matches, and the caller then runs {@link #provision}, which links the
	 * match or rejects the request. H2 writes a colleague in several statements, so there
	 * this writes nothing either.
	 * @param record rows to write in the colleague's statement
	 * @return the new colleague, or empty when nothing was written
	 * @throws DirectoryException with {@code CONFLICT} when a concurrent request took the
	 * userName
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Optional<Changed<Colleague>> provisionAlone(Actor actor, Company company, ColleagueProfile profile,
			ChangeRecord<Colleague> record) {
		if (!this.colleagues.insertsInOneStatement()) {
			return Optional.empty();
		}
		try {
			NewColleague colleague = newColleague(actor, company, profile);
			return colleague.insert(this.colleagues, company.id(), profile, record) ? Optional.of(colleague.changed())
					: Optional.empty();
		}
		catch (DuplicateKeyException ex) {
			throw userNameTaken(profile.userName());
		}
	}

	private NewColleague newColleague(Actor actor, Company company, ColleagueProfile profile) {
		Instant now = Timestamps.now();
		String role = (profile.role() != null) ? Role.require(profile.role(), "role").code() : company.defaultRole();
		Colleague created = new Colleague(TimeOrderedIds.next(), UUID.randomUUID().toString(), profile.withRole(role),
				Colleague.SCIM, connectionOf(actor), 1, now, now);
		List<FieldChange> changes = ColleagueChanges.created(created);
		return new NewColleague(created, changes, History.entry(actor, created.id(), "provisioned", changes, now));
	}

	/** A colleague to provision, with its changes and its history entry. */
	private record NewColleague(Colleague created, List<FieldChange> changes, HistoryEntry entry) {

		boolean insert(ColleagueStore store, UUID companyId, ColleagueProfile profile, ChangeRecord<Colleague> record) {
			return store.insertUnlessMatched(companyId, this.created, profile.externalId(), this.entry, record);
		}

		Changed<Colleague> changed() {
			return new Changed<>(this.created, this.changes);
		}

	}

	public Optional<Colleague> findLinked(UUID companyId, String linkId) {
		return this.colleagues.findByLinkId(companyId, linkId);
	}

	/**
	 * Changes a linked colleague's profile. The change is computed from the stored
	 * colleague and applied only if nobody changed the colleague in between; otherwise it
	 * is computed again from the newer state. A changed profile without a role keeps the
	 * current role.
	 * @param expectedVersion the version the caller saw, or {@code null} to apply to the
	 * latest version
	 */
	@Transactional
	public Changed<Colleague> update(Actor actor, UUID companyId, String linkId, @Nullable Long expectedVersion,
			UnaryOperator<ColleagueProfile> change) {
		UUID connectionId = connectionOf(actor);
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			Colleague current = linked(companyId, linkId, expectedVersion);
			ColleagueProfile profile = change.apply(current.profile());
			String role = (profile.role() != null) ? Role.require(profile.role(), "role").code() : current.role();
			profile = profile.withRole(role);
			if (profile.equals(current.profile())) {
				return Changed.unchanged(current);
			}
			Instant now = Timestamps.now();
			Colleague updated = new Colleague(current.id(), linkId, profile, Colleague.SCIM, connectionId,
					current.version() + 1, current.createdAt(), now);
			try {
				if (this.colleagues.update(companyId, updated, current.version())) {
					List<FieldChange> changes = ColleagueChanges.between(current, updated);
					this.history.colleague(companyId, actor, current.id(), ColleagueChanges.action(changes), changes,
							now);
					return new Changed<>(updated, changes);
				}
			}
			catch (DuplicateKeyException ex) {
				throw userNameTaken(profile.userName());
			}
		}
		throw new DirectoryException(DirectoryException.Reason.STALE_VERSION, "version",
				"User " + linkId + " kept changing concurrently; retry the request");
	}

	/**
	 * Deprovisions a colleague: deactivates it, removes it from its teams and unlinks it
	 * from the identity provider, keeping its record and history for a later rehire.
	 * @param expectedVersion the version the caller saw, or {@code null} for the latest
	 */
	@Transactional
	public Changed<Colleague> deprovision(Actor actor, UUID companyId, String linkId, @Nullable Long expectedVersion) {
		connectionOf(actor);
		Colleague current = linked(companyId, linkId, expectedVersion);
		Instant now = Timestamps.now();
		Colleague unlinked = new Colleague(current.id(), null, current.profile().withActive(false), current.managedBy(),
				current.scimConnectionId(), current.version() + 1, current.createdAt(), now);
		if (!this.colleagues.update(companyId, unlinked, current.version())) {
			throw new DirectoryException(DirectoryException.Reason.STALE_VERSION, "version",
					"User " + linkId + " changed concurrently; retry the request");
		}
		List<FieldChange> changes = new ArrayList<>(ColleagueChanges.between(current, unlinked));
		changes.addAll(this.memberships.leaveAll(companyId, actor, current.id(), now));
		this.history.colleague(companyId, actor, current.id(), "deprovisioned", changes, now);
		return new Changed<>(unlinked, changes);
	}

	/**
	 * Searches the linked colleagues of a company, in the order the page request gives.
	 * Outside a caller's transaction the page and its count run as plain statements on
	 * one connection. They see what a READ COMMITTED transaction would show, since each
	 * statement there takes its own snapshot. So a lookup by userName, which needs no
	 * count, makes one round trip to the database instead of two (the statement, then
	 * COMMIT).
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Page<Colleague> search(UUID companyId, Criterion criterion, PageRequest page) {
		return this.colleagues.search(companyId, criterion, page, true);
	}

	private Colleague linked(UUID companyId, String linkId, @Nullable Long expectedVersion) {
		Colleague current = findLinked(companyId, linkId)
			.orElseThrow(() -> DirectoryException.notFound("User", linkId));
		if (expectedVersion != null && expectedVersion != current.version()) {
			throw new DirectoryException(DirectoryException.Reason.STALE_VERSION, "version",
					"User " + linkId + " is at version " + current.version() + ", not " + expectedVersion);
		}
		return current;
	}

	private Changed<Colleague> relink(Actor actor, Company company, Colleague existing, String linkId,
			ColleagueProfile profile, Instant now) {
		if (existing.linkId() != null) {
			throw userNameTaken(profile.userName());
		}
		boolean rehire = existing.isScimManaged();
		if (!rehire
				&& MatchingPolicy.parse(company.matchingPolicy()).orElse(MatchingPolicy.AUTO) != MatchingPolicy.AUTO) {
			throw new DirectoryException(DirectoryException.Reason.CONFLICT, "userName",
					"userName " + profile.userName()
							+ " belongs to a colleague managed in the product, and the company's matching"
							+ " policy is 'never'; link them by changing the policy to 'auto'");
		}
		String role = (profile.role() != null) ? Role.require(profile.role(), "role").code()
				: rehire ? company.defaultRole() : existing.role();
		Colleague relinked = new Colleague(existing.id(), linkId, profile.withRole(role), Colleague.SCIM,
				connectionOf(actor), existing.version() + 1, existing.createdAt(), now);
		if (!this.colleagues.update(company.id(), relinked, existing.version())) {
			throw new DirectoryException(DirectoryException.Reason.STALE_VERSION, "version",
					"User " + profile.userName() + " changed concurrently; retry the request");
		}
		List<FieldChange> changes = ColleagueChanges.between(existing, relinked);
		this.history.colleague(company.id(), actor, existing.id(), rehire ? "rehired" : "linked", changes, now);
		return new Changed<>(relinked, changes);
	}

	/** Returns the SCIM connection a SCIM command runs for. */
	static UUID connectionOf(Actor actor) {
		if (actor.type() != Actor.Type.SCIM || actor.id() == null) {
			throw new IllegalArgumentException("Only a SCIM connection provisions colleagues and teams, not " + actor);
		}
		return actor.id();
	}

	private static DirectoryException userNameTaken(String userName) {
		return new DirectoryException(DirectoryException.Reason.CONFLICT, "userName",
				"userName " + userName + " is already taken in this company");
	}

}
