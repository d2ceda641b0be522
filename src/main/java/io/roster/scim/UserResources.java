package io.roster.scim;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.unboundid.scim2.common.exceptions.BadRequestException;

import io.roster.directory.Colleague;
import io.roster.directory.ColleagueProfile;
import io.roster.directory.FieldChange;
import io.roster.directory.MultiValue;
import io.roster.directory.Role;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps SCIM User resources (RFC 7643 section 4.1, with the enterprise extension of
 * section 4.3 and the Roster extension) to colleague profiles and back. Attributes Roster
 * does not store are ignored on input, so an identity provider's extra mappings never
 * block a sync.
 *
 * <p>
 * The product role comes from the Roster extension's {@code role} when it is sent,
 * otherwise from {@code roles}: the primary value, or the only value. A resource that
 * states neither keeps the colleague's role (or gets the company's default role when it
 * creates one).
 */
final class UserResources {

	private UserResources() {
	}

	static ColleagueProfile read(ObjectNode resource) throws BadRequestException {
		String userName = JsonAttributes.text(resource, "userName", "userName");
		if (userName == null || userName.isBlank()) {
			throw BadRequestException.invalidValue("'userName' is required and must be a non-empty string");
		}
		ObjectNode name = JsonAttributes.object(resource, "name", "name");
		ObjectNode enterprise = JsonAttributes.object(resource, ScimSchemas.ENTERPRISE_USER,
				ScimSchemas.ENTERPRISE_USER);
		return new ColleagueProfile(userName, JsonAttributes.text(resource, "externalId", "externalId"),
				JsonAttributes.text(name, "givenName", "name.givenName"),
				JsonAttributes.text(name, "familyName", "name.familyName"),
				JsonAttributes.text(name, "formatted", "name.formatted"),
				JsonAttributes.text(resource, "displayName", "displayName"),
				JsonAttributes.text(resource, "title", "title"),
				JsonAttributes.bool(resource, "active", "active", true), JsonAttributes.multiValues(resource, "emails"),
				JsonAttributes.multiValues(resource, "roles"), role(resource),
				enterpriseText(enterprise, "employeeNumber"), enterpriseText(enterprise, "department"),
				enterpriseText(enterprise, "costCenter"), enterpriseText(enterprise, "organization"),
				enterpriseText(enterprise, "division"), managerId(enterprise));
	}

	static ObjectNode write(Colleague colleague, String location) {
		ObjectNode node = ScimJson.object();
		node.putArray("schemas").add(ScimSchemas.USER);
		node.put("id", colleague.linkId());
		putProfile(node, colleague.profile());
		node.set("meta", Meta.of("User", colleague.createdAt(), colleague.updatedAt(), colleague.version(), location));
		return node;
	}

	/**
	 * Writes the attributes a client sets, without id and meta, as the base of a PATCH.
	 */
	static ObjectNode writeProfile(ColleagueProfile profile) {
		ObjectNode node = ScimJson.object();
		node.putArray("schemas").add(ScimSchemas.USER);
		putProfile(node, profile);
		return node;
	}

	private static void putProfile(ObjectNode node, ColleagueProfile p) {
		JsonAttributes.putText(node, "externalId", p.externalId());
		node.put("userName", p.userName());
		ObjectNode name = ScimJson.object();
		JsonAttributes.putText(name, "formatted", p.formattedName());
		JsonAttributes.putText(name, "familyName", p.familyName());
		JsonAttributes.putText(name, "givenName", p.givenName());
		if (!name.isEmpty()) {
			node.set("name", name);
		}
		JsonAttributes.putText(node, "displayName", p.displayName());
		JsonAttributes.putText(node, "title", p.title());
		node.put("active", p.active());
		putValues(node, "emails", p.emails());
		putValues(node, "roles", p.roles());
		ObjectNode enterprise = enterprise(p);
		if (!enterprise.isEmpty()) {
			((ArrayNode) node.get("schemas")).add(ScimSchemas.ENTERPRISE_USER);
			node.set(ScimSchemas.ENTERPRISE_USER, enterprise);
		}
		if (p.role() != null) {
			((ArrayNode) node.get("schemas")).add(ScimSchemas.ROSTER_USER);
			node.putObject(ScimSchemas.ROSTER_USER).put("role", p.role());
		}
	}

	/**
	 * Returns the product role a resource states, or {@code null} when it states none.
	 * @throws BadRequestException {@code invalidValue} for an unknown role or for
	 * {@code roles} without a primary value among several
	 */
	static @Nullable String role(ObjectNode resource) throws BadRequestException {
		String extensionRole = extensionRole(resource);
		return (extensionRole != null) ? extensionRole : roleOfRoles(JsonAttributes.multiValues(resource, "roles"));
	}

	/** Returns the validated role of the Roster extension, or {@code null}. */
	static @Nullable String extensionRole(ObjectNode resource) throws BadRequestException {
		ObjectNode roster = JsonAttributes.object(resource, ScimSchemas.ROSTER_USER, ScimSchemas.ROSTER_USER);
		String qualified = ScimSchemas.ROSTER_USER + ":role";
		String role = JsonAttributes.text(roster, "role", qualified);
		return (role != null) ? productRole(role, qualified) : null;
	}

	/**
	 * Returns the validated role that {@code roles} states: the primary value, or the
	 * only one; {@code null} when there are no roles.
	 */
	static @Nullable String roleOfRoles(List<MultiValue> roles) throws BadRequestException {
		List<MultiValue> primary = roles.stream().filter(MultiValue::primary).toList();
		if (primary.size() > 1) {
			throw BadRequestException.invalidValue("'roles' has " + primary.size()
					+ " primary values; at most one value may be primary (RFC 7643 section 2.4)");
		}
		if (primary.size() == 1) {
			return productRole(primary.get(0).value(), "roles");
		}
		if (roles.size() > 1) {
			throw BadRequestException.invalidValue("'roles' has " + roles.size() + " values and none is primary;"
					+ " mark the product role primary or send one of " + Role.codes());
		}
		return roles.isEmpty() ? null : productRole(roles.get(0).value(), "roles");
	}

	private static String productRole(String value, String attribute) throws BadRequestException {
		Role role = Role.parse(value).orElse(null);
		if (role == null) {
			throw BadRequestException.invalidValue("'" + attribute + "' has the unknown role '" + value
					+ "'; the allowed values are " + Role.codes() + " (in any case)");
		}
		return role.code();
	}

	/**
	 * Returns the SCIM names of the attributes a directory change touched, such as
	 * {@code userName} for the colleague's email; changes that no attribute shows (the
	 * link, the manager of the record) are left out.
	 */
	static List<String> attributeNames(List<FieldChange> changes) {
		Set<String> names = new LinkedHashSet<>();
		for (FieldChange change : changes) {
			String name = switch (change.field()) {
				case "email" -> "userName";
				case "givenName" -> "name.givenName";
				case "familyName" -> "name.familyName";
				case "formattedName" -> "name.formatted";
				case "managedBy", "scimId", "team" -> null;
				case "role" -> ScimSchemas.ROSTER_USER + ":role";
				case "employeeNumber", "department", "costCenter", "organization", "division", "manager" ->
					ScimSchemas.ENTERPRISE_USER + ":" + change.field();
				default -> change.field();
			};
			if (name != null) {
				names.add(name);
			}
		}
		return List.copyOf(names);
	}

	private static ObjectNode enterprise(ColleagueProfile p) {
		ObjectNode enterprise = ScimJson.object();
		JsonAttributes.putText(enterprise, "employeeNumber", p.employeeNumber());
		JsonAttributes.putText(enterprise, "costCenter", p.costCenter());
		JsonAttributes.putText(enterprise, "organization", p.organization());
		JsonAttributes.putText(enterprise, "division", p.division());
		JsonAttributes.putText(enterprise, "department", p.department());
		if (p.managerLinkId() != null) {
			enterprise.putObject("manager").put("value", p.managerLinkId());
		}
		return enterprise;
	}

	private static void putValues(ObjectNode node, String name, List<MultiValue> values) {
		if (values.isEmpty()) {
			return;
		}
		ArrayNode array = node.putArray(name);
		for (MultiValue value : values) {
			ObjectNode item = array.addObject();
			item.put("value", value.value());
			JsonAttributes.putText(item, "type", value.type());
			JsonAttributes.putText(item, "display", value.display());
			if (value.primary()) {
				item.put("primary", true);
			}
		}
	}

	private static @Nullable String enterpriseText(@Nullable ObjectNode enterprise, String name)
			throws BadRequestException {
		return JsonAttributes.text(enterprise, name, ScimSchemas.ENTERPRISE_USER + ":" + name);
	}

	private static @Nullable String managerId(@Nullable ObjectNode enterprise) throws BadRequestException {
		JsonNode manager = (enterprise != null) ? enterprise.get("manager") : null;
		if (manager == null || manager.isNull()) {
			return null;
		}
		String qualified = ScimSchemas.ENTERPRISE_USER + ":manager";
		ObjectNode object = JsonAttributes.object(enterprise, "manager", qualified);
		String value = JsonAttributes.text(object, "value", qualified + ".value");
		return (value == null || value.isEmpty()) ? null : value;
	}

}
