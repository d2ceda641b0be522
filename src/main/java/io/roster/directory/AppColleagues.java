package io.roster.directory;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.roster.system.TimeOrderedIds;
import io.roster.tenant.Actor;
import io.roster.tenant.Company;

/**
 * The product's commands on colleagues for company admins: create, edit, deactivate and
 * reactivate app-managed colleagues, and read any colleague with its teams and history. A
 * SCIM-managed colleague's provisioned fields, {@code active} included, are read-only
 * here; the identity provider that manages them changes them.
 */
@Service
public class AppColleagues {

	private final ColleagueStore colleagues;

	private final TeamStore teams;

	private final History history;

	private final ManagedElsewhere managedElsewhere;

	AppColleagues(ColleagueStore colleagues, TeamStore teams, History history, ManagedElsewhere managedElsewhere) {
		this.colleagues = colleagues;
		this.teams = teams;
		this.history = history;
		this.managedElsewhere = managedElsewhere;
	}

	/**
	 * Creates an app-managed colleague. {@code email} is required; without a {@code role}
	 * the colleague gets the company's default role, and without a {@code displayName}
	 * one made of the given and family names.
	 * @throws DirectoryException {@code CONFLICT} when the email is taken,
	 * {@code INVALID_VALUE} for a field that is unknown or has a bad value
	 */
	@Transactional
	public Colleague create(Actor actor, Company company, Map<String, @Nullable String> fields) {
		if (fields.get("email") == null) {
			throw new DirectoryException(DirectoryException.Reason.INVALID_VALUE, "email",
					"'email' is required to create a colleague");
		}
		Map<String, @Nullable String> values = new LinkedHashMap<>(fields);
		values.putIfAbsent("role", company.defaultRole());
		values.putIfAbsent("active", "true");
		ColleagueProfile empty = new ColleagueProfile("", null, null, null, null, null, null, true, List.of(),
				List.of(), null, null, null, null, null, null, null);
		ColleagueProfile profile = ColleagueEdits.apply(empty, values);
		if (profile.displayName() == null) {
			profile = withDisplayName(profile);
		}
		Instant now = Timestamps.now();
		Colleague created = new Colleague(TimeOrderedIds.next(), null, profile, Colleague.APP, null, 1, now, now);
		try {
			this.colleagues.insert(company.id(), created);
		}
		catch (DuplicateKeyException ex) {
			throw emailTaken(profile.userName());
		}
		this.history.colleague(company.id(), actor, created.id(), "created", ColleagueChanges.created(created), now);
		return created;
	}

	/**
	 * Changes fields of a colleague, named as in {@link ColleagueEdits#FIELDS}. A field
	 * sent with its current value is no change, so a form may send every field.
	 * @param expectedVersion the version the admin saw, or {@code null} for the latest
	 * @throws DirectoryException {@code READ_ONLY} naming the first field that would
	 * change on a SCIM-managed colleague, and the identity provider that manages it
	 */
	@Transactional
	public Colleague edit(Actor actor, UUID companyId, UUID id, @Nullable Long expectedVersion,
			Map<String, @Nullable String> fields) {
		Colleague current = get(companyId, id);
		if (expectedVersion != null && expectedVersion != current.version()) {
			throw new DirectoryException(DirectoryException.Reason.STALE_VERSION, "version",
					"Colleague " + id + " is at version " + current.version() + ", not " + expectedVersion);
		}
		ColleagueProfile profile = ColleagueEdits.apply(current.profile(), fields);
		String changed = ColleagueEdits.firstChangedField(current, profile);
		if (changed == null) {
			return current;
		}
		if (current.isScimManaged()) {
			throw this.managedElsewhere.error(companyId, current.scimConnectionId(),
					"colleague " + current.profile().userName(), changed);
		}
		Instant now = Timestamps.now();
		Colleague updated = new Colleague(current.id(), null, profile, Colleague.APP, null, current.version() + 1,
				current.createdAt(), now);
		try {
			if (!this.colleagues.update(companyId, updated, current.version())) {
				throw new DirectoryException(DirectoryException.Reason.STALE_VERSION, "version",
						"Colleague " + id + " changed concurrently; reload it and retry");
			}
		}
		catch (DuplicateKeyException ex) {
			throw emailTaken(profile.userName());
		}
		List<FieldChange> changes = ColleagueChanges.between(current, updated);
		this.history.colleague(companyId, actor, id, ColleagueChanges.action(changes), changes, now);
		return updated;
	}

	/**
	 * Deactivates an app-managed colleague; deactivating an inactive one changes nothing.
	 */
	@Transactional
	public Colleague deactivate(Actor actor, UUID companyId, UUID id) {
		return edit(actor, companyId, id, null, Map.of("active", "false"));
	}

	/**
	 * Reactivates an app-managed colleague; reactivating an active one changes nothing.
	 */
	@Transactional
	public Colleague reactivate(Actor actor, UUID companyId, UUID id) {
		return edit(actor, companyId, id, null, Map.of("active", "true"));
	}

	@Transactional(readOnly = true)
	public Colleague get(UUID companyId, UUID id) {
		return this.colleagues.findById(companyId, id)
			.orElseThrow(() -> DirectoryException.notFound("Colleague", id.toString()));
	}

	/** Searches all colleagues of a company, linked or not. */
	@Transactional(readOnly = true)
	public Page<Colleague> search(UUID companyId, Criterion criterion, PageRequest page) {
		return this.colleagues.search(companyId, criterion, page, false);
	}

	/** Returns the teams a colleague belongs to, archived ones last. */
	@Transactional(readOnly = true)
	public List<Team> teams(UUID companyId, UUID id) {
		get(companyId, id);
		return this.teams.teamsOf(companyId, id);
	}

	/** Returns a colleague's history, oldest change first. */
	@Transactional(readOnly = true)
	public List<HistoryEntry> history(UUID companyId, UUID id) {
		get(companyId, id);
		return this.history.of(companyId, id);
	}

	private static ColleagueProfile withDisplayName(ColleagueProfile p) {
		String joined = String.join(" ",
				java.util.stream.Stream.of(p.givenName(), p.familyName()).filter(java.util.Objects::nonNull).toList());
		return new ColleagueProfile(p.userName(), p.externalId(), p.givenName(), p.familyName(), p.formattedName(),
				joined.isEmpty() ? null : joined, p.title(), p.active(), p.emails(), p.roles(), p.role(),
				p.employeeNumber(), p.department(), p.costCenter(), p.organization(), p.division(), p.managerLinkId());
	}

	private static DirectoryException emailTaken(String email) {
		return new DirectoryException(DirectoryException.Reason.CONFLICT, "email",
				"email " + email + " already belongs to a colleague of this company");
	}

}
