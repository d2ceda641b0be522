package io.roster.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Compares two states of a colleague field by field, for the history. Field names are the
 * directory's own: {@code email} is the userName, {@code manager} the manager's link id,
 * and {@code scimId} the link id.
 */
final class ColleagueChanges {

	private static final List<Compared> FIELDS = List.of(new Compared("email", (c) -> c.profile().userName()),
			new Compared("externalId", (c) -> c.profile().externalId()),
			new Compared("givenName", (c) -> c.profile().givenName()),
			new Compared("familyName", (c) -> c.profile().familyName()),
			new Compared("formattedName", (c) -> c.profile().formattedName()),
			new Compared("displayName", (c) -> c.profile().displayName()),
			new Compared("title", (c) -> c.profile().title()), new Compared("role", (c) -> c.profile().role()),
			new Compared("active", (c) -> String.valueOf(c.profile().active())),
			new Compared("emails", (c) -> values(c.profile().emails())),
			new Compared("roles", (c) -> values(c.profile().roles())),
			new Compared("employeeNumber", (c) -> c.profile().employeeNumber()),
			new Compared("department", (c) -> c.profile().department()),
			new Compared("costCenter", (c) -> c.profile().costCenter()),
			new Compared("organization", (c) -> c.profile().organization()),
			new Compared("division", (c) -> c.profile().division()),
			new Compared("manager", (c) -> c.profile().managerLinkId()),
			new Compared("managedBy", Colleague::managedBy), new Compared("scimId", Colleague::linkId));

	private ColleagueChanges() {
	}

	/** Returns the fields whose values differ, in a fixed order. */
	static List<FieldChange> between(Colleague before, Colleague after) {
		List<FieldChange> changes = new ArrayList<>();
		for (Compared field : FIELDS) {
			String old = field.value().apply(before);
			String now = field.value().apply(after);
			if (!Objects.equals(old, now)) {
				changes.add(new FieldChange(field.name(), old, now));
			}
		}
		return changes;
	}

	/** Returns every field that has a value, as changes from nothing. */
	static List<FieldChange> created(Colleague colleague) {
		List<FieldChange> changes = new ArrayList<>();
		for (Compared field : FIELDS) {
			String value = field.value().apply(colleague);
			if (value != null) {
				changes.add(new FieldChange(field.name(), null, value));
			}
		}
		return changes;
	}

	/**
	 * Names the kind of an update: a change of {@code active} alone decides it, so that
	 * deactivations and reactivations stand out in the history.
	 */
	static String action(List<FieldChange> changes) {
		for (FieldChange change : changes) {
			if (change.field().equals("active")) {
				return "true".equals(change.newValue()) ? "reactivated" : "deactivated";
			}
		}
		return "updated";
	}

	private static @Nullable String values(List<MultiValue> values) {
		if (values.isEmpty()) {
			return null;
		}
		return values.stream().map(ColleagueChanges::value).collect(Collectors.joining(", "));
	}

	private static String value(MultiValue value) {
		List<String> details = new ArrayList<>();
		if (value.type() != null) {
			details.add(value.type());
		}
		if (value.primary()) {
			details.add("primary");
		}
		return details.isEmpty() ? value.value() : value.value() + " (" + String.join(", ", details) + ")";
	}

	private record Compared(String name, Function<Colleague, @Nullable String> value) {
	}

}
