package io.roster.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.roster.directory.FieldChange;
import io.roster.directory.HistoryEntry;

/**
 * One change in the history of a colleague or team.
 *
 * @param actor who made the change: {@code type} is {@code scim} (a SCIM connection),
 * {@code admin} or {@code system}
 */
record HistoryView(UUID id, String action, Instant changedAt, ActorView actor, List<FieldChange> changes) {

	/** The maker of a change. */
	record ActorView(String type, @Nullable UUID id, String name) {
	}

	static HistoryView of(HistoryEntry entry) {
		return new HistoryView(entry.id(), entry.action(), entry.changedAt(),
				new ActorView(entry.actor().type().code(), entry.actor().id(), entry.actor().name()), entry.fields());
	}

}
