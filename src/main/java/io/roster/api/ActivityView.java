package io.roster.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.roster.activity.ActivityEntry;

/**
 * One SCIM request in the activity log, with the identity provider of its connection.
 */
record ActivityView(long seq, Instant time, @Nullable UUID connectionId, @Nullable String identityProvider,
		String requestId, String method, String resourceType, @Nullable String resourceId, int status, String outcome,
		List<String> changedAttributes, List<String> habits, @Nullable String errorType, @Nullable String errorDetail) {

	static ActivityView of(ActivityEntry entry, ApiCaller caller) {
		return new ActivityView(entry.seq(), entry.occurredAt(), entry.connectionId(),
				caller.provider(entry.connectionId()), entry.requestId(), entry.method(), entry.resourceType(),
				entry.resourceId(), entry.status(), entry.outcome(), entry.changedAttributes(), entry.habits(),
				entry.errorType(), entry.errorDetail());
	}

	/**
	 * A page of entries, newest first; pass {@code nextBefore} as {@code before} to read
	 * older ones, until it is {@code null}.
	 */
	record Page(List<ActivityView> items, @Nullable Long nextBefore) {
	}

}
