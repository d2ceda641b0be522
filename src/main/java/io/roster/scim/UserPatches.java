package io.roster.scim;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;

import io.roster.directory.ColleagueProfile;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies PATCH operations to a User: the profile is written as SCIM JSON, each operation
 * is applied by the UnboundID SDK (which implements every path form of RFC 7644 section
 * 3.5.2), and the result is read back and validated like a PUT body.
 */
final class UserPatches {

	private static final Set<String> CORE = Set.of("username", "name", "displayname", "title", "active", "emails",
			"roles", "externalid");

	private static final Set<String> ENTERPRISE = Set.of("employeenumber", "department", "costcenter", "organization",
			"division", "manager");

	private static final Set<String> READ_ONLY = Set.of("id", "meta", "schemas", "groups");

	/**
	 * Attributes of the RFC 7643 User schema that Roster does not store. Operations on
	 * them succeed and change nothing, because identity providers re-send them on every
	 * cycle (Entra's {@code nickName}, Okta's {@code password} sync) and a 400 would stop
	 * the sync.
	 */
	private static final Set<String> IGNORED = Set.of("nickname", "profileurl", "usertype", "preferredlanguage",
			"locale", "timezone", "password", "phonenumbers", "ims", "photos", "addresses", "entitlements",
			"x509certificates");

	private UserPatches() {
	}

	/**
	 * Applies the operations to a colleague's profile. The role changes when an operation
	 * changes the Roster extension's {@code role}, or else changes {@code roles}; then
	 * the primary or only value of {@code roles} is the role.
	 */
	static ColleagueProfile apply(ColleagueProfile current, List<PatchOps.Op> ops) throws ScimException {
		ObjectNode resource = UserResources.writeProfile(current);
		for (PatchOps.Op given : ops) {
			PatchOps.Op op = given.withoutCoreSchema(ScimSchemas.USER);
			if (op.path() != null && isIgnored(op.path())) {
				continue;
			}
			UntypedEmail.assignTypeForFilter(resource, op.path());
			PatchOperation operation = operation(op);
			if (operation != null) {
				operation.apply(resource);
			}
			// Each operation must leave a valid User (RFC 7644 section 3.5.2), so a value
			// of the wrong type fails even when a later operation replaces it.
			UserResources.read(resource);
		}
		ColleagueProfile patched = UserResources.read(resource);
		String extensionRole = UserResources.extensionRole(resource);
		if (extensionRole != null && !extensionRole.equals(current.role())) {
			return patched.withRole(extensionRole);
		}
		if (!patched.roles().equals(current.roles())) {
			return patched.withRole(UserResources.roleOfRoles(patched.roles()));
		}
		return patched.withRole(null);
	}

	/**
	 * Returns the SDK operation, or {@code null} for a path-less value without any
	 * attribute Roster stores (Okta's password sync), which changes nothing.
	 */
	private static @Nullable PatchOperation operation(PatchOps.Op op) throws ScimException {
		Path path = op.path();
		if (path == null) {
			ObjectNode known = knownAttributes((ObjectNode) op.value());
			return known.isEmpty() ? null : PatchOperation.create(op.type(), Path.root(), known);
		}
		checkPath(path);
		if (op.type() == PatchOpType.REMOVE) {
			return PatchOperation.remove(path);
		}
		return PatchOperation.create(op.type(), path, op.value());
	}

	private static boolean isIgnored(Path path) {
		String urn = path.getSchemaUrn();
		return (urn == null || urn.equalsIgnoreCase(ScimSchemas.USER)) && !path.isRoot()
				&& IGNORED.contains(path.getElement(0).getAttribute().toLowerCase(Locale.ROOT));
	}

	private static void checkPath(Path path) throws BadRequestException {
		String urn = path.getSchemaUrn();
		String attribute = path.isRoot() ? "" : path.getElement(0).getAttribute().toLowerCase(Locale.ROOT);
		if (urn != null && urn.equalsIgnoreCase(ScimSchemas.ENTERPRISE_USER)) {
			if (path.isRoot() || ENTERPRISE.contains(attribute)) {
				return;
			}
		}
		else if (urn != null && urn.equalsIgnoreCase(ScimSchemas.ROSTER_USER)) {
			if (path.isRoot() || attribute.equals("role")) {
				return;
			}
		}
		else if (urn == null || urn.equalsIgnoreCase(ScimSchemas.USER)) {
			if (READ_ONLY.contains(attribute)) {
				throw BadRequestException.mutability("'" + path + "' is read-only");
			}
			if (CORE.contains(attribute)) {
				return;
			}
		}
		throw BadRequestException.invalidPath("'" + path + "' is not an attribute of a User in Roster");
	}

	/**
	 * Drops keys of a path-less value that name no writable attribute (RFC 7644 section
	 * 3.5.2).
	 */
	private static ObjectNode knownAttributes(ObjectNode value) {
		ObjectNode known = ScimJson.object();
		for (String name : value.propertyNames()) {
			JsonNode child = value.get(name);
			if (CORE.contains(name.toLowerCase(Locale.ROOT)) || name.equalsIgnoreCase(ScimSchemas.ENTERPRISE_USER)
					|| name.equalsIgnoreCase(ScimSchemas.ROSTER_USER)) {
				known.set(name, child);
			}
		}
		return known;
	}

}
