package io.roster.console;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.roster.tenant.Actor;
import io.roster.tenant.Company;
import io.roster.tenant.ScimConnection;

/**
 * The company admin of a console request, with the company and the names of its identity
 * providers, which label SCIM-managed colleagues and teams.
 */
record SignedInAdmin(ConsoleUser user, Company company, Map<UUID, String> providers) {

	static SignedInAdmin of(ConsoleUser user, Company company, Iterable<ScimConnection> connections) {
		Map<UUID, String> providers = new HashMap<>();
		for (ScimConnection connection : connections) {
			providers.put(connection.id(), connection.provider().displayName());
		}
		return new SignedInAdmin(user, company, Map.copyOf(providers));
	}

	UUID companyId() {
		return this.company.id();
	}

	Actor actor() {
		return Actor.admin(this.user.adminAccount());
	}

	String email() {
		return this.user.email();
	}

	/** Returns the display name of the provider behind a connection, or {@code null}. */
	@Nullable String provider(@Nullable UUID connectionId) {
		if (connectionId == null) {
			return null;
		}
		return this.providers.getOrDefault(connectionId, "the identity provider");
	}

}
