package io.roster.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * bulkId references (RFC 7644 section 3.7.2): the string {@code "bulkId:b1"} stands for
 * the id of the resource that the Bulk POST with bulkId {@code b1} creates. A reference
 * is a whole string value anywhere in an operation's data, such as a member's
 * {@code value} or the enterprise {@code manager.value}, or the id in its path, such as
 * {@code /Users/bulkId:b1}. Inside a PATCH filter it is a quoted comparison value, as in
 * {@code members[value eq "bulkId:b1"]}.
 */
final class BulkReferences {

	static final String PREFIX = "bulkId:";

	private static final Pattern QUOTED = Pattern.compile("\"" + PREFIX + "([^\"]*)\"");

	private BulkReferences() {
	}

	/** Adds the bulkIds that the string values in a JSON tree reference. */
	static void collect(@Nullable JsonNode node, Set<String> bulkIds) {
		if (node == null) {
			return;
		}
		if (node.isString()) {
			collect(node.stringValue(), bulkIds);
			return;
		}
		for (JsonNode child : node) {
			collect(child, bulkIds);
		}
	}

	/** Adds the bulkIds that one string references. */
	static void collect(String text, Set<String> bulkIds) {
		if (text.startsWith(PREFIX)) {
			bulkIds.add(text.substring(PREFIX.length()));
			return;
		}
		Matcher matcher = QUOTED.matcher(text);
		while (matcher.find()) {
			bulkIds.add(matcher.group(1));
		}
	}

	/**
	 * Replaces every reference in a JSON tree, in place, with the id it stands for.
	 * @param ids the created id of every referenced bulkId
	 */
	static void resolve(JsonNode node, Map<String, String> ids) {
		if (node instanceof ObjectNode object) {
			for (String name : new ArrayList<>(object.propertyNames())) {
				JsonNode value = object.get(name);
				if (value.isString()) {
					object.put(name, resolve(value.stringValue(), ids));
				}
				else {
					resolve(value, ids);
				}
			}
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				JsonNode value = array.get(i);
				if (value.isString()) {
					array.set(i, array.stringNode(resolve(value.stringValue(), ids)));
				}
				else {
					resolve(value, ids);
				}
			}
		}
	}

	/**
	 * Replaces the references in one string with the ids they stand for.
	 * @param ids the created id of every referenced bulkId
	 */
	static String resolve(String text, Map<String, String> ids) {
		if (text.startsWith(PREFIX)) {
			return ids.get(text.substring(PREFIX.length()));
		}
		Matcher matcher = QUOTED.matcher(text);
		return matcher.replaceAll((match) -> Matcher.quoteReplacement("\"" + ids.get(match.group(1)) + "\""));
	}

	/**
	 * Lists the references in a set of bulkIds for an error detail, such as "bulkId:b1".
	 */
	static String describe(List<String> bulkIds) {
		return String.join(", ", bulkIds.stream().map((bulkId) -> PREFIX + bulkId).toList());
	}

}
