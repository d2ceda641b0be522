package io.roster.directory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.roster.tenant.Actor;

/**
 * One recorded change to a colleague or team: when it happened, who made it, what kind of
 * change it was, and the fields it touched with their old and new values.
 *
 * @param action what happened, such as {@code provisioned}, {@code updated} or
 * {@code deprovisioned}
 */
public record HistoryEntry(UUID id, UUID subjectId, String action, Actor actor, Instant changedAt,
		List<FieldChange> fields) {

	public HistoryEntry {
		fields = List.copyOf(fields);
	}

}
