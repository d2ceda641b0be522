package io.roster.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lets {@code emails[type eq "work"]} find an email that was created without a type.
 * Google Workspace creates users with {@code "emails": [{"value": "frank@example.com",
 * "primary": true}]}; Microsoft Entra ID later updates them with {@code {"op": "replace",
 * "path": "emails[type eq \"work\"].value", ...}}, which RFC 7644 section 3.5.2.3 would
 * answer with {@code noTarget}. When no email has the type, the primary untyped email (or
 * the only untyped one) takes it before the operation applies.
 */
final class UntypedEmail {

	private UntypedEmail() {
	}

	static void assignTypeForFilter(ObjectNode resource, @Nullable Path path) {
		String type = filteredType(path);
		JsonNode emails = resource.get("emails");
		if (type == null || emails == null || !emails.isArray()) {
			return;
		}
		List<ObjectNode> untyped = new ArrayList<>();
		for (JsonNode email : emails) {
			JsonNode existing = email.get("type");
			if (existing != null && existing.isString() && existing.stringValue().equalsIgnoreCase(type)) {
				return;
			}
			if (email instanceof ObjectNode object && (existing == null || existing.isNull())) {
				untyped.add(object);
			}
		}
		ObjectNode chosen = untyped.stream()
			.filter((email) -> email.has("primary") && email.get("primary").asBoolean())
			.findFirst()
			.orElse((untyped.size() == 1) ? untyped.get(0) : null);
		if (chosen != null) {
			chosen.put("type", type);
		}
	}

	/**
	 * Returns X for a path {@code emails[type eq "X"]...}, or {@code null} for any other
	 * path.
	 */
	private static @Nullable String filteredType(@Nullable Path path) {
		if (path == null || path.isRoot() || path.getSchemaUrn() != null
				|| !path.getElement(0).getAttribute().equalsIgnoreCase("emails")) {
			return null;
		}
		Filter filter = path.getElement(0).getValueFilter();
		if (filter == null || filter.getFilterType() != FilterType.EQUAL || filter.getAttributePath().size() != 1
				|| !filter.getAttributePath().getElement(0).getAttribute().toLowerCase(Locale.ROOT).equals("type")
				|| filter.getComparisonValue() == null || !filter.getComparisonValue().isString()) {
			return null;
		}
		return filter.getComparisonValue().stringValue();
	}

}
