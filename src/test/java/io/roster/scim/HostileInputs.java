package io.roster.scim;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import io.roster.scim.ReferenceFilter.Attribute;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generators of hostile requests that Roster must reject: filters that are invalid by
 * construction, malformed PATCH bodies and paths, and resource bodies with random JSON
 * around at least one value of the wrong type. Each generator documents why its output
 * can never be valid.
 */
final class HostileInputs {

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

	/**
	 * Comparisons on attributes that Roster does not serve, or under the wrong schema.
	 */
	private static final List<String> UNKNOWN_USER_ATTRIBUTES = List.of("foo", "nickName", "name.middleName",
			"emails.foo", "meta.version", "groups.value", "password", "members.value", "x509Certificates.value", "name",
			"manager", ReferenceFilter.ENTERPRISE + ":userName", ReferenceFilter.USER + ":department",
			ReferenceFilter.GROUP + ":displayName", "urn:example:params:custom:1.0:User:title",
			ReferenceFilter.ENTERPRISE + ":emails.value", "userName.value");

	private static final List<String> UNKNOWN_GROUP_ATTRIBUTES = List.of("foo", "userName", "emails.value", "title",
			"members.display.value", "displayName.value", ReferenceFilter.USER + ":displayName",
			ReferenceFilter.ENTERPRISE + ":department", "urn:example:params:custom:1.0:Group:displayName");

	/** Comparisons whose value or operator does not fit the attribute's type. */
	private static final List<String> MISTYPED_USER_COMPARISONS = List.of("active eq \"true\"", "active eq 1",
			"active ne \"false\"", "emails.primary eq \"yes\"", "emails[primary eq 0]", "title eq 42",
			"userName eq true", "displayName sw 1.5", "title eq 1e999", "externalId eq false",
			"meta.created gt \"yesterday\"", "meta.created eq 5", "meta.lastModified lt true",
			"meta.created ge \"2026-13-45T00:00:00Z\"", "meta.created gt \"\"", "meta.created eq \"2026-01-01\"",
			"active gt true", "active co \"t\"", "active sw true", "emails.primary lt false",
			"meta.created co \"2026\"", "meta.created sw \"2026\"", "title gt null", "title co null",
			"userName sw null", "meta.created lt null", "title eq [1]", "title eq {\"a\": 1}",
			ReferenceFilter.ENTERPRISE + ":department eq 7", "roles[primary ew true]");

	private static final List<String> MISTYPED_GROUP_COMPARISONS = List.of("displayName eq 5", "members.value eq true",
			"members[display eq 1]", "meta.created gt \"soon\"", "id co null", "externalId eq [\"x\"]",
			"meta.lastModified sw \"2026\"", "displayName lt false");

	/** Texts that break the filter grammar of RFC 7644 section 3.4.2.2. */
	private static final List<String> BROKEN_SYNTAX = List.of("userName \"x\"", "userName like \"x\"",
			"userName = \"x\"", "userName == \"x\"", "userName eq", "userName eq bob", "userName eq 'bob'",
			"userName eq \"x\" garbage", "and", "or userName pr", "userName pr and", "userName eq \"abc",
			"userName eq \"\\q\"", "' OR 1=1 --", "userName eq \"x\" OR 1=1 --", "1=1",
			"userName eq \"x\"; DROP TABLE colleague; --", "userName eq \"x\" -- comment", "userName eq \"x\" /* c */",
			"()", "(", ")", "[]", "not ()", "not (", "userName[]", "emails[type eq \"work\"]]",
			"emails[[type eq \"work\"]]", "eq \"x\"", "\"userName\" eq \"x\"", "userName pr pr",
			"userName eq \"x\" \"y\"", "userName eq \"x\" and and userName pr", "*", "%",
			"userName eq \"%\" OR \"1\"=\"1\"", "emails[type eq \"work\" and value co \"x\"", "emails[]", "emails[ ]",
			"emails[type eq \"work\"", "userName eq \"x\"\u0000", "userName eq \"x\" and (",
			"emails[type eq \"a\"[value eq \"b\"]]", "emails[emails[type eq \"a\"]]");

	private static final String HOSTILE_CHARACTERS = "()[]\"'\\ %_=<>!;-*/.:,{}@#$^&|~`?+\t\n\r\u0000\u0001éß李😀";

	private HostileInputs() {
	}

	/**
	 * Returns a filter that is invalid for the endpoint, built around a valid one.
	 * @param users whether the filter is for /Users rather than /Groups
	 * @param valid a valid filter for the endpoint
	 */
	static String invalidFilter(Random random, boolean users, String valid) {
		List<String> unknown = users ? UNKNOWN_USER_ATTRIBUTES : UNKNOWN_GROUP_ATTRIBUTES;
		List<String> mistyped = users ? MISTYPED_USER_COMPARISONS : MISTYPED_GROUP_COMPARISONS;
		return switch (random.nextInt(12)) {
			// A filter can never start with ')' or end inside an open parenthesis.
			case 0 -> ")" + valid;
			case 1 -> "(" + valid;
			case 2 -> valid + ")";
			case 3 -> valid + " " + ReferenceFilter.randomCase(random.nextBoolean() ? "and" : "or", random);
			case 4 -> embed(random, valid, pick(random, unknown) + " eq \"x\"");
			case 5 -> embed(random, valid, pick(random, mistyped));
			case 6 -> pick(random, BROKEN_SYNTAX);
			case 7 -> randomCharacters(random, 1 + random.nextInt(40)) + " and (";
			// Longer than the 4096 characters Roster accepts.
			case 8 -> valid + " and title eq \"" + "x".repeat(4097) + "\"";
			case 9 -> "(".repeat(1 + random.nextInt(3000)) + valid;
			case 10 -> embed(random, valid, pick(random, BROKEN_SYNTAX));
			// A string that never ends.
			default -> valid + " and title eq \"unterminated";
		};
	}

	/**
	 * Joins a valid filter with an invalid part, which makes the whole filter invalid.
	 */
	private static String embed(Random random, String valid, String invalid) {
		return switch (random.nextInt(4)) {
			case 0 -> valid + " and (" + invalid + ")";
			case 1 -> invalid + " or " + valid;
			case 2 -> "not (" + invalid + ")";
			default -> "(" + valid + ") or (" + invalid + ")";
		};
	}

	static String randomCharacters(Random random, int length) {
		StringBuilder text = new StringBuilder();
		int[] characters = HOSTILE_CHARACTERS.codePoints().toArray();
		for (int i = 0; i < length; i++) {
			text.appendCodePoint(
					random.nextBoolean() ? characters[random.nextInt(characters.length)] : 'a' + random.nextInt(26));
		}
		return text.toString();
	}

	/** Values that mean something to SQL, LIKE or the filter grammar, meant literally. */
	static String hostileValue(Random random) {
		List<String> values = List.of("' OR 1=1 --", "%", "_", "%%", "\\", "\\%", "a%b", "x' --",
				"\"); DROP TABLE" + " colleague; --", "*", "?", "[", "]", "\" or \"1\"=\"1", "\t\n", "\u0001", "😀",
				"'", "''", "%_%", "x".repeat(3000), randomCharacters(random, 20));
		return pick(random, values);
	}

	/**
	 * A valid filter with deep nesting or a long chain around one comparison, which
	 * matches exactly what the comparison matches.
	 *
	 * @param depth the levels of parentheses added around the comparison
	 * @param copies how many times the comparison appears
	 */
	record Nested(String text, int depth, int copies) {

	}

	static Nested nested(Random random, String comparison) {
		if (comparison.length() > 200) {
			return new Nested(comparison, 0, 1);
		}
		int repeat = 1 + random.nextInt(5000 / comparison.length());
		return switch (random.nextInt(4)) {
			case 0 -> {
				int depth = random.nextBoolean() ? 1 + random.nextInt(60) : 1 + random.nextInt(1500);
				yield new Nested("(".repeat(depth) + comparison + ")".repeat(depth), depth, 1);
			}
			case 1 -> {
				// An even number of negations cancels out.
				int depth = 2 * (random.nextBoolean() ? 1 + random.nextInt(30) : 1 + random.nextInt(300));
				yield new Nested("not (".repeat(depth) + comparison + ")".repeat(depth), depth, 1);
			}
			case 2 -> new Nested(String.join(" and ", Collections.nCopies(repeat, comparison)), 0, repeat);
			default -> new Nested(String.join(" or ", Collections.nCopies(repeat, comparison)), 0, repeat);
		};
	}

	/** Returns a PATCH body that is malformed or has at least one invalid operation. */
	static String invalidPatch(Random random, boolean user, List<String> userIds) {
		int choice = random.nextInt(10);
		if (choice == 0) {
			return write(randomJson(random, 3, false));
		}
		if (choice == 1) {
			return malformedJson(random);
		}

		ObjectNode patch = JSON.objectNode();
		patch.putArray("schemas").add(PATCH_OP);
		if (choice == 2) {
			JsonNode[] containers = { null, JSON.nullNode(), JSON.stringNode("add"), JSON.objectNode(),
					JSON.arrayNode(), JSON.numberNode(5) };
			JsonNode container = containers[random.nextInt(containers.length)];
			if (container != null) {
				patch.set(random.nextBoolean() ? "Operations" : "operations!", container);
			}
			return write(patch);
		}

		ArrayNode operations = patch.putArray("Operations");
		if (choice == 3) {
			// More than the 1000 operations Roster accepts in one request.
			for (int i = 0; i < 1001; i++) {
				operations.add(user ? validUserOperation(random) : validGroupOperation(random, userIds));
			}
			return write(patch);
		}

		int before = random.nextInt(3);
		for (int i = 0; i < before; i++) {
			operations.add(user ? validUserOperation(random) : validGroupOperation(random, userIds));
		}
		operations.add(user ? invalidUserOperation(random) : invalidGroupOperation(random, userIds));
		int after = random.nextInt(2);
		for (int i = 0; i < after; i++) {
			operations.add(user ? validUserOperation(random) : validGroupOperation(random, userIds));
		}
		return write(patch);
	}

	/** Returns a valid PATCH body, for requests that must fail for another reason. */
	static String validPatch(Random random, boolean user, List<String> userIds) {
		ObjectNode patch = JSON.objectNode();
		patch.putArray("schemas").add(PATCH_OP);
		patch.putArray("Operations").add(user ? validUserOperation(random) : validGroupOperation(random, userIds));
		return write(patch);
	}

	private static ObjectNode validUserOperation(Random random) {
		return switch (random.nextInt(6)) {
			case 0 -> operation("replace", "title", JSON.stringNode(RandomText.token(random)));
			case 1 -> operation("add", "emails", JSON.arrayNode()
				.add(JSON.objectNode().put("value", "added" + random.nextInt(1000) + "@x.example")));
			case 2 -> operation("replace", "active", JSON.booleanNode(random.nextBoolean()));
			case 3 -> operation("replace", "name.givenName", JSON.stringNode(RandomText.token(random)));
			case 4 -> operation("replace", ReferenceFilter.ENTERPRISE + ":department",
					JSON.stringNode(RandomText.token(random)));
			default -> operation("replace", null, JSON.objectNode().put("displayName", RandomText.token(random)));
		};
	}

	private static ObjectNode validGroupOperation(Random random, List<String> userIds) {
		String member = pick(random, userIds);
		return switch (random.nextInt(4)) {
			case 0 -> operation("replace", "displayName", JSON.stringNode("Renamed " + random.nextLong()));
			case 1 -> operation("add", "members", JSON.arrayNode().add(JSON.objectNode().put("value", member)));
			case 2 -> operation("remove", "members[value eq \"" + member + "\"]", null);
			default -> operation("replace", "externalId", JSON.stringNode(RandomText.token(random)));
		};
	}

	/**
	 * Operations that are invalid whatever the User: their shape, path or value is wrong.
	 */
	private static ObjectNode invalidUserOperation(Random random) {
		return switch (random.nextInt(8)) {
			case 0, 1 -> invalidShape(random, "title");
			case 2 ->
				operation(pick(random, List.of("add", "replace")),
						pick(random, List.of("id", "meta", "meta.created", "schemas", "groups", "meta.version", "foo",
								"nickNames", "urn:example:params:custom:1.0:User:title",
								ReferenceFilter.GROUP + ":displayName", ReferenceFilter.ENTERPRISE + ":userName",
								"title[value eq \"x\"]", "name[givenName eq \"x\"]", "userName[value eq \"x\"]")),
						JSON.stringNode("x"));
			case 3 -> operation("remove", pick(random, List.of("userName", "id", "meta", "schemas")), null);
			case 4 -> mistypedUserValue(random);
			case 5 -> operation(pick(random, List.of("add", "replace")), null, pick(random,
					List.of(JSON.stringNode("x"), JSON.numberNode(5), JSON.arrayNode(), JSON.booleanNode(true))));
			case 6 -> {
				ObjectNode value = JSON.objectNode();
				Mistyped mistyped = pick(random, MISTYPED_USER_ATTRIBUTES);
				value.set(mistyped.name(), mistyped.value(random));
				yield operation(pick(random, List.of("add", "replace")), null, value);
			}
			default -> operation(pick(random, List.of("add", "replace", "remove")), pick(random, BROKEN_PATHS),
					JSON.stringNode("x"));
		};
	}

	private static ObjectNode mistypedUserValue(Random random) {
		Mistyped mistyped = pick(random, MISTYPED_USER_ATTRIBUTES);
		return operation("replace", mistyped.name(), mistyped.value(random));
	}

	private static ObjectNode invalidGroupOperation(Random random, List<String> userIds) {
		return switch (random.nextInt(7)) {
			case 0, 1 -> invalidShape(random, "displayName");
			case 2 -> operation(pick(random, List.of("add", "replace")),
					pick(random,
							List.of("id", "meta", "schemas", "meta.lastModified", "foo", "userName", "emails",
									"members.display", "members[value eq \"x\"].display",
									ReferenceFilter.USER + ":displayName")),
					JSON.stringNode("x"));
			case 3 -> operation("remove", pick(random, List.of("displayName", "id", "meta")), null);
			case 4 -> {
				Mistyped mistyped = pick(random, mistypedGroupAttributes(userIds));
				yield operation(mistyped.name().equals("members") ? "add" : "replace", mistyped.name(),
						mistyped.value(random));
			}
			case 5 -> operation("replace", "members[value eq \"" + pick(random, userIds) + "\"]",
					JSON.arrayNode().add(JSON.objectNode().put("value", pick(random, userIds))));
			default -> operation(pick(random, List.of("add", "replace", "remove")), pick(random, BROKEN_PATHS),
					JSON.stringNode("x"));
		};
	}

	/** Paths that RFC 7644 section 3.5.2's path grammar does not allow. */
	private static final List<String> BROKEN_PATHS = List.of("emails[type eq \"work\"", "emails[", "]",
			"name..givenName", "emails[type eq]", "\"userName\"", "emails[type eq \"x\"]]", "[type eq \"x\"]",
			"emails[type eq \"x\" and]", "title eq \"x\"", "..", "emails[value co \"x\"]garbage",
			"members[value eq \"x\"", "members[]", "emails[type eq \"a\"[value eq \"b\"]]");

	/** Operations with a missing or wrong op, a missing value or a missing path. */
	private static ObjectNode invalidShape(Random random, String path) {
		ObjectNode operation = JSON.objectNode();
		switch (random.nextInt(5)) {
			case 0 -> {
				JsonNode[] ops = { JSON.stringNode("delete"), JSON.stringNode("move"), JSON.stringNode("copy"),
						JSON.stringNode("test"), JSON.stringNode(""), JSON.stringNode("ad d"), JSON.numberNode(1),
						JSON.booleanNode(true), JSON.nullNode(), JSON.arrayNode().add("add"),
						JSON.objectNode().put("op", "add") };
				operation.set("op", ops[random.nextInt(ops.length)]);
				operation.put("path", path).put("value", "x");
			}
			case 1 -> operation.put("path", path).put("value", "x");
			case 2 -> {
				operation.put("op", random.nextBoolean() ? "add" : "replace").put("path", path);
				if (random.nextBoolean()) {
					operation.putNull("value");
				}
			}
			case 3 -> {
				operation.put("op", "remove");
				if (random.nextBoolean()) {
					operation.put("path", "");
				}
			}
			default -> {
				JsonNode[] paths = { JSON.numberNode(5), JSON.booleanNode(true), JSON.arrayNode().add(path),
						JSON.objectNode().put("path", path) };
				operation.put("op", "replace").set("path", paths[random.nextInt(paths.length)]);
				operation.put("value", "x");
			}
		}
		return operation;
	}

	private static ObjectNode operation(String op, String path, JsonNode value) {
		ObjectNode operation = JSON.objectNode().put("op", op);
		if (path != null) {
			operation.put("path", path);
		}
		if (value != null) {
			operation.set("value", value);
		}
		return operation;
	}

	/** An attribute name with values of the wrong type or shape for it. */
	private record Mistyped(String name, List<Function<Random, JsonNode>> values) {

		JsonNode value(Random random) {
			return pick(random, this.values).apply(random);
		}

	}

	private static final List<Mistyped> MISTYPED_USER_ATTRIBUTES = List.of(
			mistyped("userName", number(), bool(), array(), object(), text(""), text("   "), hugeNumber(),
					text("nul\u0000@example.com")),
			mistyped("name", text("x"), number(), array()),
			mistyped("name.givenName", number(), array(), object(), bool()),
			mistyped("displayName", number(), array(), object(), bool(), text("\u0000")),
			mistyped("title", number(), array(), object()), mistyped("externalId", number(), array(), object(), bool()),
			mistyped("active", text("maybe"), number(), array(), object(), text("yes")),
			mistyped("emails", text("x"), number(), object(), items(number()), items(text("x")), items(array()),
					items(JSON.objectNode().put("value", 5)), items(JSON.objectNode().put("value", "")),
					items(JSON.objectNode()),
					items(JSON.objectNode().put("value", "a@b.example").put("primary", "yes")),
					items(JSON.objectNode().put("value", "a@b.example").put("type", 5)),
					items(JSON.objectNode().put("value", "a\u0000@b.example"))),
			mistyped("roles", text("x"), number(), items(JSON.objectNode().put("display", "no value"))),
			mistyped(ReferenceFilter.ENTERPRISE, text("x"), number(), array()),
			mistyped(ReferenceFilter.ENTERPRISE + ":department", number(), array(), object()),
			mistyped(ReferenceFilter.ENTERPRISE + ":employeeNumber", number(), bool()),
			mistyped(ReferenceFilter.ENTERPRISE + ":manager", number(), array(), bool()),
			mistyped(ReferenceFilter.ENTERPRISE + ":manager.value", number(), array(), object()));

	/**
	 * Values longer than Roster's columns allow. Only a resource body sends them: in a
	 * PATCH, a later operation may still replace them before anything is stored.
	 */
	private static final List<Mistyped> OVERLONG_USER_ATTRIBUTES = List.of(
			mistyped("userName", text("u".repeat(321) + "@example.com")), mistyped("title", text("t".repeat(201))),
			mistyped("displayName", text("d".repeat(401))));

	private static final List<Mistyped> OVERLONG_GROUP_ATTRIBUTES = List
		.of(mistyped("displayName", text("d".repeat(401))), mistyped("externalId", text("e".repeat(321))));

	private static List<Mistyped> mistypedGroupAttributes(List<String> userIds) {
		String member = userIds.get(0);
		return List.of(
				mistyped("displayName", number(), text(""), text("   "), array(), object(), bool(), text("nul\u0000")),
				mistyped("externalId", number(), array()),
				mistyped("members", number(), text("x"), items(number()), items(JSON.objectNode()),
						items(JSON.objectNode().put("value", 5)), items(JSON.objectNode().put("value", "")),
						items(JSON.objectNode().put("value", "no-such-user")),
						items(JSON.objectNode().put("value", member).put("type", "Group")),
						items(JSON.objectNode().put("value", member).put("type", 5))));
	}

	@SafeVarargs
	private static Mistyped mistyped(String name, Function<Random, JsonNode>... values) {
		return new Mistyped(name, List.of(values));
	}

	private static Function<Random, JsonNode> number() {
		return (random) -> JSON.numberNode(random.nextInt());
	}

	private static Function<Random, JsonNode> hugeNumber() {
		return (random) -> JSON.numberNode(BigInteger.TEN.pow(40 + random.nextInt(400)));
	}

	private static Function<Random, JsonNode> bool() {
		return (random) -> JSON.booleanNode(random.nextBoolean());
	}

	private static Function<Random, JsonNode> array() {
		return (random) -> JSON.arrayNode().add(randomJson(random, 2, true));
	}

	private static Function<Random, JsonNode> object() {
		return (random) -> JSON.objectNode().set("x", randomJson(random, 2, true));
	}

	private static Function<Random, JsonNode> text(String text) {
		return (random) -> JSON.stringNode(text);
	}

	private static Function<Random, JsonNode> items(Function<Random, JsonNode> item) {
		return (random) -> JSON.arrayNode().add(item.apply(random));
	}

	private static Function<Random, JsonNode> items(JsonNode item) {
		return (random) -> JSON.arrayNode().add(item.deepCopy());
	}

	/**
	 * Returns a User or Group body that has random extra attributes and at least one
	 * attribute of the wrong type or shape, so Roster must reject it.
	 */
	static String invalidResource(Random random, boolean user, List<String> userIds) {
		int choice = random.nextInt(8);
		if (choice == 0) {
			return write(randomJson(random, 3, false));
		}
		if (choice == 1) {
			return malformedJson(random);
		}

		ObjectNode resource = JSON.objectNode();
		resource.putArray("schemas").add(user ? ReferenceFilter.USER : ReferenceFilter.GROUP);
		int extras = random.nextInt(4);
		for (int i = 0; i < extras; i++) {
			resource.set("x-" + random.nextInt(1000), randomJson(random, 3, true));
		}

		List<Mistyped> candidates = new ArrayList<>(user ? MISTYPED_USER_ATTRIBUTES : mistypedGroupAttributes(userIds));
		candidates.addAll(user ? OVERLONG_USER_ATTRIBUTES : OVERLONG_GROUP_ATTRIBUTES);
		Mistyped mistyped = pick(random, candidates);
		// Without the required attribute, the body is invalid even where the wrong value
		// is left out.
		String required = user ? "userName" : "displayName";
		if (!mistyped.name().equals(required) && random.nextInt(4) > 0) {
			resource.put(required, "valid." + random.nextLong() + "@example.com");
		}

		if (mistyped.name().startsWith(ReferenceFilter.ENTERPRISE + ":")) {
			String[] path = mistyped.name().substring(ReferenceFilter.ENTERPRISE.length() + 1).split("\\.");
			ObjectNode extension = resource.putObject(ReferenceFilter.ENTERPRISE);
			if (path.length == 2) {
				extension.putObject(path[0]).set(path[1], mistyped.value(random));
			}
			else {
				extension.set(path[0], mistyped.value(random));
			}
		}
		else if (mistyped.name().contains(".") && !mistyped.name().startsWith("urn:")) {
			String[] path = mistyped.name().split("\\.");
			resource.putObject(ReferenceFilter.randomCase(path[0], random))
				.set(ReferenceFilter.randomCase(path[1], random), mistyped.value(random));
		}
		else if (!mistyped.name().equals(required) || random.nextInt(10) > 0) {
			// Attribute names are case-insensitive (RFC 7643 section 2.1).
			resource.set(ReferenceFilter.randomCase(mistyped.name(), random), mistyped.value(random));
		}
		return write(resource);
	}

	/** Returns a random JSON value, an object only if {@code objects} allows it. */
	static JsonNode randomJson(Random random, int depth, boolean objects) {
		int choice = random.nextInt((depth > 0) ? 9 : 6);
		return switch (choice) {
			case 0 -> JSON.nullNode();
			case 1 -> JSON.booleanNode(random.nextBoolean());
			case 2 -> JSON.numberNode(random.nextLong());
			case 3 -> JSON.numberNode(random.nextGaussian() * 1e300);
			case 4 -> JSON.numberNode(BigInteger.valueOf(random.nextLong()).pow(1 + random.nextInt(20)));
			case 5 -> JSON.stringNode(randomCharacters(random, random.nextInt(30)));
			case 6, 7 -> {
				ArrayNode array = JSON.arrayNode();
				int size = random.nextInt(4);
				for (int i = 0; i < size; i++) {
					array.add(randomJson(random, depth - 1, true));
				}
				yield array;
			}
			default -> {
				if (!objects) {
					yield JSON.arrayNode().add(randomJson(random, depth - 1, true));
				}
				ObjectNode object = JSON.objectNode();
				int size = random.nextInt(4);
				for (int i = 0; i < size; i++) {
					object.set(randomCharacters(random, 1 + random.nextInt(8)), randomJson(random, depth - 1, true));
				}
				yield object;
			}
		};
	}

	/** Returns text that is not one JSON document. */
	static String malformedJson(Random random) {
		List<String> texts = new ArrayList<>(List.of("", " ", "{", "}", "{\"userName\": \"a\",}", "{'userName': 'a'}",
				"{userName: \"a\"}", "{\"userName\": NaN}", "{\"userName\": \"a\"} trailing",
				"{\"userName\": \"a\" /* comment */}", "{\"a\": \"\\x41\"}", "{\"a\": \"unterminated}", "[1, 2",
				"{\"a\": 01}", "{\"a\": .5}", "{\"a\": +1}", "{\"a\": tru}", "\u0000", "{\"a\" \"b\"}",
				"{\"a\": 1}{\"b\": 2}", "{\"a\": \"\u0001\"}", "nul", "\ufeff{", "{\"Operations\": [}"));
		texts.add("{\"a\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}");
		texts.add("{\"a\": " + "{\"a\": ".repeat(5_000) + "1" + "}".repeat(5_000) + "}");
		texts.add(randomCharacters(random, 1 + random.nextInt(60)) + "{");
		return pick(random, texts);
	}

	static String write(JsonNode node) {
		return RandomDirectory.write(node);
	}

	static <T> T pick(Random random, List<T> items) {
		return items.get(random.nextInt(items.size()));
	}

	/** Returns the string-valued attributes among those given. */
	static List<Attribute> strings(List<Attribute> attributes) {
		return attributes.stream().filter((a) -> a.kind() == ReferenceFilter.Kind.STRING).toList();
	}

}
