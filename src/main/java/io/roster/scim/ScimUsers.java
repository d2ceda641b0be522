package io.roster.scim;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;

import io.roster.directory.Colleague;
import io.roster.directory.ColleagueDirectory;
import io.roster.directory.ColleagueProfile;
import io.roster.directory.Criterion;
import io.roster.directory.Page;
import io.roster.directory.PageRequest;
import io.roster.scim.habit.ClientHabits;
import io.roster.tenant.Company;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operations on SCIM Users, shared by the {@code /Users} endpoint and Bulk: each maps
 * a request onto one directory command and the result back onto a resource.
 */
@Component
class ScimUsers {

	private final ColleagueDirectory colleagues;

	private final ClientHabits habits;

	private final ScimActivity activity;

	private final int maxFilterLength;

	ScimUsers(ColleagueDirectory colleagues, ClientHabits habits, ScimActivity activity,
			io.roster.system.RosterProperties properties) {
		this.colleagues = colleagues;
		this.habits = habits;
		this.activity = activity;
		this.maxFilterLength = properties.scim().maxFilterLength();
	}

	Colleague create(ScimCall call, ObjectNode body) throws ScimException {
		call.habitsApplied(this.habits.rewriteResource(body));
		ColleagueProfile profile = UserResources.read(body);
		return this.activity.change(call, 201,
				(record) -> this.colleagues.provisionAlone(call.actor(), call.company(), profile, record),
				(record) -> this.colleagues.provision(call.actor(), call.company(), profile, record), Colleague::linkId,
				UserResources::attributeNames);
	}

	Colleague get(Company company, String id) throws ScimException {
		return this.colleagues.findLinked(company.id(), id)
			.orElseThrow(() -> new ResourceNotFoundException("User " + id + " not found"));
	}

	ObjectNode search(Company company, SearchQuery query, String baseUrl) throws ScimException {
		Criterion criterion = Filters.parse(query.filter(), AttributeCatalog.USERS, this.maxFilterLength);
		PageRequest.Sort sort = (query.sortBy() != null)
				? AttributeCatalog.USERS.sort(query.sortBy(), query.descending()) : null;
		Page<Colleague> page = this.colleagues.search(company.id(), criterion, query.pageRequest(sort));
		List<ObjectNode> resources = new ArrayList<>();
		for (Colleague colleague : page.items()) {
			resources.add(query.projection().apply(write(colleague, baseUrl)));
		}
		return ListResponses.of(page, query, resources);
	}

	Colleague replace(ScimCall call, String id, @Nullable Long expectedVersion, ObjectNode body) throws ScimException {
		JsonNode bodyId = body.get("id");
		if (bodyId != null && !bodyId.isNull() && !(bodyId.isString() && bodyId.stringValue().equals(id))) {
			throw BadRequestException.invalidValue(
					"The 'id' in the body (" + JsonAttributes.kind(bodyId) + ") differs from the id in the URL, " + id);
		}
		call.habitsApplied(this.habits.rewriteResource(body));
		ColleagueProfile profile = UserResources.read(body);
		JsonNode active = body.get("active");
		boolean keepsActive = active == null || active.isNull();
		// A PUT without "active" replaces the profile but does not deactivate or
		// reactivate.
		return this.activity.change(call, 200,
				() -> this.colleagues.update(call.actor(), call.company().id(), id, expectedVersion,
						(current) -> keepsActive ? profile.withActive(current.active()) : profile),
				(colleague) -> null, UserResources::attributeNames);
	}

	Colleague patch(ScimCall call, String id, @Nullable Long expectedVersion, ObjectNode body) throws ScimException {
		call.habitsApplied(this.habits.rewritePatch(body));
		List<PatchOps.Op> ops = PatchOps.parse(body);
		return this.activity.change(call, 200,
				() -> this.colleagues.update(call.actor(), call.company().id(), id, expectedVersion, (current) -> {
					try {
						return UserPatches.apply(current, ops);
					}
					catch (ScimException ex) {
						throw new ScimFailure(ex);
					}
				}), (colleague) -> null, UserResources::attributeNames);
	}

	/**
	 * Deprovisions the colleague: deactivated, removed from its teams and unlinked, so a
	 * later GET of the id is 404.
	 */
	void delete(ScimCall call, String id, @Nullable Long expectedVersion) throws ScimException {
		this.activity.change(call, 204,
				() -> this.colleagues.deprovision(call.actor(), call.company().id(), id, expectedVersion),
				(colleague) -> null, UserResources::attributeNames);
	}

	ObjectNode write(Colleague colleague, String baseUrl) {
		return UserResources.write(colleague, location(colleague, baseUrl));
	}

	static String location(Colleague colleague, String baseUrl) {
		return baseUrl + "/Users/" + colleague.linkId();
	}

}
