package io.roster.setup;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A configuration link as stored: never its secret, only the SHA-256 hash of it.
 *
 * @param recipient email of the directory admin the link was sent to
 * @param sentBy the operator who sent it
 */
public record ConfigurationLink(UUID companyId, UUID id, UUID connectionId, String secretHash, String recipient,
		String sentBy, Instant createdAt, Instant expiresAt, @Nullable Instant usedAt, @Nullable Instant revokedAt,
		@Nullable String revokedBy) {

	/**
	 * Returns the state at the given time. A used or revoked link stays so after expiry.
	 */
	public LinkState stateAt(Instant now) {
		if (this.usedAt != null) {
			return LinkState.USED;
		}
		if (this.revokedAt != null) {
			return LinkState.REVOKED;
		}
		return this.expiresAt.isAfter(now) ? LinkState.PENDING : LinkState.EXPIRED;
	}

}
