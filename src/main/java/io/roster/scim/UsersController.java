package io.roster.scim;

import java.io.IOException;

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

import com.unboundid.scim2.common.exceptions.ScimException;

import io.roster.directory.Colleague;
import io.roster.tenant.Company;

/**
 * The {@code /Users} endpoint (RFC 7644 sections 3.3 to 3.6), backed by colleagues.
 */
@RestController
@RequestMapping(ScimWebConfiguration.BASE_PATH + "/Users")
class UsersController {

	private final ScimUsers users;

	private final ScimRequests requests;

	UsersController(ScimUsers users, ScimRequests requests) {
		this.users = users;
		this.requests = requests;
	}

	@PostMapping
	ResponseEntity<byte[]> create(HttpServletRequest request) throws ScimException, IOException {
		ScimCall call = this.requests.call(request);
		Colleague colleague = this.users.create(call, this.requests.body(request));
		String baseUrl = this.requests.baseUrl(request);
		return ScimResponses.created(this.users.write(colleague, baseUrl), colleague.version(),
				ScimUsers.location(colleague, baseUrl));
	}

	@GetMapping("/{id}")
	ResponseEntity<byte[]> get(HttpServletRequest request, @PathVariable String id) throws ScimException {
		Company company = this.requests.company(request);
		Projection projection = this.requests.projection(request);
		Colleague colleague = this.users.get(company, id);
		if (this.requests.ifNoneMatch(request, colleague.version())) {
			return ScimResponses.notModified(colleague.version());
		}
		return ScimResponses.resource(projection.apply(this.users.write(colleague, this.requests.baseUrl(request))),
				colleague.version());
	}

	@GetMapping
	ResponseEntity<byte[]> list(HttpServletRequest request) throws ScimException {
		Company company = this.requests.company(request);
		return ScimResponses
			.ok(this.users.search(company, this.requests.query(request), this.requests.baseUrl(request)));
	}

	@PostMapping("/.search")
	ResponseEntity<byte[]> search(HttpServletRequest request) throws ScimException, IOException {
		Company company = this.requests.company(request);
		return ScimResponses
			.ok(this.users.search(company, this.requests.searchBody(request), this.requests.baseUrl(request)));
	}

	@PutMapping("/{id}")
	ResponseEntity<byte[]> replace(HttpServletRequest request, @PathVariable String id)
			throws ScimException, IOException {
		ScimCall call = this.requests.call(request);
		Colleague colleague = this.users.replace(call, id, this.requests.ifMatch(request), this.requests.body(request));
		return ScimResponses.resource(this.users.write(colleague, this.requests.baseUrl(request)), colleague.version());
	}

	@PatchMapping("/{id}")
	ResponseEntity<byte[]> patch(HttpServletRequest request, @PathVariable String id)
			throws ScimException, IOException {
		ScimCall call = this.requests.call(request);
		Projection projection = this.requests.projection(request);
		Colleague colleague = this.users.patch(call, id, this.requests.ifMatch(request), this.requests.body(request));
		return ScimResponses.resource(projection.apply(this.users.write(colleague, this.requests.baseUrl(request))),
				colleague.version());
	}

	@DeleteMapping("/{id}")
	ResponseEntity<byte[]> delete(HttpServletRequest request, @PathVariable String id) throws ScimException {
		this.users.delete(this.requests.call(request), id, this.requests.ifMatch(request));
		return ScimResponses.noContent();
	}

}
