package io.roster.directory;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Applies an admin's field changes to a colleague profile. Fields are named as in the
 * product API; a {@code null} value clears a field. Every field here is a provisioned
 * field, so none of them may change on a SCIM-managed colleague.
 */
final class ColleagueEdits {

	static final List<String> FIELDS = List.of("email", "givenName", "familyName", "displayName", "title", "role",
			"active", "employeeNumber", "department", "costCenter", "organization", "division");

	private static final int MAX_NAME_LENGTH = 200;

	private static final int MAX_EMAIL_LENGTH = 320;

	private ColleagueEdits() {
	}

	/**
	 * Returns the profile with the changes applied.
	 * @throws DirectoryException {@code INVALID_VALUE} for an unknown field or a value
	 * the field cannot take
	 */
	static ColleagueProfile apply(ColleagueProfile p, Map<String, @Nullable String> changes) {
		for (String field : changes.keySet()) {
			if (!FIELDS.contains(field)) {
				throw invalid(field, "'" + field + "' is not a field of a colleague that can be set; use "
						+ String.join(", ", FIELDS));
			}
		}
		return new ColleagueProfile(email(changes, p.userName()), p.externalId(),
				text(changes, "givenName", p.givenName()), text(changes, "familyName", p.familyName()),
				p.formattedName(), text(changes, "displayName", p.displayName()), text(changes, "title", p.title()),
				active(changes, p.active()), p.emails(), p.roles(), role(changes, p.role()),
				text(changes, "employeeNumber", p.employeeNumber()), text(changes, "department", p.department()),
				text(changes, "costCenter", p.costCenter()), text(changes, "organization", p.organization()),
				text(changes, "division", p.division()), p.managerLinkId());
	}

	/** Returns the first field whose value the changes alter, or {@code null}. */
	static @Nullable String firstChangedField(Colleague before, ColleagueProfile after) {
		for (FieldChange change : ColleagueChanges.between(before,
				new Colleague(before.id(), before.linkId(), after, before.managedBy(), before.scimConnectionId(),
						before.version(), before.createdAt(), before.updatedAt()))) {
			return change.field();
		}
		return null;
	}

	private static String email(Map<String, @Nullable String> changes, String current) {
		if (!changes.containsKey("email")) {
			return current;
		}
		String email = trimmed(changes.get("email"));
		if (email == null || email.length() > MAX_EMAIL_LENGTH || !email.matches("[^@\\s]+@[^@\\s]+")) {
			throw invalid("email", "'email' must be an email address such as ann@example.com of at most "
					+ MAX_EMAIL_LENGTH + " characters, not " + quoted(email));
		}
		return email;
	}

	private static @Nullable String text(Map<String, @Nullable String> changes, String field,
			@Nullable String current) {
		if (!changes.containsKey(field)) {
			return current;
		}
		String value = trimmed(changes.get(field));
		int max = field.equals("displayName") ? 2 * MAX_NAME_LENGTH : MAX_NAME_LENGTH;
		if (value != null && value.length() > max) {
			throw invalid(field, "'" + field + "' may have at most " + max + " characters");
		}
		return value;
	}

	private static @Nullable String role(Map<String, @Nullable String> changes, @Nullable String current) {
		if (!changes.containsKey("role")) {
			return current;
		}
		String role = changes.get("role");
		if (role == null) {
			throw invalid("role", "'role' cannot be cleared; use one of " + Role.codes());
		}
		return Role.require(role, "role").code();
	}

	private static boolean active(Map<String, @Nullable String> changes, boolean current) {
		if (!changes.containsKey("active")) {
			return current;
		}
		String active = changes.get("active");
		if (!Objects.equals(active, "true") && !Objects.equals(active, "false")) {
			throw invalid("active", "'active' must be true or false, not " + quoted(active));
		}
		return Boolean.parseBoolean(active);
	}

	private static @Nullable String trimmed(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String trimmed = value.trim();
		return trimmed.isEmpty() ? null : trimmed;
	}

	private static String quoted(@Nullable String value) {
		return (value != null) ? "'" + value + "'" : "nothing";
	}

	private static DirectoryException invalid(String field, String message) {
		return new DirectoryException(DirectoryException.Reason.INVALID_VALUE, field, message);
	}

}
