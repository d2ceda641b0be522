package io.roster.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.roster.directory.Colleague;
import io.roster.directory.ColleagueProfile;
import io.roster.directory.Team;

/**
 * A colleague as the product API shows it. {@code managedBy} is the label the console
 * shows: {@code scim} with the {@code identityProvider} that manages the colleague, or
 * {@code app}. {@code scimId} is the id SCIM knows the colleague by; it is {@code null}
 * while no identity provider is linked, and changes on rehire while {@code id} does not.
 *
 * @param teams the teams the colleague belongs to, in the detail view only
 */
record ColleagueView(UUID id, String email, @Nullable String givenName, @Nullable String familyName,
		@Nullable String displayName, @Nullable String title, String role, boolean active, String managedBy,
		@Nullable String identityProvider, @Nullable String scimId, @Nullable String externalId,
		@Nullable String employeeNumber, @Nullable String department, @Nullable String costCenter,
		@Nullable String organization, @Nullable String division, long version, Instant createdAt, Instant updatedAt,
		@Nullable List<TeamRef> teams) {

	/** A team a colleague belongs to. */
	record TeamRef(UUID id, String name, String managedBy, boolean archived) {

		static TeamRef of(Team team) {
			return new TeamRef(team.id(), team.profile().displayName(), team.managedBy(), team.archived());
		}

	}

	static ColleagueView of(Colleague colleague, ApiCaller caller, @Nullable List<Team> teams) {
		ColleagueProfile p = colleague.profile();
		return new ColleagueView(colleague.id(), p.userName(), p.givenName(), p.familyName(), p.displayName(),
				p.title(), colleague.role(), p.active(), colleague.managedBy(),
				caller.provider(colleague.scimConnectionId()), colleague.linkId(), p.externalId(), p.employeeNumber(),
				p.department(), p.costCenter(), p.organization(), p.division(), colleague.version(),
				colleague.createdAt(), colleague.updatedAt(),
				(teams != null) ? teams.stream().map(TeamRef::of).toList() : null);
	}

}
