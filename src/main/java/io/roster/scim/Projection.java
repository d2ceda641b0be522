package io.roster.scim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.utils.JsonUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
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
			Selection selection = new Selection();
			selection.add("schemas").whole = true;
			selection.add("id").whole = true;
			for (Path path : this.included) {
				selection.add(path);
			}
			return selection.keep(resource);
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

	/**
	 * The attributes an {@code attributes} parameter selects, as a tree of names (an
	 * extension's URN is the first level of its attributes). A selected sub-attribute of
	 * a multi-valued attribute is kept in each of its values, so the result stays an
	 * array.
	 */
	private static final class Selection {

		private final Map<String, Selection> children = new HashMap<>();

		private boolean whole;

		Selection add(String name) {
			return this.children.computeIfAbsent(name.toLowerCase(Locale.ROOT), (key) -> new Selection());
		}

		void add(Path path) {
			Selection node = this;
			if (path.getSchemaUrn() != null && !path.getSchemaUrn().equalsIgnoreCase(ScimSchemas.USER)
					&& !path.getSchemaUrn().equalsIgnoreCase(ScimSchemas.GROUP)) {
				node = node.add(path.getSchemaUrn());
			}
			for (Path.Element element : path) {
				node = node.add(element.getAttribute());
			}
			node.whole = true;
		}

		ObjectNode keep(ObjectNode source) {
			ObjectNode kept = ScimJson.object();
			for (String name : source.propertyNames()) {
				Selection child = this.children.get(name.toLowerCase(Locale.ROOT));
				JsonNode value = source.get(name);
				if (child == null) {
					continue;
				}
				if (child.whole) {
					kept.set(name, value);
				}
				else if (value instanceof ObjectNode object) {
					putIfNotEmpty(kept, name, child.keep(object));
				}
				else if (value instanceof ArrayNode array) {
					ArrayNode values = kept.arrayNode();
					for (JsonNode item : array) {
						if (item instanceof ObjectNode object) {
							ObjectNode keptItem = child.keep(object);
							if (!keptItem.isEmpty()) {
								values.add(keptItem);
							}
						}
					}
					putIfNotEmpty(kept, name, values);
				}
			}
			return kept;
		}

		private static void putIfNotEmpty(ObjectNode parent, String name, JsonNode value) {
			if (!value.isEmpty()) {
				parent.set(name, value);
			}
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
			Path path;
			try {
				path = Path.fromString(part.trim());
			}
			catch (BadRequestException | RuntimeException ex) {
				throw BadRequestException
					.invalidValue("'" + parameter + "' contains an invalid attribute path '" + part.trim() + "'");
			}
			for (Path.Element element : path) {
				if (element.getValueFilter() != null) {
					throw BadRequestException.invalidValue("'" + parameter + "' takes attribute names only, not the"
							+ " value filter in '" + part.trim() + "' (RFC 7644 section 3.9)");
				}
			}
			paths.add(path);
		}
		return paths;
	}

}
