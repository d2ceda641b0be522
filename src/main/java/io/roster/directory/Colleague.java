package io.roster.directory;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A person in a company's directory.
 *
 * @param linkId the identifier the identity provider knows this colleague by, or
 * {@code null} when the colleague is not linked to one
 * @param role product role: {@code admin}, {@code member} or {@code light}
 * @param managedBy {@code scim} when an identity provider manages the colleague,
 * {@code app} when the product does
 * @param version incremented by every change, for optimistic concurrency and ETags
 */
public record Colleague(UUID id, @Nullable String linkId, ColleagueProfile profile, String role, String managedBy,
		long version, Instant createdAt, Instant updatedAt) {

}
