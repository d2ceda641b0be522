package io.roster.scim;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;

import io.roster.directory.Colleague;
import io.roster.directory.ColleagueDirectory;
import io.roster.directory.ColleagueProfile;
import io.roster.directory.Criterion;
import io.roster.directory.Page;
import io.roster.scim.habit.ClientHabits;
import io.roster.tenant.Company;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code /Users} endpoint (RFC 7644 sections 3.3 to 3.6), backed by colleagues.
 */
@RestController
@RequestMapping(ScimWebConfiguration.BASE_PATH + "/Users")
class UsersController {

	private final ColleagueDirectory colleagues;

	private final ScimRequests requests;

	private final ClientHabits habits;

	UsersController(ColleagueDirectory colleagues, ScimRequests requests, ClientHabits habits) {
		this.colleagues = colleagues;
		this.requests = requests;
		this.habits = habits;
	}

	@PostMapping
	ResponseEntity<byte[]> create(HttpServletRequest request) throws ScimException, IOException {
		Company company = this.requests.company(request);
		ObjectNode body = this.requests.body(request);
		this.habits.rewriteResource(body);
		Colleague colleague = this.colleagues.provision(company, UserResources.read(body));
		String location = location(request, colleague);
		return ScimResponses.created(UserResources.write(colleague, location), colleague.version(), location);
	}

	@GetMapping("/{id}")
	ResponseEntity<byte[]> get(HttpServletRequest request, @PathVariable String id) throws ScimException {
		Company company = this.requests.company(request);
		Projection projection = projection(request);
		Colleague colleague = find(company, id);
		if (this.requests.ifNoneMatch(request, colleague.version())) {
			return ScimResponses.notModified(colleague.version());
		}
		ObjectNode resource = projection.apply(UserResources.write(colleague, location(request, colleague)));
		return ScimResponses.resource(resource, colleague.version());
	}

	@GetMapping
	ResponseEntity<byte[]> list(HttpServletRequest request) throws ScimException {
		Company company = this.requests.company(request);
		ListParameters paging = this.requests.listParameters(request);
		Criterion criterion = Filters.parse(request.getParameter("filter"), AttributeCatalog.USERS,
				this.requests.maxFilterLength());
		Projection projection = projection(request);
		Page<Colleague> page = this.colleagues.search(company.id(), criterion, paging.offset(), paging.count());
		List<ObjectNode> resources = new ArrayList<>();
		for (Colleague colleague : page.items()) {
			resources.add(projection.apply(UserResources.write(colleague, location(request, colleague))));
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
		ColleagueProfile profile = UserResources.read(body);
		Colleague colleague = this.colleagues.update(company.id(), id, expectedVersion, (current) -> profile);
		String location = location(request, colleague);
		return ScimResponses.resource(UserResources.write(colleague, location), colleague.version());
	}

	@PatchMapping("/{id}")
	ResponseEntity<byte[]> patch(HttpServletRequest request, @PathVariable String id)
			throws ScimException, IOException {
		Company company = this.requests.company(request);
		Long expectedVersion = this.requests.ifMatch(request);
		ObjectNode body = this.requests.body(request);
		this.habits.rewritePatch(body);
		List<PatchOps.Op> ops = PatchOps.parse(body);
		Colleague colleague = this.colleagues.update(company.id(), id, expectedVersion, (current) -> {
			try {
				return UserPatches.apply(current, ops);
			}
			catch (ScimException ex) {
				throw new ScimFailure(ex);
			}
		});
		String location = location(request, colleague);
		return ScimResponses.resource(projection(request).apply(UserResources.write(colleague, location)),
				colleague.version());
	}

	@DeleteMapping("/{id}")
	ResponseEntity<byte[]> delete(HttpServletRequest request, @PathVariable String id) throws ScimException {
		Company company = this.requests.company(request);
		Long expectedVersion = this.requests.ifMatch(request);
		if (expectedVersion != null && find(company, id).version() != expectedVersion) {
			throw new com.unboundid.scim2.common.exceptions.PreconditionFailedException(
					"User " + id + " changed since version " + expectedVersion);
		}
		this.colleagues.deprovision(company.id(), id);
		return ScimResponses.noContent();
	}

	private Colleague find(Company company, String id) throws ScimException {
		return this.colleagues.findLinked(company.id(), id)
			.orElseThrow(() -> new ResourceNotFoundException("User " + id + " not found"));
	}

	private String location(HttpServletRequest request, Colleague colleague) {
		return this.requests.baseUrl(request) + "/Users/" + colleague.linkId();
	}

	private static Projection projection(HttpServletRequest request) throws BadRequestException {
		return Projection.of(request.getParameter("attributes"), request.getParameter("excludedAttributes"));
	}

}
