package io.roster.scim;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StreamUtils;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.unboundid.scim2.common.exceptions.ScimException;

import io.roster.directory.Page;
import io.roster.directory.Team;
import io.roster.tenant.Company;

/**
 * The {@code /Groups} endpoint (RFC 7644 sections 3.3 to 3.6), backed by teams. A PATCH
 * answers 204 without a body unless the request asks for attributes, so a membership
 * change to a large group never serializes all its members.
 */
@RestController
@RequestMapping(ScimWebConfiguration.BASE_PATH + "/Groups")
class GroupsController {

	private final ScimGroups groups;

	private final ScimRequests requests;

	private final ScimActivity activity;

	GroupsController(ScimGroups groups, ScimRequests requests, ScimActivity activity) {
		this.groups = groups;
		this.requests = requests;
		this.activity = activity;
	}

	@PostMapping
	ResponseEntity<byte[]> create(HttpServletRequest request) throws ScimException, IOException {
		ScimCall call = this.requests.call(request);
		Company company = call.company();
		Team team = this.groups.create(call, this.requests.body(request));
		String baseUrl = this.requests.baseUrl(request);
		return ScimResponses.created(this.groups.write(company, team, Projection.ALL, baseUrl), team.version(),
				ScimGroups.location(team, baseUrl));
	}

	/**
	 * Reads one Group. With its members, the response streams once the Group is found, so
	 * the memory it needs does not grow with the team.
	 */
	@GetMapping("/{id}")
	@Nullable ResponseEntity<byte[]> get(HttpServletRequest request, HttpServletResponse response, @PathVariable String id)
			throws ScimException, IOException {
		Company company = this.requests.company(request);
		Projection projection = this.requests.projection(request);
		Team team = this.groups.get(company, id);
		if (this.requests.ifNoneMatch(request, team.version())) {
			return ScimResponses.notModified(team.version());
		}
		String baseUrl = this.requests.baseUrl(request);
		if (!projection.includes("members")) {
			return ScimResponses.resource(this.groups.write(company, team, projection, baseUrl), team.version());
		}
		stream(request, response, Meta.etag(team.version()),
				(output) -> this.groups.stream(output, company, team, projection, baseUrl));
		return null;
	}

	/**
	 * Lists Groups. With their members, the response streams once the page of teams is
	 * read, so the memory it needs does not grow with the teams, as for {@link #get}.
	 */
	@GetMapping
	@Nullable ResponseEntity<byte[]> list(HttpServletRequest request, HttpServletResponse response)
			throws ScimException, IOException {
		Company company = this.requests.company(request);
		return list(request, response, company, this.requests.query(request));
	}

	@PostMapping("/.search")
	@Nullable ResponseEntity<byte[]> search(HttpServletRequest request, HttpServletResponse response)
			throws ScimException, IOException {
		Company company = this.requests.company(request);
		return list(request, response, company, this.requests.searchBody(request));
	}

	private @Nullable ResponseEntity<byte[]> list(HttpServletRequest request, HttpServletResponse response,
			Company company, SearchQuery query) throws ScimException, IOException {
		String baseUrl = this.requests.baseUrl(request);
		if (!query.projection().includes("members")) {
			return ScimResponses.ok(this.groups.search(company, query, baseUrl));
		}
		Page<Team> page = this.groups.page(company, query);
		stream(request, response, null, (output) -> this.groups.streamList(output, company, query, page, baseUrl));
		return null;
	}

	/**
	 * Writes a 200 response as {@code body} produces it. After a failure, a body that has
	 * not reached the client yet gives way to the error response. Once part of it has, it
	 * breaks off as invalid JSON, because a SCIM error can no longer replace it.
	 * @param etag the response's ETag, or {@code null} for none
	 */
	private void stream(HttpServletRequest request, HttpServletResponse response, @Nullable String etag, Body body)
			throws ScimException, IOException {
		HttpServletResponse unheld = ScimActivityFilter.unheld(response);
		unheld.setStatus(HttpServletResponse.SC_OK);
		if (etag != null) {
			unheld.setHeader(HttpHeaders.ETAG, etag);
		}
		unheld.setContentType(ScimJson.MEDIA_TYPE_VALUE);
		try {
			// The stream stays open, so the activity entry is recorded before the
			// response ends.
			body.write(StreamUtils.nonClosing(unheld.getOutputStream()));
		}
		catch (RuntimeException | ScimException | IOException ex) {
			if (!unheld.isCommitted()) {
				// Nothing reached the client yet, so the error response replaces the
				// partial body.
				unheld.resetBuffer();
			}
			throw ex;
		}
		ScimCall call = ScimCall.of(request);
		if (call != null) {
			this.activity.recordOutcome(call, HttpServletResponse.SC_OK);
		}
	}

	/** Writes a response body to a stream. */
	@FunctionalInterface
	private interface Body {

		void write(OutputStream output) throws ScimException, IOException;

	}

	@PutMapping("/{id}")
	ResponseEntity<byte[]> replace(HttpServletRequest request, @PathVariable String id)
			throws ScimException, IOException {
		ScimCall call = this.requests.call(request);
		Company company = call.company();
		Team team = this.groups.replace(call, id, this.requests.ifMatch(request), this.requests.body(request));
		return ScimResponses.resource(this.groups.write(company, team, Projection.ALL, this.requests.baseUrl(request)),
				team.version());
	}

	@PatchMapping("/{id}")
	ResponseEntity<byte[]> patch(HttpServletRequest request, @PathVariable String id)
			throws ScimException, IOException {
		ScimCall call = this.requests.call(request);
		Company company = call.company();
		Projection projection = this.requests.projection(request);
		boolean returnsGroup = this.requests.asksForAttributes(request);
		Team team = this.groups.patch(call, id, this.requests.ifMatch(request), this.requests.body(request),
				returnsGroup ? 200 : 204);
		if (!returnsGroup) {
			return ScimResponses.noContent();
		}
		return ScimResponses.resource(this.groups.write(company, team, projection, this.requests.baseUrl(request)),
				team.version());
	}

	@DeleteMapping("/{id}")
	ResponseEntity<byte[]> delete(HttpServletRequest request, @PathVariable String id) throws ScimException {
		this.groups.delete(this.requests.call(request), id, this.requests.ifMatch(request));
		return ScimResponses.noContent();
	}

}
