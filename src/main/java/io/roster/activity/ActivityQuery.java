package io.roster.activity;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A selection of activity entries. Each condition that is {@code null} matches every
 * entry.
 *
 * @param from the earliest time, inclusive
 * @param to the latest time, exclusive
 * @param outcome {@code success} (status below 400) or {@code failure}
 * @param method the HTTP method, such as {@code PATCH}
 * @param resourceId the SCIM id of the User or Group the requests named
 */
public record ActivityQuery(@Nullable Instant from, @Nullable Instant to, @Nullable String outcome,
		@Nullable String method, @Nullable String resourceId) {

	/** Matches every entry. */
	public static final ActivityQuery ALL = new ActivityQuery(null, null, null, null, null);

	public ActivityQuery {
		if (outcome != null && !outcome.equals("success") && !outcome.equals("failure")) {
			throw new IllegalArgumentException("An outcome is success or failure, not " + outcome);
		}
	}

}
