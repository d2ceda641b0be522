package io.roster.scim;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.jspecify.annotations.Nullable;

import com.unboundid.scim2.common.utils.JsonUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;

/**
 * A SCIM filter (RFC 7644 section 3.4.2.2) built by a test as a tree, written out as
 * filter text in randomly varied but equivalent spellings, and evaluated in memory on a
 * resource as a GET served it. The evaluation is the reference that Roster's SQL must
 * agree with:
 * <ul>
 * <li>strings compare ignoring case unless the attribute is caseExact (RFC 7643 section
 * 2.2); ordering compares code points, after lower-casing when case is ignored;</li>
 * <li>an attribute is absent when it is missing, null or an empty string, and {@code pr}
 * matches only present values;</li>
 * <li>{@code ne} matches an absent single-valued attribute, and every other comparison
 * fails on it; {@code eq null} matches an absent attribute and {@code ne null} a present
 * one;</li>
 * <li>a comparison on a sub-attribute of a multi-valued attribute, or a value filter in
 * brackets, matches when at least one value matches, so it never matches a resource
 * without values;</li>
 * <li>dateTime values compare as instants, whatever their offset.</li>
 * </ul>
 */
final class ReferenceFilter {

	static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";

	static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

	static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

	enum Kind {

		STRING, BOOLEAN, DATE_TIME

	}

	enum Operator {

		EQ, NE, CO, SW, EW, GT, GE, LT, LE, PR;

		String text() {
			return name().toLowerCase(Locale.ROOT);
		}

		boolean isSubstring() {
			return this == CO || this == SW || this == EW;
		}

		boolean isOrdering() {
			return this == GT || this == GE || this == LT || this == LE;
		}

	}

	/**
	 * An attribute that filters can name.
	 *
	 * @param schema the schema URN that may qualify the name, or {@code null} for the
	 * common attributes id, externalId and meta
	 * @param parent the complex or multi-valued attribute this is a sub-attribute of, or
	 * {@code null}
	 * @param multiValued whether {@code parent} is multi-valued
	 * @param unspecified the value assumed when a value of {@code parent} lacks this
	 * sub-attribute, or {@code null} to treat it as absent
	 */
	record Attribute(@Nullable String schema, @Nullable String parent, String name, Kind kind, boolean caseExact,
			boolean multiValued, @Nullable JsonNode unspecified) {

		Attribute(@Nullable String schema, @Nullable String parent, String name, Kind kind, boolean caseExact,
				boolean multiValued) {
			this(schema, parent, name, kind, caseExact, multiValued, null);
		}

		String path() {
			return (this.parent != null) ? this.parent + "." + this.name : this.name;
		}

		/**
		 * Returns the values of this attribute in a resource: one node or none for a
		 * single-valued attribute, one node per value of the parent for a multi-valued
		 * one, where a missing sub-attribute is a {@code null} entry.
		 */
		List<@Nullable JsonNode> values(JsonNode resource) {
			JsonNode container = ENTERPRISE.equals(this.schema) ? resource.get(ENTERPRISE) : resource;
			if (container != null && this.parent != null) {
				container = container.get(this.parent);
			}
			List<@Nullable JsonNode> values = new ArrayList<>();
			if (container == null || container.isNull()) {
				return values;
			}
			if (this.multiValued) {
				for (JsonNode item : container) {
					values.add(valueOf(item));
				}
			}
			else {
				values.add(container.get(this.name));
			}
			return values;
		}

		/** Returns this sub-attribute of one value of its multi-valued parent. */
		@Nullable JsonNode valueOf(JsonNode item) {
			JsonNode value = item.get(this.name);
			return (value == null || value.isNull()) ? this.unspecified : value;
		}

	}

	static final List<Attribute> USER_ATTRIBUTES = List.of(common("id"), common("externalId"),
			string(USER, null, "userName"), string(USER, "name", "givenName"), string(USER, "name", "familyName"),
			string(USER, "name", "formatted"), string(USER, null, "displayName"), string(USER, null, "title"),
			new Attribute(USER, null, "active", Kind.BOOLEAN, false, false), item(USER, "emails", "value"),
			item(USER, "emails", "type"), item(USER, "emails", "display"), primary("emails"),
			item(USER, "roles", "value"), item(USER, "roles", "type"), item(USER, "roles", "display"), primary("roles"),
			string(ENTERPRISE, null, "employeeNumber"), string(ENTERPRISE, null, "department"),
			string(ENTERPRISE, null, "costCenter"), string(ENTERPRISE, null, "organization"),
			string(ENTERPRISE, null, "division"),
			// Roster publishes manager.value as caseExact, like the id it holds, where
			// the schema in RFC 7643 section 8.7.2 does not.
			new Attribute(ENTERPRISE, "manager", "value", Kind.STRING, true, false), dateTime("created"),
			dateTime("lastModified"));

	static final List<Attribute> GROUP_ATTRIBUTES = List.of(common("id"), common("externalId"),
			string(GROUP, null, "displayName"), new Attribute(GROUP, "members", "value", Kind.STRING, true, true),
			item(GROUP, "members", "display"), dateTime("created"), dateTime("lastModified"));

	/** A node of the filter tree. */
	sealed interface Node {

	}

	/**
	 * Compares an attribute with a value; {@code value} is {@code null} for {@code pr}.
	 */
	record Comparison(Attribute attribute, Operator operator, @Nullable JsonNode value) implements Node {

	}

	record Logical(boolean and, Node left, Node right) implements Node {

	}

	record Not(Node operand) implements Node {

	}

	/**
	 * A value filter such as {@code emails[type eq "work"]}, whose comparisons name
	 * sub-attributes of {@code attribute}.
	 */
	record ValuePath(String schema, String attribute, Node filter) implements Node {

	}

	private ReferenceFilter() {
	}

	/** Evaluates a filter on a resource as served by GET. */
	static boolean matches(Node node, JsonNode resource) {
		if (node instanceof Comparison comparison) {
			List<@Nullable JsonNode> values = comparison.attribute().values(resource);
			if (!comparison.attribute().multiValued()) {
				return compare(comparison, values.isEmpty() ? null : values.get(0));
			}
			return values.stream().anyMatch((value) -> compare(comparison, value));
		}
		if (node instanceof Logical logical) {
			return logical.and() ? matches(logical.left(), resource) && matches(logical.right(), resource)
					: matches(logical.left(), resource) || matches(logical.right(), resource);
		}
		if (node instanceof Not not) {
			return !matches(not.operand(), resource);
		}
		ValuePath valuePath = (ValuePath) node;
		JsonNode items = resource.get(valuePath.attribute());
		if (items == null || !items.isArray()) {
			return false;
		}
		for (JsonNode item : items) {
			if (matchesValue(valuePath.filter(), item)) {
				return true;
			}
		}
		return false;
	}

	/** Evaluates the inner filter of a value path on one value of the attribute. */
	private static boolean matchesValue(Node node, JsonNode item) {
		if (node instanceof Comparison comparison) {
			return compare(comparison, comparison.attribute().valueOf(item));
		}
		if (node instanceof Logical logical) {
			return logical.and() ? matchesValue(logical.left(), item) && matchesValue(logical.right(), item)
					: matchesValue(logical.left(), item) || matchesValue(logical.right(), item);
		}
		return !matchesValue(((Not) node).operand(), item);
	}

	private static boolean compare(Comparison comparison, @Nullable JsonNode actual) {
		Operator operator = comparison.operator();
		boolean present = isPresent(actual);
		if (operator == Operator.PR) {
			return present;
		}
		JsonNode expected = comparison.value();
		if (expected == null || expected.isNull()) {
			return (operator == Operator.EQ) ? !present : present;
		}
		if (actual == null || actual.isNull() || actual.isMissingNode()) {
			return operator == Operator.NE;
		}
		Attribute attribute = comparison.attribute();
		return switch (attribute.kind()) {
			case BOOLEAN -> (actual.booleanValue() == expected.booleanValue()) == (operator == Operator.EQ);
			case DATE_TIME -> order(operator, Instant.parse(actual.stringValue())
				.compareTo(OffsetDateTime.parse(expected.stringValue()).toInstant()));
			case STRING -> compareStrings(operator, fold(attribute, actual.stringValue()),
					fold(attribute, expected.stringValue()));
		};
	}

	private static boolean compareStrings(Operator operator, String actual, String expected) {
		return switch (operator) {
			case CO -> actual.contains(expected);
			case SW -> actual.startsWith(expected);
			case EW -> actual.endsWith(expected);
			default -> order(operator, compareCodePoints(actual, expected));
		};
	}

	private static boolean order(Operator operator, int comparison) {
		return switch (operator) {
			case EQ -> comparison == 0;
			case NE -> comparison != 0;
			case GT -> comparison > 0;
			case GE -> comparison >= 0;
			case LT -> comparison < 0;
			case LE -> comparison <= 0;
			default -> throw new IllegalArgumentException("Not an ordering operator: " + operator);
		};
	}

	private static int compareCodePoints(String left, String right) {
		int[] a = left.codePoints().toArray();
		int[] b = right.codePoints().toArray();
		for (int i = 0; i < Math.min(a.length, b.length); i++) {
			if (a[i] != b[i]) {
				return Integer.compare(a[i], b[i]);
			}
		}
		return Integer.compare(a.length, b.length);
	}

	private static String fold(Attribute attribute, String value) {
		return attribute.caseExact() ? value : value.toLowerCase(Locale.ROOT);
	}

	private static boolean isPresent(@Nullable JsonNode value) {
		if (value == null || value.isNull() || value.isMissingNode()) {
			return false;
		}
		return !value.isString() || !value.stringValue().isEmpty();
	}

	/**
	 * Writes a filter as text. Names, operators and keywords get random case, names may
	 * be qualified by their schema URN, and parentheses are added where they change
	 * nothing.
	 */
	static String render(Node node, Random random) {
		StringBuilder text = new StringBuilder();
		render(node, random, false, 0, text);
		return text.toString();
	}

	private static void render(Node node, Random random, boolean inValuePath, int minimumPrecedence,
			StringBuilder text) {
		int precedence = precedence(node);
		boolean parenthesize = precedence < minimumPrecedence || random.nextInt(8) == 0;
		if (parenthesize) {
			text.append('(');
		}
		if (node instanceof Comparison comparison) {
			renderComparison(comparison, random, inValuePath, text);
		}
		else if (node instanceof Logical logical) {
			render(logical.left(), random, inValuePath, precedence, text);
			text.append(' ').append(randomCase(logical.and() ? "and" : "or", random)).append(' ');
			render(logical.right(), random, inValuePath, precedence, text);
		}
		else if (node instanceof Not not) {
			text.append(randomCase("not", random)).append(random.nextInt(4) == 0 ? "(" : " (");
			render(not.operand(), random, inValuePath, 0, text);
			text.append(')');
		}
		else {
			ValuePath valuePath = (ValuePath) node;
			if (random.nextInt(6) == 0) {
				text.append(valuePath.schema()).append(':');
			}
			text.append(randomCase(valuePath.attribute(), random)).append('[');
			render(valuePath.filter(), random, true, 0, text);
			text.append(']');
		}
		if (parenthesize) {
			text.append(')');
		}
	}

	private static int precedence(Node node) {
		if (node instanceof Logical logical) {
			return logical.and() ? 2 : 1;
		}
		return 3;
	}

	private static void renderComparison(Comparison comparison, Random random, boolean inValuePath,
			StringBuilder text) {
		Attribute attribute = comparison.attribute();
		if (inValuePath) {
			text.append(randomCase(attribute.name(), random));
		}
		else {
			boolean bare = attribute.multiValued() && attribute.name().equals("value") && random.nextBoolean();
			String path = bare ? attribute.parent() : attribute.path();
			if (attribute.schema() != null && random.nextInt(3) == 0) {
				text.append(attribute.schema()).append(':');
			}
			text.append(randomCase(path, random));
		}
		text.append(' ').append(randomCase(comparison.operator().text(), random));
		if (comparison.operator() != Operator.PR) {
			text.append(' ').append(literal(comparison.value()));
		}
	}

	static String literal(@Nullable JsonNode value) {
		return (value == null) ? "null" : JsonUtils.getObjectWriter().writeValueAsString(value);
	}

	/** Changes the case of some letters of a name or keyword, which must not matter. */
	static String randomCase(String word, Random random) {
		int style = random.nextInt(6);
		if (style < 3) {
			return word;
		}
		if (style == 3) {
			return word.toUpperCase(Locale.ROOT);
		}
		StringBuilder mixed = new StringBuilder();
		for (char c : word.toCharArray()) {
			mixed.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
		}
		return mixed.toString();
	}

	private static Attribute common(String name) {
		return new Attribute(null, null, name, Kind.STRING, true, false);
	}

	private static Attribute string(String schema, @Nullable String parent, String name) {
		return new Attribute(schema, parent, name, Kind.STRING, false, false);
	}

	private static Attribute item(String schema, String parent, String name) {
		return new Attribute(schema, parent, name, Kind.STRING, false, true);
	}

	/**
	 * Returns the primary flag of a multi-valued attribute. Roster omits the flag when it
	 * is false, and RFC 7643 section 2.4 makes an unspecified flag false.
	 */
	private static Attribute primary(String parent) {
		return new Attribute(USER, parent, "primary", Kind.BOOLEAN, false, true, BooleanNode.FALSE);
	}

	private static Attribute dateTime(String name) {
		return new Attribute(null, "meta", name, Kind.DATE_TIME, false, false);
	}

}
