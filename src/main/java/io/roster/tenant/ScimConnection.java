package io.roster.tenant;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A company's link to one identity provider. Its tokens authenticate the provider's SCIM
 * requests, and the colleagues and teams it provisions name it as their manager.
 *
 * @param stagingCompanyId the hidden company whose directory the connection's requests
 * read and write until support finishes the first sync; {@code null} once it is finished,
 * and for connections that opened live
 */
public record ScimConnection(UUID companyId, UUID id, IdentityProvider provider, ConnectionState state,
		Instant createdAt, Instant updatedAt, @Nullable UUID stagingCompanyId) {

	public boolean isDisabled() {
		return this.state == ConnectionState.DISABLED;
	}

	/** Returns whether the connection's requests go to its staging company. */
	public boolean isStaged() {
		return this.state == ConnectionState.SETUP && this.stagingCompanyId != null;
	}

}
