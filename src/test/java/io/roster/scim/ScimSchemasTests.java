package io.roster.scim;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.unboundid.scim2.common.types.AttributeDefinition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published schemas and the attributes that filters and sorting reach describe the
 * same attributes with the same case rules, so discovery never claims what queries do not
 * do.
 */
class ScimSchemasTests {

	/**
	 * Common attributes of every resource (RFC 7643 section 3.1), not part of a schema.
	 */
	private static final Set<String> COMMON = Set.of("id", "externalid", "meta.created", "meta.lastmodified");

	@Test
	void userCatalogMatchesPublishedUserEnterpriseAndRosterSchemas() {
		Map<String, Boolean> published = new TreeMap<>();
		Map<String, Map<String, Boolean>> publishedMultiValued = new HashMap<>();
		flatten(ScimSchemas.USER_SCHEMA.getAttributes(), published, publishedMultiValued);
		flatten(ScimSchemas.ENTERPRISE_USER_SCHEMA.getAttributes(), published, publishedMultiValued);
		flatten(ScimSchemas.ROSTER_USER_SCHEMA.getAttributes(), published, publishedMultiValued);

		assertMatches(AttributeCatalog.USERS, published, publishedMultiValued);
	}

	@Test
	void groupCatalogMatchesPublishedGroupSchema() {
		Map<String, Boolean> published = new TreeMap<>();
		Map<String, Map<String, Boolean>> publishedMultiValued = new HashMap<>();
		flatten(ScimSchemas.GROUP_SCHEMA.getAttributes(), published, publishedMultiValued);
		publishedMultiValued.get("members").remove("type");

		assertMatches(AttributeCatalog.GROUPS, published, publishedMultiValued);
	}

	private static void assertMatches(AttributeCatalog catalog, Map<String, Boolean> published,
			Map<String, Map<String, Boolean>> publishedMultiValued) {
		Map<String, Boolean> filterable = new TreeMap<>();
		catalog.simpleAttributes().forEach((name, attribute) -> {
			if (!COMMON.contains(name)) {
				filterable.put(name, attribute.caseExact());
			}
		});
		Map<String, Map<String, Boolean>> filterableMultiValued = new HashMap<>();
		catalog.multiValuedAttributes().forEach((name, attribute) -> {
			Map<String, Boolean> subs = new TreeMap<>();
			attribute.subAttributes().forEach((sub, simple) -> subs.put(sub, simple.caseExact()));
			filterableMultiValued.put(name, subs);
		});

		assertThat(filterable).isEqualTo(published);
		assertThat(filterableMultiValued).isEqualTo(publishedMultiValued);
	}

	private static void flatten(Collection<AttributeDefinition> attributes, Map<String, Boolean> simple,
			Map<String, Map<String, Boolean>> multiValued) {
		for (AttributeDefinition attribute : attributes) {
			String name = attribute.getName().toLowerCase(Locale.ROOT);
			if (attribute.getType() == AttributeDefinition.Type.COMPLEX && attribute.isMultiValued()) {
				Map<String, Boolean> subs = new TreeMap<>();
				attribute.getSubAttributes()
					.forEach((sub) -> subs.put(sub.getName().toLowerCase(Locale.ROOT), sub.isCaseExact()));
				multiValued.put(name, subs);
			}
			else if (attribute.getType() == AttributeDefinition.Type.COMPLEX) {
				attribute.getSubAttributes()
					.forEach((sub) -> simple.put(name + "." + sub.getName().toLowerCase(Locale.ROOT),
							sub.isCaseExact()));
			}
			else {
				simple.put(name, attribute.isCaseExact());
			}
		}
	}

}
