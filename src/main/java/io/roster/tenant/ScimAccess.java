package io.roster.tenant;

/**
 * What a SCIM bearer token grants: the company and the connection it belongs to, and the
 * directory its requests read and write.
 *
 * @param company the company the token belongs to, which the activity log, rate limits
 * and concurrency caps count the requests under
 * @param directory the company whose colleagues and teams the requests read and write:
 * {@code company} itself, or its hidden staging company while the connection is in setup
 */
public record ScimAccess(Company company, ScimConnection connection, Company directory) {

	public Actor actor() {
		return Actor.scim(this.connection);
	}

	/** Returns whether the requests go to a staging company. */
	public boolean isStaged() {
		return !this.directory.id().equals(this.company.id());
	}

}
