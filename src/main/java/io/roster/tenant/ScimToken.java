package io.roster.tenant;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A SCIM token as admins see it: never the secret, which is shown once when issued.
 *
 * @param expiresAt when the token stops authenticating, or {@code null} for never
 * @param revokedAt when an admin revoked it, or {@code null}
 * @param lastUsedAt the last authenticated request, to the minute, or {@code null}
 */
public record ScimToken(UUID id, UUID connectionId, String label, Instant createdAt, @Nullable Instant expiresAt,
		@Nullable Instant revokedAt, @Nullable Instant lastUsedAt) {

	/** Returns whether the token authenticates requests at the given instant. */
	public boolean isValidAt(Instant instant) {
		return this.revokedAt == null && (this.expiresAt == null || this.expiresAt.isAfter(instant));
	}

}
