package io.roster.directory;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A team of colleagues.
 *
 * @param linkId the identifier the identity provider knows this team by, or {@code null}
 * @param managedBy {@code scim} or {@code app}
 * @param scimConnectionId the SCIM connection that manages the team, or {@code null} for
 * an app-managed one
 * @param archived whether the team has left the active list; it keeps its history
 * @param version incremented by every change, membership changes included
 */
public record Team(UUID id, @Nullable String linkId, TeamProfile profile, String managedBy,
		@Nullable UUID scimConnectionId, boolean archived, long version, Instant createdAt, Instant updatedAt) {

	public boolean isScimManaged() {
		return Colleague.SCIM.equals(this.managedBy);
	}

}
