package io.roster.scim;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.jspecify.annotations.Nullable;

import io.roster.scim.ReferenceFilter.Attribute;
import io.roster.scim.ReferenceFilter.Comparison;
import io.roster.scim.ReferenceFilter.Kind;
import io.roster.scim.ReferenceFilter.Logical;
import io.roster.scim.ReferenceFilter.Node;
import io.roster.scim.ReferenceFilter.Not;
import io.roster.scim.ReferenceFilter.Operator;
import io.roster.scim.ReferenceFilter.ValuePath;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Generates random valid filters over the attributes of one resource type. Comparison
 * values come mostly from the resources themselves, whole, in another case, or cut to a
 * prefix, suffix or infix, so that filters select some resources and miss others.
 */
final class RandomFilters {

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	private static final Operator[] STRING_OPERATORS = Operator.values();

	private static final Operator[] BOOLEAN_OPERATORS = { Operator.EQ, Operator.NE, Operator.PR };

	private static final Operator[] DATE_TIME_OPERATORS = { Operator.EQ, Operator.NE, Operator.GT, Operator.GE,
			Operator.LT, Operator.LE, Operator.PR };

	private final Random random;

	private final List<Attribute> attributes;

	private final List<? extends JsonNode> resources;

	RandomFilters(Random random, List<Attribute> attributes, List<? extends JsonNode> resources) {
		this.random = random;
		this.attributes = attributes;
		this.resources = resources;
	}

	/** Returns a random filter at most {@code depth} logical levels deep. */
	Node next(int depth) {
		int choice = this.random.nextInt(10);
		if (depth == 0 || choice < 4) {
			return comparison(pick(this.attributes));
		}
		if (choice < 6) {
			return valuePath(Math.min(depth - 1, 2));
		}
		if (choice < 7) {
			return new Not(next(depth - 1));
		}
		return new Logical(this.random.nextBoolean(), next(depth - 1), next(depth - 1));
	}

	private Node valuePath(int depth) {
		List<Attribute> items = this.attributes.stream().filter(Attribute::multiValued).toList();
		Attribute first = pick(items);
		List<Attribute> siblings = items.stream().filter((a) -> a.parent().equals(first.parent())).toList();
		return new ValuePath(first.schema(), first.parent(), valueFilter(siblings, depth));
	}

	private Node valueFilter(List<Attribute> siblings, int depth) {
		int choice = this.random.nextInt(10);
		if (depth == 0 || choice < 5) {
			return comparison(pick(siblings));
		}
		if (choice < 6) {
			return new Not(valueFilter(siblings, depth - 1));
		}
		return new Logical(this.random.nextBoolean(), valueFilter(siblings, depth - 1),
				valueFilter(siblings, depth - 1));
	}

	Comparison comparison(Attribute attribute) {
		Operator[] operators = switch (attribute.kind()) {
			case STRING -> STRING_OPERATORS;
			case BOOLEAN -> BOOLEAN_OPERATORS;
			case DATE_TIME -> DATE_TIME_OPERATORS;
		};
		Operator operator = operators[this.random.nextInt(operators.length)];
		if (operator == Operator.PR) {
			return new Comparison(attribute, operator, null);
		}
		if ((operator == Operator.EQ || operator == Operator.NE) && this.random.nextInt(12) == 0) {
			return new Comparison(attribute, operator, JSON.nullNode());
		}
		JsonNode value = switch (attribute.kind()) {
			case BOOLEAN -> JSON.booleanNode(this.random.nextBoolean());
			case DATE_TIME -> JSON.stringNode(dateTime(attribute));
			case STRING -> JSON.stringNode(string(attribute, operator));
		};
		return new Comparison(attribute, operator, value);
	}

	private String string(Attribute attribute, Operator operator) {
		List<String> observed = observed(attribute);
		if (observed.isEmpty() || this.random.nextInt(6) == 0) {
			return RandomText.token(this.random);
		}
		String value = pick(observed);
		if (this.random.nextInt(3) == 0) {
			value = RandomText.shuffleCase(value, this.random);
		}
		if (operator.isSubstring() || this.random.nextInt(5) == 0) {
			// Cut between code points, so that no surrogate pair is split.
			int[] codePoints = value.codePoints().toArray();
			int start = this.random.nextInt(codePoints.length + 1);
			int end = start + this.random.nextInt(codePoints.length - start + 1);
			value = switch (operator) {
				case SW -> new String(codePoints, 0, end);
				case EW -> new String(codePoints, start, codePoints.length - start);
				default -> new String(codePoints, start, end - start);
			};
		}
		return value;
	}

	private String dateTime(Attribute attribute) {
		List<String> observed = observed(attribute);
		Instant instant = observed.isEmpty() ? Instant.now() : Instant.parse(pick(observed));
		long[] shifts = { 0, 0, 0, 1, -1, 1000, -1000, 86_400_000 };
		instant = instant.plus(shifts[this.random.nextInt(shifts.length)], ChronoUnit.MILLIS);
		return switch (this.random.nextInt(4)) {
			case 0 -> instant.toString();
			case 1 -> DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSXXX", Locale.ROOT)
				.format(OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
			case 2 -> OffsetDateTime.ofInstant(instant, ZoneOffset.ofHoursMinutes(5, 30))
				.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
			default -> OffsetDateTime.ofInstant(instant, ZoneOffset.ofHours(-8))
				.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
		};
	}

	private List<String> observed(Attribute attribute) {
		List<String> values = new ArrayList<>();
		for (JsonNode resource : this.resources) {
			for (@Nullable
			JsonNode value : attribute.values(resource)) {
				if (value != null && value.isString()) {
					values.add(value.stringValue());
				}
			}
		}
		return values;
	}

	private <T> T pick(List<T> items) {
		return items.get(this.random.nextInt(items.size()));
	}

}
