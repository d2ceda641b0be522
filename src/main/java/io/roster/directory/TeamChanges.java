package io.roster.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Compares two states of a team field by field, for the history. Members are compared
 * elsewhere, as rows.
 */
final class TeamChanges {

	private TeamChanges() {
	}

	static List<FieldChange> between(@Nullable Team before, Team after) {
		List<FieldChange> changes = new ArrayList<>();
		add(changes, "name", (before != null) ? before.profile().displayName() : null, after.profile().displayName());
		add(changes, "externalId", (before != null) ? before.profile().externalId() : null,
				after.profile().externalId());
		add(changes, "managedBy", (before != null) ? before.managedBy() : null, after.managedBy());
		add(changes, "archived", (before != null) ? String.valueOf(before.archived()) : null,
				String.valueOf(after.archived()));
		add(changes, "scimId", (before != null) ? before.linkId() : null, after.linkId());
		return changes;
	}

	/** Names an update: {@code members_changed} when only members changed. */
	static String action(List<FieldChange> changes) {
		return changes.stream().allMatch((change) -> change.field().equals("member")) ? "members_changed" : "updated";
	}

	private static void add(List<FieldChange> changes, String field, @Nullable String old, @Nullable String now) {
		if (!Objects.equals(old, now)) {
			changes.add(new FieldChange(field, old, now));
		}
	}

}
