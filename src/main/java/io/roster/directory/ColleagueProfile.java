package io.roster.directory;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an identity provider or an admin sets on a colleague. The userName is the
 * colleague's sign-in email and is stored exactly as sent.
 *
 * @param roles the roles as an identity provider sent them, kept for SCIM reads
 * @param role the product role, a {@link Role} code; in a command, {@code null} keeps the
 * current role, or gives a new colleague the company's default role
 * @param managerLinkId link id of the colleague's manager, as the identity provider sent
 * it
 */
public record ColleagueProfile(String userName, @Nullable String externalId, @Nullable String givenName,
		@Nullable String familyName, @Nullable String formattedName, @Nullable String displayName,
		@Nullable String title, boolean active, List<MultiValue> emails, List<MultiValue> roles, @Nullable String role,
		@Nullable String employeeNumber, @Nullable String department, @Nullable String costCenter,
		@Nullable String organization, @Nullable String division, @Nullable String managerLinkId) {

	public ColleagueProfile {
		emails = List.copyOf(emails);
		roles = List.copyOf(roles);
	}

	public ColleagueProfile withActive(boolean active) {
		return new ColleagueProfile(this.userName, this.externalId, this.givenName, this.familyName, this.formattedName,
				this.displayName, this.title, active, this.emails, this.roles, this.role, this.employeeNumber,
				this.department, this.costCenter, this.organization, this.division, this.managerLinkId);
	}

	public ColleagueProfile withRole(@Nullable String role) {
		return new ColleagueProfile(this.userName, this.externalId, this.givenName, this.familyName, this.formattedName,
				this.displayName, this.title, this.active, this.emails, this.roles, role, this.employeeNumber,
				this.department, this.costCenter, this.organization, this.division, this.managerLinkId);
	}

}
