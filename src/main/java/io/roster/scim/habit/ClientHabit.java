package io.roster.scim.habit;

import tools.jackson.databind.node.ObjectNode;

/**
 * One identity provider habit that departs from RFC 7644, rewritten into the standard
 * form.
 */
public interface ClientHabit {

	/**
	 * A short name recorded when the habit applies, such as {@code capitalized-patch-op}.
	 */
	String name();

	/**
	 * Rewrites a PATCH request body (RFC 7644 section 3.5.2) in place.
	 * @return whether anything was rewritten
	 */
	default boolean rewritePatch(ObjectNode patch) {
		return false;
	}

	/**
	 * Rewrites a User or Group resource body of a POST or PUT in place.
	 * @return whether anything was rewritten
	 */
	default boolean rewriteResource(ObjectNode resource) {
		return false;
	}

}
