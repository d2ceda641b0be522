package io.roster.scim;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;

import io.roster.directory.Criterion;
import io.roster.directory.Member;
import io.roster.directory.MembershipChange;
import io.roster.directory.Page;
import io.roster.directory.Team;
import io.roster.directory.TeamDirectory;
import io.roster.directory.TeamProfile;
import io.roster.scim.habit.ClientHabits;
import io.roster.tenant.Company;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code /Groups} endpoint (RFC 7644 sections 3.3 to 3.6), backed by teams.
 */
@RestController
@RequestMapping(ScimWebConfiguration.BASE_PATH + "/Groups")
class GroupsController {

	private final TeamDirectory teams;

	private final ScimRequests requests;

	private final ClientHabits habits;

	GroupsController(TeamDirectory teams, ScimRequests requests, ClientHabits habits) {
		this.teams = teams;
		this.requests = requests;
		this.habits = habits;
	}

	@PostMapping
	ResponseEntity<byte[]> create(HttpServletRequest request) throws ScimException, IOException {
		Company company = this.requests.company(request);
		ObjectNode body = this.requests.body(request);
		this.habits.rewriteResource(body);
		TeamProfile profile = GroupResources.read(body);
		Set<String> members = GroupResources.memberIds(body.get("members"));
		Team team = this.teams.provision(company, profile, members);
		String location = location(request, team);
		return ScimResponses.created(write(request, company, team, Projection.ALL), team.version(), location);
	}

	@GetMapping("/{id}")
	ResponseEntity<byte[]> get(HttpServletRequest request, @PathVariable String id) throws ScimException {
		Company company = this.requests.company(request);
		Projection projection = projection(request);
		Team team = find(company, id);
		if (this.requests.ifNoneMatch(request, team.version())) {
			return ScimResponses.notModified(team.version());
		}
		return ScimResponses.resource(write(request, company, team, projection), team.version());
	}

	@GetMapping
	ResponseEntity<byte[]> list(HttpServletRequest request) throws ScimException {
		Company company = this.requests.company(request);
		ListParameters paging = this.requests.listParameters(request);
		Criterion criterion = Filters.parse(request.getParameter("filter"), AttributeCatalog.GROUPS,
				this.requests.maxFilterLength());
		Projection projection = projection(request);
		Page<Team> page = this.teams.search(company.id(), criterion, paging.offset(), paging.count());
		Map<java.util.UUID, List<Member>> members = projection.includes("members")
				? this.teams.members(company.id(), page.items()) : null;
		List<ObjectNode> resources = new ArrayList<>();
		for (Team team : page.items()) {
			List<Member> teamMembers = (members != null) ? members.getOrDefault(team.id(), List.of()) : null;
			resources.add(projection.apply(GroupResources.write(team, teamMembers, location(request, team),
					this.requests.baseUrl(request) + "/Users")));
		}
		return ScimResponses.ok(ScimResponses.listResponse(page.total(), paging.startIndex(), resources));
	}

	@PutMapping("/{id}")
	ResponseEntity<byte[]> replace(HttpServletRequest request, @PathVariable String id)
			throws ScimException, IOException {
		Company company = this.requests.company(request);
		Long expectedVersion = this.requests.ifMatch(request);
		ObjectNode body = this.requests.body(request);
		JsonNode bodyId = body.get("id");
		if (bodyId != null && !bodyId.isNull() && !(bodyId.isString() && bodyId.stringValue().equals(id))) {
			throw BadRequestException.invalidValue(
					"The 'id' in the body (" + JsonAttributes.kind(bodyId) + ") differs from the id in the URL, " + id);
		}
		this.habits.rewriteResource(body);
		TeamProfile profile = GroupResources.read(body);
		MembershipChange members = MembershipChange.replaceWith(GroupResources.memberIds(body.get("members")));
		Team team = this.teams.update(company.id(), id, expectedVersion, (current) -> profile, members);
		return ScimResponses.resource(write(request, company, team, Projection.ALL), team.version());
	}

	@PatchMapping("/{id}")
	ResponseEntity<byte[]> patch(HttpServletRequest request, @PathVariable String id)
			throws ScimException, IOException {
		Company company = this.requests.company(request);
		Long expectedVersion = this.requests.ifMatch(request);
		ObjectNode body = this.requests.body(request);
		this.habits.rewritePatch(body);
		List<PatchOps.Op> ops = PatchOps.parse(body);
		GroupPatches patches = GroupPatches.of(ops, () -> currentMembers(company, id));
		Team team = this.teams.update(company.id(), id, expectedVersion, patches.profileChange(),
				patches.membershipChange());
		if (request.getParameter("attributes") == null && request.getParameter("excludedAttributes") == null) {
			return ScimResponses.noContent();
		}
		return ScimResponses.resource(write(request, company, team, projection(request)), team.version());
	}

	@DeleteMapping("/{id}")
	ResponseEntity<byte[]> delete(HttpServletRequest request, @PathVariable String id) throws ScimException {
		Company company = this.requests.company(request);
		Long expectedVersion = this.requests.ifMatch(request);
		if (expectedVersion != null && find(company, id).version() != expectedVersion) {
			throw new PreconditionFailedException("Group " + id + " changed since version " + expectedVersion);
		}
		this.teams.archive(company.id(), id);
		return ScimResponses.noContent();
	}

	private List<Member> currentMembers(Company company, String id) {
		Team team = this.teams.findLinked(company.id(), id).orElse(null);
		return (team != null) ? this.teams.members(company.id(), List.of(team)).getOrDefault(team.id(), List.of())
				: List.of();
	}

	private ObjectNode write(HttpServletRequest request, Company company, Team team, Projection projection)
			throws ScimException {
		List<Member> members = projection.includes("members")
				? this.teams.members(company.id(), List.of(team)).getOrDefault(team.id(), List.of()) : null;
		ObjectNode resource = GroupResources.write(team, members, location(request, team),
				this.requests.baseUrl(request) + "/Users");
		return projection.apply(resource);
	}

	private Team find(Company company, String id) throws ScimException {
		return this.teams.findLinked(company.id(), id)
			.orElseThrow(() -> new ResourceNotFoundException("Group " + id + " not found"));
	}

	private String location(HttpServletRequest request, Team team) {
		return this.requests.baseUrl(request) + "/Groups/" + team.linkId();
	}

	private static Projection projection(HttpServletRequest request) throws BadRequestException {
		return Projection.of(request.getParameter("attributes"), request.getParameter("excludedAttributes"));
	}

}
