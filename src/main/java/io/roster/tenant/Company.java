package io.roster.tenant;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer company, the tenant that owns colleagues, teams and SCIM tokens.
 *
 * @param defaultRole product role given to colleagues provisioned without one
 * @param matchingPolicy {@code auto} links a provisioned user to an app-managed colleague
 * with the same userName; {@code never} rejects such a user
 */
public record Company(UUID id, String name, Plan plan, String defaultRole, String matchingPolicy, Instant createdAt) {

	public boolean canUseScim() {
		return this.plan == Plan.ENTERPRISE;
	}

}
