package io.roster.scim;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.unboundid.scim2.common.exceptions.BadRequestException;

import io.roster.directory.MultiValue;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Typed reads of attributes from a resource body, each failing with {@code invalidValue}
 * naming the attribute and the expected type. A JSON null reads as an absent value (RFC
 * 7643 section 2.5).
 */
final class JsonAttributes {

	private JsonAttributes() {
	}

	static @Nullable String text(@Nullable JsonNode parent, String name, String qualifiedName)
			throws BadRequestException {
		JsonNode node = (parent != null) ? parent.get(name) : null;
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			throw BadRequestException.invalidValue("'" + qualifiedName + "' must be a string, not " + kind(node));
		}
		if (node.stringValue().indexOf('\u0000') >= 0) {
			// PostgreSQL cannot store the character, so H2 must not either.
			throw BadRequestException
				.invalidValue("'" + qualifiedName + "' must not contain the NUL character (U+0000)");
		}
		return node.stringValue();
	}

	static boolean bool(@Nullable JsonNode parent, String name, String qualifiedName, boolean absent)
			throws BadRequestException {
		JsonNode node = (parent != null) ? parent.get(name) : null;
		if (node == null || node.isNull()) {
			return absent;
		}
		if (!node.isBoolean()) {
			throw BadRequestException.invalidValue("'" + qualifiedName + "' must be true or false, not " + kind(node));
		}
		return node.booleanValue();
	}

	static @Nullable ObjectNode object(@Nullable JsonNode parent, String name, String qualifiedName)
			throws BadRequestException {
		JsonNode node = (parent != null) ? parent.get(name) : null;
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isObject()) {
			throw BadRequestException.invalidValue("'" + qualifiedName + "' must be a JSON object, not " + kind(node));
		}
		return (ObjectNode) node;
	}

	static @Nullable ArrayNode array(@Nullable JsonNode parent, String name) throws BadRequestException {
		JsonNode node = (parent != null) ? parent.get(name) : null;
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isArray()) {
			throw BadRequestException.invalidValue("'" + name + "' must be a JSON array, not " + kind(node));
		}
		return (ArrayNode) node;
	}

	/**
	 * Reads a multi-valued attribute whose values are
	 * {@code value, type, display, primary}.
	 */
	static List<MultiValue> multiValues(ObjectNode resource, String name) throws BadRequestException {
		ArrayNode array = array(resource, name);
		List<MultiValue> values = new ArrayList<>();
		if (array == null) {
			return values;
		}
		for (JsonNode item : array) {
			if (!item.isObject()) {
				throw BadRequestException
					.invalidValue("Each value of '" + name + "' must be a JSON object, not " + kind(item));
			}
			String value = text(item, "value", name + ".value");
			if (value == null || value.isEmpty()) {
				throw BadRequestException.invalidValue("Each value of '" + name + "' needs a non-empty 'value'");
			}
			values.add(new MultiValue(value, text(item, "type", name + ".type"),
					text(item, "display", name + ".display"), bool(item, "primary", name + ".primary", false)));
		}
		return values;
	}

	static void putText(ObjectNode node, String name, @Nullable String value) {
		if (value != null) {
			node.put(name, value);
		}
	}

	static String kind(JsonNode node) {
		if (node.isString()) {
			return "the string " + abbreviate(node.stringValue());
		}
		return switch (node.getNodeType()) {
			case ARRAY -> "an array";
			case OBJECT -> "an object";
			case BOOLEAN -> "the boolean " + node.booleanValue();
			case NUMBER -> "the number " + node;
			default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
		};
	}

	private static String abbreviate(String value) {
		String quoted = (value.length() > 60) ? value.substring(0, 60) + "..." : value;
		return "\"" + quoted + "\"";
	}

}
