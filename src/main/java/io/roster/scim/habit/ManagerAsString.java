package io.roster.scim.habit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The enterprise {@code manager} sent as a plain string. Microsoft Entra ID sends
 * {@code {"op": "Add", "path": "urn:...:enterprise:2.0:User:manager", "value": "u-1001"}}
 * and some clients put {@code "manager": "u-1001"} in a resource; RFC 7643 section 4.3
 * makes manager a complex attribute, {@code {"value": "u-1001"}}.
 */
public class ManagerAsString implements ClientHabit {

	static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

	@Override
	public String name() {
		return "manager-as-string";
	}

	@Override
	public boolean rewritePatch(ObjectNode patch) {
		boolean rewritten = false;
		for (ObjectNode operation : PatchBodies.operations(patch)) {
			JsonNode value = operation.get("value");
			if (value != null && value.isString() && PatchBodies.lastAttribute(operation).equals("manager")) {
				JsonNode path = operation.get("path");
				if (path != null && !path.stringValue().toLowerCase(java.util.Locale.ROOT).endsWith("manager.value")) {
					ObjectNode manager = operation.objectNode();
					manager.put("value", value.stringValue());
					operation.set("value", manager);
					rewritten = true;
				}
			}
			else if (value instanceof ObjectNode object) {
				rewritten |= rewriteResource(object);
			}
		}
		return rewritten;
	}

	@Override
	public boolean rewriteResource(ObjectNode resource) {
		JsonNode enterprise = resource.get(ENTERPRISE);
		if (enterprise instanceof ObjectNode extension) {
			JsonNode manager = extension.get("manager");
			if (manager != null && manager.isString()) {
				ObjectNode wrapped = extension.objectNode();
				wrapped.put("value", manager.stringValue());
				extension.set("manager", wrapped);
				return true;
			}
		}
		return false;
	}

}
