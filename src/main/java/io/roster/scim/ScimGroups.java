package io.roster.scim;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;

import io.roster.directory.Criterion;
import io.roster.directory.Member;
import io.roster.directory.MembershipChange;
import io.roster.directory.Page;
import io.roster.directory.PageRequest;
import io.roster.directory.Team;
import io.roster.directory.TeamDirectory;
import io.roster.directory.TeamProfile;
import io.roster.scim.habit.ClientHabits;
import io.roster.system.RosterProperties;
import io.roster.tenant.Company;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operations on SCIM Groups, shared by the {@code /Groups} endpoint and Bulk. Members
 * are read only when the response includes them.
 */
@Component
class ScimGroups {

	private final TeamDirectory teams;

	private final ClientHabits habits;

	private final ScimActivity activity;

	private final int maxFilterLength;

	ScimGroups(TeamDirectory teams, ClientHabits habits, ScimActivity activity, RosterProperties properties) {
		this.teams = teams;
		this.habits = habits;
		this.activity = activity;
		this.maxFilterLength = properties.scim().maxFilterLength();
	}

	Team create(ScimCall call, ObjectNode body) throws ScimException {
		call.habitsApplied(this.habits.rewriteResource(body));
		TeamProfile profile = GroupResources.read(body);
		Set<String> members = GroupResources.memberIds(body.get("members"));
		return this.activity.change(call, 201,
				() -> this.teams.provision(call.actor(), call.company(), profile, members), Team::linkId,
				GroupResources::attributeNames);
	}

	Team get(Company company, String id) throws ScimException {
		return this.teams.findLinked(company.id(), id)
			.orElseThrow(() -> new ResourceNotFoundException("Group " + id + " not found"));
	}

	/** Returns the page of teams that a list or search request selects. */
	Page<Team> page(Company company, SearchQuery query) throws ScimException {
		Criterion criterion = Filters.parse(query.filter(), AttributeCatalog.GROUPS, this.maxFilterLength);
		PageRequest.Sort sort = (query.sortBy() != null)
				? AttributeCatalog.GROUPS.sort(query.sortBy(), query.descending()) : null;
		return this.teams.search(company.id(), criterion, query.pageRequest(sort));
	}

	/**
	 * Returns the ListResponse of a page as one JSON tree, with all the members of its
	 * teams when the projection includes them. {@link #streamList} writes pages of teams
	 * of any size.
	 */
	ObjectNode search(Company company, SearchQuery query, String baseUrl) throws ScimException {
		Page<Team> page = page(company, query);
		Map<UUID, List<Member>> members = query.projection().includes("members")
				? this.teams.members(company.id(), page.items()) : null;
		List<ObjectNode> resources = new ArrayList<>();
		for (Team team : page.items()) {
			List<Member> teamMembers = (members != null) ? members.getOrDefault(team.id(), List.of()) : null;
			resources.add(query.projection()
				.apply(GroupResources.write(team, teamMembers, location(team, baseUrl), baseUrl + "/Users")));
		}
		return ListResponses.of(page, query, resources);
	}

	Team replace(ScimCall call, String id, @Nullable Long expectedVersion, ObjectNode body) throws ScimException {
		JsonNode bodyId = body.get("id");
		if (bodyId != null && !bodyId.isNull() && !(bodyId.isString() && bodyId.stringValue().equals(id))) {
			throw BadRequestException.invalidValue(
					"The 'id' in the body (" + JsonAttributes.kind(bodyId) + ") differs from the id in the URL, " + id);
		}
		call.habitsApplied(this.habits.rewriteResource(body));
		TeamProfile profile = GroupResources.read(body);
		MembershipChange members = MembershipChange.replaceWith(GroupResources.memberIds(body.get("members")));
		return this.activity.change(call, 200, () -> this.teams.update(call.actor(), call.company().id(), id,
				expectedVersion, (current) -> profile, members), (team) -> null, GroupResources::attributeNames);
	}

	/**
	 * Applies a PATCH.
	 * @param status the status the response will have: 204, or 200 when it returns the
	 * Group
	 */
	Team patch(ScimCall call, String id, @Nullable Long expectedVersion, ObjectNode body, int status)
			throws ScimException {
		call.habitsApplied(this.habits.rewritePatch(body));
		List<PatchOps.Op> ops = PatchOps.parse(body);
		GroupPatches patches = GroupPatches.of(id, ops, () -> currentMembers(call.company(), id));
		return this.activity.change(call, status,
				() -> patches.membersOnly()
						? this.teams.changeMembers(call.actor(), call.company().id(), id, expectedVersion,
								patches.membershipChange())
						: this.teams.update(call.actor(), call.company().id(), id, expectedVersion,
								patches.profileChange(), patches.membershipChange()),
				(team) -> null, GroupResources::attributeNames);
	}

	/** Archives the team: it leaves the active list, so a later GET of the id is 404. */
	void delete(ScimCall call, String id, @Nullable Long expectedVersion) throws ScimException {
		this.activity.change(call, 204,
				() -> this.teams.archive(call.actor(), call.company().id(), id, expectedVersion), (team) -> null,
				GroupResources::attributeNames);
	}

	/**
	 * Writes the Group, and its members as they are read, to {@code output}. The members
	 * are read in a read-only transaction that stays open while the response is written.
	 */
	void stream(OutputStream output, Company company, Team team, Projection projection, String baseUrl)
			throws ScimException {
		GroupStream.write(output, team, projection, location(team, baseUrl), baseUrl + "/Users",
				(consumer) -> this.teams.forEachMember(company.id(), team, consumer));
	}

	/**
	 * Writes the ListResponse of a page, with the members of each team as they are read,
	 * to {@code output}. The members are read in one read-only transaction that stays
	 * open while the response is written.
	 */
	void streamList(OutputStream output, Company company, SearchQuery query, Page<Team> page, String baseUrl)
			throws ScimException {
		GroupStream.writeList(output, ListResponses.envelope(page, query, page.items().size()), page.items(),
				query.projection(), (team) -> location(team, baseUrl), baseUrl + "/Users",
				(writer) -> this.teams.forEachMemberOf(company.id(), page.items(), writer::write));
	}

	/**
	 * Returns the Group as one JSON tree, with all its members when the projection
	 * includes them. {@link #stream} writes a Group of any size.
	 */
	ObjectNode write(Company company, Team team, Projection projection, String baseUrl) throws ScimException {
		List<Member> members = projection.includes("members")
				? this.teams.members(company.id(), List.of(team)).getOrDefault(team.id(), List.of()) : null;
		return projection.apply(GroupResources.write(team, members, location(team, baseUrl), baseUrl + "/Users"));
	}

	static String location(Team team, String baseUrl) {
		return baseUrl + "/Groups/" + team.linkId();
	}

	private List<Member> currentMembers(Company company, String id) {
		Team team = this.teams.findLinked(company.id(), id).orElse(null);
		return (team != null) ? this.teams.members(company.id(), List.of(team)).getOrDefault(team.id(), List.of())
				: List.of();
	}

}
