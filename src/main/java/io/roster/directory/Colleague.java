package io.roster.directory;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A person in a company's directory. The id never changes, so a colleague keeps its
 * identity and history through deprovisioning and rehire, while the link id changes.
 *
 * @param linkId the identifier the identity provider knows this colleague by (the SCIM
 * id), or {@code null} when the colleague is not linked to one
 * @param managedBy {@code scim} when an identity provider manages the colleague,
 * {@code app} when the product does
 * @param scimConnectionId the SCIM connection that manages the colleague, or {@code null}
 * for an app-managed one
 * @param version incremented by every change, for optimistic concurrency and ETags
 */
public record Colleague(UUID id, @Nullable String linkId, ColleagueProfile profile, String managedBy,
		@Nullable UUID scimConnectionId, long version, Instant createdAt, Instant updatedAt) {

	public static final String SCIM = "scim";

	public static final String APP = "app";

	/** Returns the product role, a {@link Role} code. */
	public String role() {
		return Objects.requireNonNull(this.profile.role(), "A stored colleague always has a role");
	}

	public boolean isScimManaged() {
		return SCIM.equals(this.managedBy);
	}

}
