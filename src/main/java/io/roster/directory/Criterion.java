package io.roster.directory;

import java.util.List;

/**
 * A condition on colleagues or teams that the directory evaluates in the database. The
 * protocol layers translate their own query languages (SCIM filters) into this tree.
 */
public sealed interface Criterion {

	/** Matches everything. */
	Criterion ALL = new All();

	/** Comparison operators; the ordering ones apply to strings, instants and numbers. */
	enum Operator {

		EQ, NE, CONTAINS, STARTS_WITH, ENDS_WITH, GT, GE, LT, LE

	}

	/** Matches everything. */
	record All() implements Criterion {
	}

	/**
	 * Compares a field with a value of the field's type.
	 *
	 * @param ignoreCase whether strings compare ignoring case
	 */
	record Compare(Field field, Operator operator, Object value, boolean ignoreCase) implements Criterion {
	}

	/** Matches when the field has a value. */
	record Present(Field field) implements Criterion {
	}

	record And(List<Criterion> operands) implements Criterion {
	}

	record Or(List<Criterion> operands) implements Criterion {
	}

	record Not(Criterion operand) implements Criterion {
	}

	/**
	 * Matches when at least one value of a multi-valued collection matches the inner
	 * criterion, whose fields belong to that collection.
	 */
	record Any(Field.Collection collection, Criterion inner) implements Criterion {
	}

}
