package io.roster.scim;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import com.unboundid.scim2.common.exceptions.BadRequestException;

import io.roster.directory.PageRequest;
import io.roster.system.RosterProperties;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The parameters of a query (RFC 7644 section 3.4.2), from a GET's query string or a
 * {@code POST .search} body (section 3.4.3): filter, sortBy, sortOrder, attributes,
 * excludedAttributes, and either index paging (startIndex, count) or cursor paging
 * (cursor, count, RFC 9865).
 *
 * @param cursor {@code null} for index paging; an empty string asks for the first page of
 * a cursor walk
 */
record SearchQuery(@Nullable String filter, @Nullable String sortBy, boolean descending, Projection projection,
		int startIndex, int count, @Nullable String cursor) {

	static final String SEARCH_REQUEST = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

	private static final String CURSOR_PREFIX = "v1:";

	/** Reads a query from request parameters. */
	static SearchQuery fromParameters(Function<String, @Nullable String> parameter, RosterProperties.Scim limits)
			throws BadRequestException {
		ListParameters paging = ListParameters.parse(parameter.apply("startIndex"), parameter.apply("count"),
				limits.defaultPageSize(), limits.maxPageSize());
		return new SearchQuery(parameter.apply("filter"), parameter.apply("sortBy"),
				descending(parameter.apply("sortOrder")),
				Projection.of(parameter.apply("attributes"), parameter.apply("excludedAttributes")),
				paging.startIndex(), paging.count(), parameter.apply("cursor"));
	}

	/** Reads a query from a SearchRequest body. */
	static SearchQuery fromBody(ObjectNode body, RosterProperties.Scim limits) throws BadRequestException {
		return fromParameters((name) -> bodyParameter(body, name), limits);
	}

	/** Returns the page to read, with the sort the directory should apply. */
	PageRequest pageRequest(PageRequest.@Nullable Sort sort) throws BadRequestException {
		if (this.cursor == null) {
			return new PageRequest(this.startIndex - 1, this.count, sort, null);
		}
		if (sort != null) {
			throw BadRequestException.invalidValue("Cursor paging returns resources in a fixed order; leave out"
					+ " 'sortBy', or page with 'startIndex'");
		}
		return new PageRequest(0, this.count, null, decodeCursor(this.cursor));
	}

	static String encodeCursor(UUID lastId) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((CURSOR_PREFIX + lastId).getBytes(StandardCharsets.US_ASCII));
	}

	private static @Nullable UUID decodeCursor(String cursor) throws BadRequestException {
		if (cursor.isEmpty()) {
			return null;
		}
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
			if (text.startsWith(CURSOR_PREFIX)) {
				return UUID.fromString(text.substring(CURSOR_PREFIX.length()));
			}
		}
		catch (IllegalArgumentException ex) {
			// Falls through to the error below.
		}
		throw BadRequestException
			.invalidCursor("'cursor' is not a cursor that Roster issued; start again with an" + " empty cursor");
	}

	private static boolean descending(@Nullable String sortOrder) throws BadRequestException {
		if (sortOrder == null || sortOrder.isBlank()) {
			return false;
		}
		return switch (sortOrder.trim().toLowerCase(Locale.ROOT)) {
			case "ascending" -> false;
			case "descending" -> true;
			default -> throw BadRequestException.invalidValue("'sortOrder' must be ascending or descending, not '"
					+ (sortOrder.length() > 40 ? sortOrder.substring(0, 40) + "..." : sortOrder) + "'");
		};
	}

	private static @Nullable String bodyParameter(ObjectNode body, String name) {
		JsonNode value = body.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isArray()) {
			StringBuilder joined = new StringBuilder();
			for (JsonNode item : value) {
				if (joined.length() > 0) {
					joined.append(',');
				}
				joined.append(item.isString() ? item.stringValue() : item.toString());
			}
			return joined.toString();
		}
		return value.isString() ? value.stringValue() : value.toString();
	}

}
