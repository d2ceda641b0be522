package io.roster.directory;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.roster.tenant.Company;

/**
 * The rules for colleagues that an identity provider manages: provisioning (with linking
 * and rehire), changes with optimistic concurrency, and deprovisioning.
 */
@Service
public class ColleagueDirectory {

	private static final String SCIM = "scim";

	private static final int MAX_ATTEMPTS = 5;

	private final ColleagueStore colleagues;

	private final TeamStore teams;

	ColleagueDirectory(ColleagueStore colleagues, TeamStore teams) {
		this.colleagues = colleagues;
		this.teams = teams;
	}

	/**
	 * Provisions a colleague. A colleague with the same userName (ignoring case), or an
	 * unlinked one with the same external id, is linked again and takes the new profile
	 * (rehire), keeping its identity; an app-managed one is linked only when the
	 * company's matching policy is {@code auto}.
	 * @throws DirectoryException with {@code CONFLICT} when the userName belongs to a
	 * linked colleague
	 */
	@Transactional
	public Colleague provision(Company company, ColleagueProfile profile) {
		UUID companyId = company.id();
		Optional<Colleague> existing = this.colleagues.findByUserName(companyId, profile.userName());
		if (existing.isEmpty() && profile.externalId() != null) {
			existing = this.colleagues.findUnlinkedByExternalId(companyId, profile.externalId());
		}
		String linkId = UUID.randomUUID().toString();
		Instant now = Timestamps.now();
		try {
			if (existing.isPresent()) {
				return relink(company, existing.get(), linkId, profile, now);
			}
			Colleague created = new Colleague(UUID.randomUUID(), linkId, profile, company.defaultRole(), SCIM, 1, now,
					now);
			this.colleagues.insert(companyId, created);
			return created;
		}
		catch (DuplicateKeyException ex) {
			throw userNameTaken(profile.userName());
		}
	}

	public Optional<Colleague> findLinked(UUID companyId, String linkId) {
		return this.colleagues.findByLinkId(companyId, linkId);
	}

	/**
	 * Changes a linked colleague's profile. The change is computed from the stored
	 * colleague and applied only if nobody changed the colleague in between; otherwise it
	 * is computed again from the newer state.
	 * @param expectedVersion the version the caller saw, or {@code null} to apply to the
	 * latest version
	 */
	@Transactional
	public Colleague update(UUID companyId, String linkId, @Nullable Long expectedVersion,
			UnaryOperator<ColleagueProfile> change) {
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			Colleague current = findLinked(companyId, linkId)
				.orElseThrow(() -> DirectoryException.notFound("User", linkId));
			if (expectedVersion != null && expectedVersion != current.version()) {
				throw new DirectoryException(DirectoryException.Reason.STALE_VERSION, "version",
						"User " + linkId + " is at version " + current.version() + ", not " + expectedVersion);
			}
			ColleagueProfile profile = change.apply(current.profile());
			if (profile.equals(current.profile())) {
				return current;
			}
			Colleague updated = new Colleague(current.id(), linkId, profile, current.role(), SCIM,
					current.version() + 1, current.createdAt(), Timestamps.now());
			try {
				if (this.colleagues.update(companyId, updated, current.version())) {
					return updated;
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
	 * from the identity provider, keeping its record for a later rehire.
	 */
	@Transactional
	public void deprovision(UUID companyId, String linkId) {
		Colleague current = findLinked(companyId, linkId)
			.orElseThrow(() -> DirectoryException.notFound("User", linkId));
		ColleagueProfile inactive = current.profile().withActive(false);
		Colleague unlinked = new Colleague(current.id(), null, inactive, current.role(), current.managedBy(),
				current.version() + 1, current.createdAt(), Timestamps.now());
		if (!this.colleagues.update(companyId, unlinked, current.version())) {
			throw new DirectoryException(DirectoryException.Reason.STALE_VERSION, "version",
					"User " + linkId + " changed concurrently; retry the request");
		}
		this.teams.removeFromAllTeams(companyId, current.id(), unlinked.updatedAt());
	}

	/**
	 * Searches the linked colleagues of a company, in the order the page request gives.
	 */
	@Transactional(readOnly = true)
	public Page<Colleague> search(UUID companyId, Criterion criterion, PageRequest page) {
		return this.colleagues.search(companyId, criterion, page);
	}

	private Colleague relink(Company company, Colleague existing, String linkId, ColleagueProfile profile,
			Instant now) {
		if (existing.linkId() != null) {
			throw userNameTaken(profile.userName());
		}
		if (!SCIM.equals(existing.managedBy()) && !Objects.equals(company.matchingPolicy(), "auto")) {
			throw new DirectoryException(DirectoryException.Reason.CONFLICT, "userName",
					"userName " + profile.userName()
							+ " belongs to a colleague managed in the product, and the company's matching"
							+ " policy is 'never'");
		}
		Colleague relinked = new Colleague(existing.id(), linkId, profile, existing.role(), SCIM,
				existing.version() + 1, existing.createdAt(), now);
		if (!this.colleagues.update(company.id(), relinked, existing.version())) {
			throw new DirectoryException(DirectoryException.Reason.STALE_VERSION, "version",
					"User " + profile.userName() + " changed concurrently; retry the request");
		}
		return relinked;
	}

	private static DirectoryException userNameTaken(String userName) {
		return new DirectoryException(DirectoryException.Reason.CONFLICT, "userName",
				"userName " + userName + " is already taken in this company");
	}

}
