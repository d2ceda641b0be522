package io.roster.scim.habit;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Access to the operations of a PATCH body that habits rewrite.
 */
final class PatchBodies {

	private PatchBodies() {
	}

	/** Returns the operation objects of a PATCH body, skipping anything malformed. */
	static List<ObjectNode> operations(ObjectNode patch) {
		List<ObjectNode> operations = new ArrayList<>();
		JsonNode array = patch.get("Operations");
		if (array != null && array.isArray()) {
			for (JsonNode operation : array) {
				if (operation.isObject()) {
					operations.add((ObjectNode) operation);
				}
			}
		}
		return operations;
	}

	/**
	 * Returns the last attribute name of an operation's path, lower-cased, or an empty
	 * string.
	 */
	static String lastAttribute(ObjectNode operation) {
		JsonNode path = operation.get("path");
		if (path == null || !path.isString()) {
			return "";
		}
		String text = path.stringValue();
		int bracket = text.lastIndexOf(']');
		String tail = (bracket >= 0) ? text.substring(bracket + 1) : text;
		int cut = Math.max(tail.lastIndexOf('.'), tail.lastIndexOf(':'));
		String name = (cut >= 0) ? tail.substring(cut + 1) : tail;
		int open = text.indexOf('[');
		if (name.isEmpty() && bracket >= 0 && open >= 0) {
			// A path such as "]" has no '['. The path parser rejects it later.
			String head = text.substring(0, open);
			cut = Math.max(head.lastIndexOf('.'), head.lastIndexOf(':'));
			name = (cut >= 0) ? head.substring(cut + 1) : head;
		}
		return name.toLowerCase(java.util.Locale.ROOT);
	}

}
