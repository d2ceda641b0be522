package io.roster.scim.habit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Path-less PATCH values whose keys are attribute paths. Microsoft Entra ID (with the
 * {@code aadOptscim062020} flag) sends {@code {"op": "replace", "value":
 * {"name.givenName": "Ann", "urn:...:enterprise:2.0:User:department": "Sales"}}}; RFC
 * 7644 section 3.5.2 expects the keys of a path-less value to be attribute names, with
 * sub-attributes nested. Each such key becomes an operation of its own with the key as
 * its {@code path}; the remaining keys stay in the path-less operation.
 */
public class DottedPathlessKeys implements ClientHabit {

	@Override
	public String name() {
		return "dotted-pathless-keys";
	}

	@Override
	public boolean rewritePatch(ObjectNode patch) {
		JsonNode operations = patch.get("Operations");
		if (!(operations instanceof ArrayNode array)) {
			return false;
		}
		boolean rewritten = false;
		ArrayNode result = array.arrayNode();
		for (JsonNode operation : array) {
			if (operation instanceof ObjectNode op && isPathless(op) && op.get("value") instanceof ObjectNode value) {
				List<String> pathKeys = new ArrayList<>();
				for (String key : value.propertyNames()) {
					if (isPathKey(key)) {
						pathKeys.add(key);
					}
				}
				for (String key : pathKeys) {
					ObjectNode split = result.addObject();
					split.set("op", op.get("op"));
					split.put("path", key);
					split.set("value", value.get(key));
					value.remove(key);
					rewritten = true;
				}
				if (!value.isEmpty() || pathKeys.isEmpty()) {
					result.add(op);
				}
			}
			else {
				result.add(operation);
			}
		}
		if (rewritten) {
			patch.set("Operations", result);
		}
		return rewritten;
	}

	private static boolean isPathless(ObjectNode operation) {
		JsonNode path = operation.get("path");
		return path == null || path.isNull() || (path.isString() && path.stringValue().isBlank());
	}

	private static boolean isPathKey(String key) {
		String lower = key.toLowerCase(Locale.ROOT);
		if (lower.startsWith("urn:")) {
			// A bare schema URN (urn:...:2.0:User) names an extension object, which is a
			// plain attribute name; a URN with an attribute after the resource type
			// (urn:...:2.0:User:department) is a path.
			int version = lower.lastIndexOf(":2.0:");
			return version >= 0 && lower.indexOf(':', version + ":2.0:".length()) >= 0;
		}
		return key.indexOf('.') > 0;
	}

}
