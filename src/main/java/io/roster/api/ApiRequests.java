package io.roster.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.roster.directory.Criterion;
import io.roster.directory.Field;
import io.roster.directory.PageRequest;
import io.roster.directory.Role;

/**
 * Reads the query parameters and bodies of API requests into directory terms, rejecting
 * bad input with {@link ApiException}.
 */
final class ApiRequests {

	static final int MAX_LIMIT = 200;

	private ApiRequests() {
	}

	static PageRequest page(int offset, int limit, Field sortBy) {
		if (offset < 0) {
			throw ApiException.badRequest("offset", "'offset' must be 0 or more, not " + offset);
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw ApiException.badRequest("limit", "'limit' must be between 1 and " + MAX_LIMIT + ", not " + limit);
		}
		return new PageRequest(offset, limit, new PageRequest.Sort(sortBy, false, true), null);
	}

	static Criterion colleagues(@Nullable String q, @Nullable String managedBy, @Nullable Boolean active,
			@Nullable String role) {
		List<Criterion> all = new ArrayList<>();
		if (q != null && !q.isBlank()) {
			String text = q.trim();
			all.add(new Criterion.Or(List.of(contains(Field.USER_NAME, text), contains(Field.GIVEN_NAME, text),
					contains(Field.FAMILY_NAME, text), contains(Field.COLLEAGUE_DISPLAY_NAME, text))));
		}
		if (managedBy != null) {
			all.add(new Criterion.Compare(Field.COLLEAGUE_MANAGED_BY, Criterion.Operator.EQ, managedBy(managedBy),
					false));
		}
		if (active != null) {
			all.add(new Criterion.Compare(Field.ACTIVE, Criterion.Operator.EQ, active, false));
		}
		if (role != null) {
			Role parsed = Role.parse(role)
				.orElseThrow(() -> ApiException.badRequest("role",
						"'role' has the unknown role '" + role + "'; use one of " + Role.codes()));
			all.add(new Criterion.Compare(Field.ROLE, Criterion.Operator.EQ, parsed.code(), false));
		}
		return all.isEmpty() ? Criterion.ALL : new Criterion.And(all);
	}

	static Criterion teams(@Nullable String q, @Nullable String managedBy, @Nullable Boolean archived) {
		List<Criterion> all = new ArrayList<>();
		if (q != null && !q.isBlank()) {
			all.add(contains(Field.TEAM_NAME, q.trim()));
		}
		if (managedBy != null) {
			all.add(new Criterion.Compare(Field.TEAM_MANAGED_BY, Criterion.Operator.EQ, managedBy(managedBy), false));
		}
		if (archived != null) {
			all.add(new Criterion.Compare(Field.TEAM_ARCHIVED, Criterion.Operator.EQ, archived, false));
		}
		return all.isEmpty() ? Criterion.ALL : new Criterion.And(all);
	}

	/**
	 * Reads a JSON object of colleague fields: strings, booleans (for {@code active}) or
	 * null to clear a field.
	 */
	static Map<String, @Nullable String> fields(Map<String, @Nullable Object> body) {
		Map<String, @Nullable String> fields = new LinkedHashMap<>();
		body.forEach((name, value) -> {
			if (value == null || value instanceof String || value instanceof Boolean) {
				fields.put(name, (value != null) ? value.toString() : null);
			}
			else {
				throw ApiException.badRequest(name, "'" + name + "' must be a string, true, false or null");
			}
		});
		return fields;
	}

	/** Reads a JSON array of colleague ids. */
	static List<UUID> ids(@Nullable Object value, String field) {
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list)) {
			throw ApiException.badRequest(field, "'" + field + "' must be an array of colleague ids");
		}
		List<UUID> ids = new ArrayList<>();
		for (Object item : list) {
			try {
				ids.add(UUID.fromString(String.valueOf(item)));
			}
			catch (IllegalArgumentException ex) {
				throw ApiException.badRequest(field,
						"'" + field + "' contains '" + item + "', which is not a colleague id");
			}
		}
		return ids;
	}

	static String text(Map<String, @Nullable Object> body, String field) {
		Object value = body.get(field);
		if (!(value instanceof String text)) {
			throw ApiException.badRequest(field, "'" + field + "' is required and must be a string");
		}
		return text;
	}

	private static String managedBy(String value) {
		if (!value.equals("scim") && !value.equals("app")) {
			throw ApiException.badRequest("managedBy", "'managedBy' must be scim or app, not '" + value + "'");
		}
		return value;
	}

	private static Criterion contains(Field field, String text) {
		return new Criterion.Compare(field, Criterion.Operator.CONTAINS, text, true);
	}

}
