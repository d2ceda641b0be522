package io.roster.scim.habit;

import java.util.Locale;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Booleans sent as strings. Microsoft Entra ID disables a user with {@code {"op":
 * "Replace", "path": "active", "value": "False"}} and marks roles with
 * {@code "primary": "True"}; RFC 7643 section 2.3.2 makes them JSON {@code false} and
 * {@code true}. Only the strings "true" and "false" in any case are rewritten, and only
 * on the boolean attributes {@code active} and {@code primary}.
 */
public class BooleanStrings implements ClientHabit {

	private static final Set<String> BOOLEAN_ATTRIBUTES = Set.of("active", "primary");

	@Override
	public String name() {
		return "boolean-strings";
	}

	@Override
	public boolean rewritePatch(ObjectNode patch) {
		boolean rewritten = false;
		for (ObjectNode operation : PatchBodies.operations(patch)) {
			JsonNode value = operation.get("value");
			if (value == null) {
				continue;
			}
			if (BOOLEAN_ATTRIBUTES.contains(PatchBodies.lastAttribute(operation)) && isBooleanString(value)) {
				operation.put("value", Boolean.parseBoolean(value.stringValue().toLowerCase(Locale.ROOT)));
				rewritten = true;
			}
			else {
				rewritten |= rewriteTree(value);
			}
		}
		return rewritten;
	}

	@Override
	public boolean rewriteResource(ObjectNode resource) {
		return rewriteTree(resource);
	}

	private static boolean rewriteTree(JsonNode node) {
		boolean rewritten = false;
		if (node instanceof ObjectNode object) {
			for (String name : object.propertyNames()) {
				JsonNode child = object.get(name);
				if (BOOLEAN_ATTRIBUTES.contains(name.toLowerCase(Locale.ROOT)) && isBooleanString(child)) {
					object.put(name, Boolean.parseBoolean(child.stringValue().toLowerCase(Locale.ROOT)));
					rewritten = true;
				}
				else {
					rewritten |= rewriteTree(child);
				}
			}
		}
		else if (node instanceof ArrayNode array) {
			for (JsonNode item : array) {
				rewritten |= rewriteTree(item);
			}
		}
		return rewritten;
	}

	private static boolean isBooleanString(JsonNode node) {
		return node.isString()
				&& (node.stringValue().equalsIgnoreCase("true") || node.stringValue().equalsIgnoreCase("false"));
	}

}
