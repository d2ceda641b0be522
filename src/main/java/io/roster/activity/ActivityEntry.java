package io.roster.activity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One SCIM request as the activity log keeps it. It holds names, never values: the
 * attributes a request changed and the client habits Roster applied to it, so the log
 * carries no personal data beyond resource ids.
 *
 * @param seq the order in which entries were written, assigned by the database; 0 for an
 * entry not yet written
 * @param connectionId the SCIM connection whose token made the request
 * @param resourceType {@code User}, {@code Group}, {@code Bulk}, a discovery endpoint
 * such as {@code Schemas}, or {@code Root} for the base path
 * @param resourceId the SCIM id of the User or Group, when the request names or creates
 * one
 * @param status the HTTP status of the response
 * @param errorType the SCIM {@code scimType} of a failed request, when it has one
 * @param errorDetail the {@code detail} of a failed request's error
 */
public record ActivityEntry(long seq, UUID id, Instant occurredAt, @Nullable UUID connectionId, String requestId,
		String method, String resourceType, @Nullable String resourceId, int status, List<String> changedAttributes,
		List<String> habits, @Nullable String errorType, @Nullable String errorDetail) {

	public ActivityEntry {
		changedAttributes = List.copyOf(changedAttributes);
		habits = List.copyOf(habits);
	}

	/**
	 * Returns {@code success} for a 1xx, 2xx or 3xx status, otherwise {@code failure}.
	 */
	public String outcome() {
		return (this.status < 400) ? "success" : "failure";
	}

}
