package io.roster.tenant;

import java.time.Instant;
import java.util.UUID;

/**
 * A company's link to one identity provider. Its tokens authenticate the provider's SCIM
 * requests, and the colleagues and teams it provisions name it as their manager.
 */
public record ScimConnection(UUID companyId, UUID id, IdentityProvider provider, ConnectionState state,
		Instant createdAt, Instant updatedAt) {

	public boolean isDisabled() {
		return this.state == ConnectionState.DISABLED;
	}

}
