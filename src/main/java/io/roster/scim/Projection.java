package io.roster.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.utils.JsonUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code attributes} and {@code excludedAttributes} parameters (RFC 7644 section
 * 3.4.2.5). {@code id} and {@code schemas} are always returned.
 */
final class Projection {

	static final Projection ALL = new Projection(List.of(), List.of());

	private final List<Path> included;

	private final List<Path> excluded;

	private Projection(List<Path> included, List<Path> excluded) {
		this.included = included;
		this.excluded = excluded;
	}

	static Projection of(@Nullable String attributes, @Nullable String excludedAttributes) throws BadRequestException {
		return new Projection(paths("attributes", attributes), paths("excludedAttributes", excludedAttributes));
	}

	/**
	 * Returns whether a top-level attribute is returned, so callers can skip loading it.
	 */
	boolean includes(String attribute) {
		String name = attribute.toLowerCase(Locale.ROOT);
		if (!this.included.isEmpty()) {
			return this.included.stream().anyMatch((path) -> firstName(path).equals(name));
		}
		return this.excluded.stream().noneMatch((path) -> path.size() == 1 && firstName(path).equals(name));
	}

	ObjectNode apply(ObjectNode resource) throws ScimException {
		if (!this.included.isEmpty()) {
			ObjectNode projected = ScimJson.object();
			copy(resource, projected, "schemas");
			copy(resource, projected, "id");
			for (Path path : this.included) {
				JsonNode value = JsonUtils.getValue(path, resource);
				if (value != null && !value.isNull() && !value.isMissingNode()) {
					JsonUtils.replaceValue(path, projected, value);
				}
			}
			return projected;
		}
		for (Path path : this.excluded) {
			String name = firstName(path);
			if (path.getSchemaUrn() == null && (name.equals("id") || name.equals("schemas"))) {
				continue;
			}
			JsonUtils.removeValues(path, resource);
		}
		return resource;
	}

	private static void copy(ObjectNode from, ObjectNode to, String name) {
		JsonNode value = from.get(name);
		if (value != null) {
			to.set(name, value);
		}
	}

	private static String firstName(Path path) {
		return path.isRoot() ? "" : path.getElement(0).getAttribute().toLowerCase(Locale.ROOT);
	}

	private static List<Path> paths(String parameter, @Nullable String text) throws BadRequestException {
		List<Path> paths = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return paths;
		}
		for (String part : text.split(",")) {
			if (part.isBlank()) {
				continue;
			}
			try {
				paths.add(Path.fromString(part.trim()));
			}
			catch (BadRequestException ex) {
				throw BadRequestException
					.invalidValue("'" + parameter + "' contains an invalid attribute path '" + part.trim() + "'");
			}
		}
		return paths;
	}

}
