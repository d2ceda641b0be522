package io.roster.scim.habit;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pre-standard schema URNs. OneLogin's SCIM provisioner sends
 * {@code "urn:scim:schemas:extension:enterprise:2.0": {"department": "Finance"}} with
 * {@code "schemas": ["urn:scim:schemas:core:2.0", ...]}; RFC 7643 section 4.3 names the
 * extension {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User}. The
 * extension block moves to the standard key, so its attributes are not lost.
 */
public class OneLoginSchemaAliases implements ClientHabit {

	private static final Map<String, String> ALIASES = Map.of("urn:scim:schemas:extension:enterprise:2.0",
			ManagerAsString.ENTERPRISE);

	@Override
	public String name() {
		return "onelogin-schema-aliases";
	}

	@Override
	public boolean rewriteResource(ObjectNode resource) {
		boolean rewritten = false;
		for (Map.Entry<String, String> alias : ALIASES.entrySet()) {
			JsonNode block = resource.get(alias.getKey());
			if (block != null && !resource.has(alias.getValue())) {
				resource.remove(alias.getKey());
				resource.set(alias.getValue(), block);
				rewritten = true;
			}
		}
		return rewritten;
	}

}
