package io.roster.scim;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;

import io.roster.directory.Field;
import io.roster.directory.PageRequest;

/**
 * The attributes of one resource type that filters can reach, each bound to the directory
 * field that stores it. Names are matched ignoring case (RFC 7644 section 3.4.2.2); an
 * attribute may be qualified by its schema URN.
 */
final class AttributeCatalog {

	/** An attribute with one value in a column. */
	record Simple(Field field, boolean caseExact) {
	}

	/**
	 * A multi-valued attribute stored in a child table; its sub-attributes are bound to
	 * that table's columns, and the attribute's own name stands for its {@code value}.
	 */
	record MultiValued(Field.Collection collection, Map<String, Simple> subAttributes) {

		Simple value() {
			return this.subAttributes.get("value");
		}

	}

	static final AttributeCatalog USERS = new AttributeCatalog(ScimSchemas.USER,
			Map.of(ScimSchemas.ENTERPRISE_USER.toLowerCase(Locale.ROOT),
					Set.of("employeenumber", "department", "costcenter", "organization", "division", "manager.value"),
					ScimSchemas.ROSTER_USER.toLowerCase(Locale.ROOT), Set.of("role")),
			Map.ofEntries(Map.entry("id", new Simple(Field.COLLEAGUE_LINK_ID, true)),
					Map.entry("externalid", new Simple(Field.COLLEAGUE_EXTERNAL_ID, true)),
					Map.entry("username", new Simple(Field.USER_NAME, false)),
					Map.entry("name.givenname", new Simple(Field.GIVEN_NAME, false)),
					Map.entry("name.familyname", new Simple(Field.FAMILY_NAME, false)),
					Map.entry("name.formatted", new Simple(Field.FORMATTED_NAME, false)),
					Map.entry("displayname", new Simple(Field.COLLEAGUE_DISPLAY_NAME, false)),
					Map.entry("title", new Simple(Field.TITLE, false)),
					Map.entry("active", new Simple(Field.ACTIVE, false)),
					Map.entry("employeenumber", new Simple(Field.EMPLOYEE_NUMBER, false)),
					Map.entry("department", new Simple(Field.DEPARTMENT, false)),
					Map.entry("costcenter", new Simple(Field.COST_CENTER, false)),
					Map.entry("organization", new Simple(Field.ORGANIZATION, false)),
					Map.entry("division", new Simple(Field.DIVISION, false)),
					Map.entry("manager.value", new Simple(Field.MANAGER_LINK_ID, true)),
					Map.entry("role", new Simple(Field.ROLE, false)),
					Map.entry("meta.created", new Simple(Field.COLLEAGUE_CREATED, false)),
					Map.entry("meta.lastmodified", new Simple(Field.COLLEAGUE_UPDATED, false))),
			Map.of("emails", itemsOf(Field.EMAILS), "roles", itemsOf(Field.ROLES)));

	static final AttributeCatalog GROUPS = new AttributeCatalog(ScimSchemas.GROUP, Map.of(),
			Map.of("id", new Simple(Field.TEAM_LINK_ID, true), "externalid", new Simple(Field.TEAM_EXTERNAL_ID, true),
					"displayname", new Simple(Field.TEAM_DISPLAY_NAME, false), "meta.created",
					new Simple(Field.TEAM_CREATED, false), "meta.lastmodified", new Simple(Field.TEAM_UPDATED, false)),
			Map.of("members", new MultiValued(Field.MEMBERS, Map.of("value", new Simple(Field.MEMBER_VALUE, true),
					"display", new Simple(Field.MEMBER_DISPLAY, false)))));

	private final String coreSchema;

	/**
	 * Keys of the attributes of each extension, by lower-cased schema URN. An extension's
	 * URN names only its own attributes, and the core URN names none of them.
	 */
	private final Map<String, Set<String>> extensions;

	private final Map<String, Simple> simple;

	private final Map<String, MultiValued> multiValued;

	private AttributeCatalog(String coreSchema, Map<String, Set<String>> extensions, Map<String, Simple> simple,
			Map<String, MultiValued> multiValued) {
		this.coreSchema = coreSchema;
		this.extensions = extensions;
		this.simple = simple;
		this.multiValued = multiValued;
	}

	/** Returns the simple attribute a path names, or {@code null} if it names none. */
	@Nullable Simple simple(Path path) throws BadRequestException {
		String key = key(path);
		return (key != null) ? this.simple.get(key) : null;
	}

	/**
	 * Returns the multi-valued attribute a path names, or {@code null} if it names none.
	 */
	@Nullable MultiValued multiValued(Path path) throws BadRequestException {
		String key = key(path);
		return (key != null) ? this.multiValued.get(key) : null;
	}

	Map<String, Simple> simpleAttributes() {
		return this.simple;
	}

	Map<String, MultiValued> multiValuedAttributes() {
		return this.multiValued;
	}

	/**
	 * Returns the order that {@code sortBy} names (RFC 7644 section 3.4.2.3).
	 * @throws BadRequestException {@code invalidValue} for an attribute that cannot be
	 * sorted
	 */
	PageRequest.Sort sort(String sortBy, boolean descending) throws BadRequestException {
		Path path;
		try {
			path = Path.fromString(sortBy.trim());
		}
		catch (BadRequestException ex) {
			throw BadRequestException.invalidValue("'sortBy' is not an attribute path: '" + sortBy + "'");
		}
		Simple attribute;
		try {
			attribute = simple(path);
		}
		catch (BadRequestException ex) {
			throw BadRequestException.invalidValue("'sortBy' names an unknown schema: '" + sortBy + "'");
		}
		if (attribute == null) {
			throw BadRequestException.invalidValue(
					"'sortBy' must name a single-valued attribute that Roster stores," + " not '" + sortBy + "'");
		}
		return new PageRequest.Sort(attribute.field(), descending, !attribute.caseExact());
	}

	/**
	 * Returns the lower-cased dotted name of the attribute a path names, or {@code null}
	 * when its schema URN is that of another schema: the core URN cannot name an
	 * extension's attribute, nor an extension's URN a core one or another extension's. An
	 * extension's attribute without a URN is found too.
	 */
	private @Nullable String key(Path path) throws BadRequestException {
		String urn = path.getSchemaUrn();
		Set<String> extension = (urn != null) ? this.extensions.get(urn.toLowerCase(Locale.ROOT)) : null;
		if (urn != null && !urn.equalsIgnoreCase(this.coreSchema) && extension == null) {
			throw BadRequestException.invalidFilter("Unknown schema " + urn + " in attribute " + path);
		}
		StringBuilder key = new StringBuilder();
		for (Path.Element element : path) {
			if (key.length() > 0) {
				key.append('.');
			}
			key.append(element.getAttribute().toLowerCase(Locale.ROOT));
		}
		if (urn != null && extension != null && !extension.contains(key.toString())) {
			return null;
		}
		if (urn != null && extension == null && isExtensionKey(key.toString())) {
			return null;
		}
		return key.toString();
	}

	private boolean isExtensionKey(String key) {
		return this.extensions.values().stream().anyMatch((keys) -> keys.contains(key));
	}

	private static MultiValued itemsOf(Field.Collection collection) {
		return new MultiValued(collection,
				Map.of("value", new Simple(Field.ITEM_VALUE, false), "type", new Simple(Field.ITEM_TYPE, false),
						"display", new Simple(Field.ITEM_DISPLAY, false), "primary",
						new Simple(Field.ITEM_PRIMARY, false)));
	}

}
