package io.roster.scim;

import java.util.List;

import io.roster.directory.Page;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds ListResponse messages (RFC 7644 section 3.4.2), with {@code startIndex} for
 * index paging or {@code nextCursor} for cursor paging (RFC 9865).
 */
final class ListResponses {

	static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

	private ListResponses() {
	}

	static ObjectNode of(Page<?> page, SearchQuery query, List<ObjectNode> resources) {
		ObjectNode list = envelope(page, query, resources.size());
		ArrayNode array = (ArrayNode) list.get("Resources");
		resources.forEach(array::add);
		return list;
	}

	/**
	 * Returns the ListResponse of a page with an empty {@code Resources}, for a writer
	 * that streams the resources in its place.
	 */
	static ObjectNode envelope(Page<?> page, SearchQuery query, int itemsPerPage) {
		ObjectNode list = ScimJson.object();
		list.putArray("schemas").add(LIST_RESPONSE);
		list.put("totalResults", page.total());
		list.put("itemsPerPage", itemsPerPage);
		if (query.cursor() == null) {
			list.put("startIndex", query.startIndex());
		}
		else if (page.hasMore() && page.lastId() != null) {
			list.put("nextCursor", SearchQuery.encodeCursor(page.lastId()));
		}
		list.putArray("Resources");
		return list;
	}

	static ObjectNode of(long total, int startIndex, List<ObjectNode> resources) {
		ObjectNode list = ScimJson.object();
		list.putArray("schemas").add(LIST_RESPONSE);
		list.put("totalResults", total);
		list.put("itemsPerPage", resources.size());
		list.put("startIndex", startIndex);
		ArrayNode array = list.putArray("Resources");
		resources.forEach(array::add);
		return list;
	}

}
