package io.roster.api;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.roster.tenant.Actor;
import io.roster.tenant.Company;
import io.roster.tenant.ScimConnection;

/**
 * The signed-in admin of an API request, with the company and the names of its identity
 * providers, which label SCIM-managed colleagues and teams.
 */
record ApiCaller(AdminPrincipal admin, Company company, Map<UUID, String> providers) {

	static ApiCaller of(AdminPrincipal admin, Company company, Iterable<ScimConnection> connections) {
		Map<UUID, String> providers = new java.util.HashMap<>();
		for (ScimConnection connection : connections) {
			providers.put(connection.id(), connection.provider().displayName());
		}
		return new ApiCaller(admin, company, providers);
	}

	UUID companyId() {
		return this.company.id();
	}

	Actor actor() {
		return Actor.admin(this.admin.account());
	}

	/** Returns the display name of the provider behind a connection, or {@code null}. */
	@Nullable String provider(@Nullable UUID connectionId) {
		if (connectionId == null) {
			return null;
		}
		return this.providers.getOrDefault(connectionId, "the identity provider");
	}

}
