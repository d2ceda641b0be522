package io.roster.tenant;

/**
 * What a SCIM bearer token grants: the company and the connection it belongs to.
 */
public record ScimAccess(Company company, ScimConnection connection) {

	public Actor actor() {
		return Actor.scim(this.connection);
	}

}
