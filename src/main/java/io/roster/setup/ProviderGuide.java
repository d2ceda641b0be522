package io.roster.setup;

import java.util.List;

import io.roster.tenant.IdentityProvider;

/**
 * What the setup wizard shows for one identity provider: the steps in that provider's
 * admin console and its attribute mapping. {@code docs/setup/} has the same content as
 * Markdown.
 *
 * @param code the value of the provider's choice in the wizard's form
 * @param steps what to do in the provider's admin console, in order
 * @param mappings which provider attribute fills which Roster field
 * @param notes facts that matter for this provider, such as how it sends roles
 */
public record ProviderGuide(String code, String name, IdentityProvider provider, List<String> steps,
		List<Mapping> mappings, List<String> notes) {

	/**
	 * One row of an attribute mapping.
	 *
	 * @param source the attribute in the identity provider
	 * @param scimAttribute the SCIM attribute it is sent as
	 * @param rosterField the colleague's field in Roster that it fills
	 */
	public record Mapping(String source, String scimAttribute, String rosterField) {
	}

}
