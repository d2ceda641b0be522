package io.roster.directory;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.roster.tenant.ScimConnections;

/**
 * Builds the error for a product change to something an identity provider manages. It
 * names the field and the provider, which tells an admin where to make the change.
 */
@Component
class ManagedElsewhere {

	private final ScimConnections connections;

	ManagedElsewhere(ScimConnections connections) {
		this.connections = connections;
	}

	DirectoryException error(UUID companyId, @Nullable UUID connectionId, String what, String field) {
		String provider = providerName(companyId, connectionId);
		return new DirectoryException(DirectoryException.Reason.READ_ONLY, field, "'" + field + "' of " + what
				+ " is managed by " + provider + " through SCIM and is read-only here; change it in " + provider);
	}

	private String providerName(UUID companyId, @Nullable UUID connectionId) {
		if (connectionId == null) {
			return "the identity provider";
		}
		return this.connections.find(companyId, connectionId)
			.map((connection) -> connection.provider().displayName())
			.orElse("the identity provider");
	}

}
