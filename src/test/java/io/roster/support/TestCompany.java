package io.roster.support;

import java.util.UUID;

/**
 * A company created for a test, with clients of both its APIs: SCIM with its token and
 * the product API signed in as its admin.
 */
public record TestCompany(UUID id, UUID connectionId, String token, String adminEmail, String adminPassword,
		RosterServer server) {

	public ScimHttp scim() {
		return new ScimHttp(this.server.scimUrl(), this.token);
	}

	public ApiHttp api() {
		return new ApiHttp(this.server.baseUrl(), this.adminEmail, this.adminPassword);
	}

}
