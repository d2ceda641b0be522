package io.roster.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.messages.PatchOpType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operations of a PATCH request (RFC 7644 section 3.5.2), checked for shape: each has
 * an {@code op} of add, remove or replace, a parsable {@code path} where given, a
 * {@code value} for add and replace, and a path for remove.
 */
final class PatchOps {

	static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

	/**
	 * Limit on operations in one request, so one request cannot hold the row lock for
	 * long.
	 */
	static final int MAX_OPERATIONS = 1000;

	/** One operation; {@code path} is {@code null} for a path-less add or replace. */
	record Op(PatchOpType type, @Nullable Path path, @Nullable JsonNode value) {

		/**
		 * Returns the lower-cased name of the path's first attribute, or an empty string.
		 */
		String attribute() {
			return (this.path == null || this.path.isRoot()) ? ""
					: this.path.getElement(0).getAttribute().toLowerCase(Locale.ROOT);
		}

		/**
		 * Returns this operation with the schema URN left out of its path when the URN is
		 * {@code coreSchema}, the core schema of the resource type. The UnboundID SDK
		 * applies a path such as {@code urn:ietf:params:scim:schemas:core:2.0:User:title}
		 * inside an object named by the URN instead of to {@code title}, so the value
		 * would be dropped.
		 */
		Op withoutCoreSchema(String coreSchema) {
			String urn = (this.path != null) ? this.path.getSchemaUrn() : null;
			if (urn == null || !urn.equalsIgnoreCase(coreSchema)) {
				return this;
			}
			Path unqualified = Path.root();
			for (Path.Element element : this.path) {
				unqualified = unqualified.attribute(element.getAttribute(), element.getValueFilter());
			}
			return new Op(this.type, unqualified, this.value);
		}

	}

	private PatchOps() {
	}

	static List<Op> parse(ObjectNode body) throws BadRequestException {
		JsonNode operations = body.get("Operations");
		if (operations == null || !operations.isArray() || operations.isEmpty()) {
			throw BadRequestException
				.invalidSyntax("A PATCH request needs a non-empty 'Operations' array (" + PATCH_OP + ")");
		}
		if (operations.size() > MAX_OPERATIONS) {
			throw BadRequestException.invalidValue(
					"A PATCH request may hold at most " + MAX_OPERATIONS + " operations, not " + operations.size());
		}
		List<Op> ops = new ArrayList<>();
		for (JsonNode operation : operations) {
			ops.add(parseOne(operation, ops.size()));
		}
		return ops;
	}

	private static Op parseOne(JsonNode operation, int index) throws BadRequestException {
		String where = "Operations[" + index + "]";
		if (!operation.isObject()) {
			throw BadRequestException.invalidSyntax(where + " must be a JSON object");
		}
		PatchOpType type = type(operation.get("op"), where);
		Path path = path(operation.get("path"), where);
		JsonNode value = operation.get("value");
		if (type != PatchOpType.REMOVE && (value == null || value.isNull())) {
			throw BadRequestException.invalidValue(where + " (" + type + ") needs a 'value'");
		}
		// The UnboundID SDK rejects an empty object with an unchecked exception, which
		// would be a 500.
		if (type != PatchOpType.REMOVE && value.isObject() && value.isEmpty() && path != null) {
			throw BadRequestException.invalidValue(
					where + " (" + type + ") has an empty object as its 'value'. Send the new value of '" + path + "'");
		}
		if (path == null && type == PatchOpType.REMOVE) {
			throw BadRequestException.noTarget(where + " (remove) needs a 'path'");
		}
		if (path == null && !value.isObject()) {
			throw BadRequestException.invalidValue(where + " has no 'path', so its 'value' must be a JSON object of"
					+ " attributes, not " + JsonAttributes.kind(value));
		}
		return new Op(type, path, value);
	}

	private static PatchOpType type(@Nullable JsonNode op, String where) throws BadRequestException {
		if (op != null && op.isString()) {
			switch (op.stringValue()) {
				case "add":
					return PatchOpType.ADD;
				case "remove":
					return PatchOpType.REMOVE;
				case "replace":
					return PatchOpType.REPLACE;
				default:
					break;
			}
		}
		throw BadRequestException.invalidSyntax(where + " needs an 'op' of add, remove or replace, not "
				+ ((op == null) ? "nothing" : JsonAttributes.kind(op)));
	}

	private static @Nullable Path path(@Nullable JsonNode path, String where) throws BadRequestException {
		if (path == null || path.isNull() || (path.isString() && path.stringValue().isBlank())) {
			return null;
		}
		if (!path.isString()) {
			throw BadRequestException.invalidPath(where + " 'path' must be a string");
		}
		if (Filters.hasUnclosedValueFilter(path.stringValue())) {
			throw BadRequestException
				.invalidPath(where + " has an invalid path '" + path.stringValue() + "': a '[' has no matching ']'");
		}
		if (hasTextAfterValueFilter(path.stringValue())) {
			throw BadRequestException.invalidPath(where + " has an invalid path '" + path.stringValue()
					+ "': only '.' and a sub-attribute may follow ']'");
		}
		try {
			return Path.fromString(path.stringValue());
		}
		catch (BadRequestException | RuntimeException ex) {
			throw BadRequestException.invalidPath(where + " has an invalid path '" + path.stringValue() + "'");
		}
	}

	/**
	 * Returns whether anything but {@code .} follows a {@code ]} outside quoted strings.
	 * RFC 7644 section 3.5.2 allows only {@code valuePath [subAttr]}, but the UnboundID
	 * parser (scim2-sdk-common 6.0.0) reads {@code emails[type eq "work"]value} as
	 * {@code emails[type eq "work"].value}.
	 */
	private static boolean hasTextAfterValueFilter(String path) {
		boolean quoted = false;
		for (int i = 0; i < path.length(); i++) {
			char c = path.charAt(i);
			if (quoted) {
				if (c == '\\') {
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ']' && i + 1 < path.length() && path.charAt(i + 1) != '.') {
				return true;
			}
		}
		return false;
	}

}
