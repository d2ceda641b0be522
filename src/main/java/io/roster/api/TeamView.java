package io.roster.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.roster.directory.Colleague;
import io.roster.directory.Team;

/**
 * A team as the product API shows it, labelled like a colleague.
 *
 * @param members the team's members, in the detail view only
 */
record TeamView(UUID id, String name, String managedBy, @Nullable String identityProvider, boolean archived,
		@Nullable String scimId, long version, Instant createdAt, Instant updatedAt,
		@Nullable List<MemberRef> members) {

	/** A member of a team. */
	record MemberRef(UUID id, String email, @Nullable String displayName, String managedBy, boolean active) {

		static MemberRef of(Colleague colleague) {
			return new MemberRef(colleague.id(), colleague.profile().userName(), colleague.profile().displayName(),
					colleague.managedBy(), colleague.profile().active());
		}

	}

	static TeamView of(Team team, ApiCaller caller, @Nullable List<Colleague> members) {
		return new TeamView(team.id(), team.profile().displayName(), team.managedBy(),
				caller.provider(team.scimConnectionId()), team.archived(), team.linkId(), team.version(),
				team.createdAt(), team.updatedAt(),
				(members != null) ? members.stream().map(MemberRef::of).toList() : null);
	}

}
