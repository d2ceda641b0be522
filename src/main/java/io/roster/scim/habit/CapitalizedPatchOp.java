package io.roster.scim.habit;

import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * PATCH operations whose {@code op} is not lower case. Microsoft Entra ID sends
 * {@code "op": "Replace"}, {@code "Add"} and {@code "Remove"}; RFC 7644 section 3.5.2
 * names them {@code add}, {@code replace} and {@code remove}.
 */
public class CapitalizedPatchOp implements ClientHabit {

	@Override
	public String name() {
		return "capitalized-patch-op";
	}

	@Override
	public boolean rewritePatch(ObjectNode patch) {
		boolean rewritten = false;
		for (ObjectNode operation : PatchBodies.operations(patch)) {
			JsonNode op = operation.get("op");
			if (op != null && op.isString()) {
				String lower = op.stringValue().toLowerCase(Locale.ROOT);
				if (!lower.equals(op.stringValue())) {
					operation.put("op", lower);
					rewritten = true;
				}
			}
		}
		return rewritten;
	}

}
