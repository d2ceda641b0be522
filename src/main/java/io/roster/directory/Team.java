package io.roster.directory;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A team of colleagues.
 *
 * @param linkId the identifier the identity provider knows this team by, or {@code null}
 * @param managedBy {@code scim} or {@code app}
 * @param version incremented by every change, membership changes included
 */
public record Team(UUID id, @Nullable String linkId, TeamProfile profile, String managedBy, boolean archived,
		long version, Instant createdAt, Instant updatedAt) {

}
