package io.roster.scim;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;

import io.roster.tenant.Company;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Queries at the service provider's root (RFC 7644 sections 3.4.2 and 3.4.3): Users
 * first, then Groups, paged as one list. A filter attribute that one resource type lacks
 * matches none of that type. Microsoft Entra ID's connection test also reads the root, so
 * it must answer 200.
 */
@RestController
class RootController {

	private final ScimUsers users;

	private final ScimGroups groups;

	private final ScimRequests requests;

	RootController(ScimUsers users, ScimGroups groups, ScimRequests requests) {
		this.users = users;
		this.groups = groups;
		this.requests = requests;
	}

	@GetMapping({ ScimWebConfiguration.BASE_PATH, ScimWebConfiguration.BASE_PATH + "/" })
	ResponseEntity<byte[]> list(HttpServletRequest request) throws ScimException {
		return ScimResponses.ok(search(request, this.requests.query(request)));
	}

	@PostMapping(ScimWebConfiguration.BASE_PATH + "/.search")
	ResponseEntity<byte[]> search(HttpServletRequest request) throws ScimException, IOException {
		return ScimResponses.ok(search(request, this.requests.searchBody(request)));
	}

	private ObjectNode search(HttpServletRequest request, SearchQuery query) throws ScimException {
		if (query.sortBy() != null || query.cursor() != null) {
			throw BadRequestException.invalidValue("A query at the root pages Users, then Groups, by index; send"
					+ " 'sortBy' or 'cursor' to /Users or /Groups instead");
		}
		Company company = this.requests.company(request);
		String baseUrl = this.requests.baseUrl(request);
		ScimException userError = null;
		ObjectNode userPage = null;
		try {
			userPage = this.users.search(company, query, baseUrl);
		}
		catch (BadRequestException ex) {
			userError = ex;
		}
		long userTotal = (userPage != null) ? userPage.get("totalResults").asLong() : 0;
		int taken = (userPage != null) ? userPage.get("Resources").size() : 0;
		long groupStart = Math.max(1, query.startIndex() - userTotal);
		SearchQuery groupQuery = new SearchQuery(query.filter(), null, false, query.projection(),
				(int) Math.min(Integer.MAX_VALUE, groupStart), Math.max(0, query.count() - taken), null);
		ObjectNode groupPage;
		try {
			groupPage = this.groups.search(company, groupQuery, baseUrl);
		}
		catch (BadRequestException ex) {
			if (userError != null) {
				throw userError;
			}
			groupPage = null;
		}
		List<ObjectNode> resources = new ArrayList<>();
		addResources(userPage, resources);
		addResources(groupPage, resources);
		long total = userTotal + ((groupPage != null) ? groupPage.get("totalResults").asLong() : 0);
		return ListResponses.of(total, query.startIndex(), resources);
	}

	private static void addResources(ObjectNode page, List<ObjectNode> resources) {
		if (page != null) {
			for (JsonNode resource : page.get("Resources")) {
				resources.add((ObjectNode) resource);
			}
		}
	}

}
