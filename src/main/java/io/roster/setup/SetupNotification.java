package io.roster.setup;

import java.time.Instant;
import java.util.UUID;

import io.roster.tenant.IdentityProvider;

/**
 * A message the setup wizard leaves for support, such as "Acme finished SCIM setup with
 * Okta".
 */
public record SetupNotification(UUID companyId, UUID id, UUID connectionId, IdentityProvider provider, String message,
		Instant createdAt) {
}
