package io.roster.scim;

import org.jspecify.annotations.Nullable;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;

import io.roster.directory.Criterion;

/**
 * Parses the {@code filter} parameter with the UnboundID SDK and compiles it for the
 * directory.
 */
final class Filters {

	/**
	 * Maximum nesting of parentheses and brackets in a filter. The SQL of each level
	 * nests deeper still, and H2 2.x overflows the stack of a request thread parsing a
	 * few hundred nested {@code not (...)}, so a deep filter would fail as a 500.
	 */
	static final int MAX_NESTING = 50;

	private Filters() {
	}

	static Criterion parse(@Nullable String text, AttributeCatalog catalog, int maxLength) throws ScimException {
		if (text == null || text.isBlank()) {
			return Criterion.ALL;
		}
		if (text.length() > maxLength) {
			throw BadRequestException
				.invalidFilter("The filter is " + text.length() + " characters long; the limit is " + maxLength);
		}

		if (hasUnclosedValueFilter(text)) {
			throw BadRequestException.invalidFilter("Invalid filter: a '[' has no matching ']' in " + text);
		}
		int nesting = nesting(text);
		if (nesting > MAX_NESTING) {
			throw BadRequestException.invalidFilter("The filter nests parentheses and brackets " + nesting
					+ " levels deep; the limit is " + MAX_NESTING);
		}

		Filter filter;
		try {
			// NOTE: when the rewrite changed the filter, positions in a parse error count
			// in the rewritten text.
			filter = Filter.fromString(ValueFilterSubAttribute.rewrite(text));
		}
		catch (BadRequestException ex) {
			throw BadRequestException.invalidFilter("Invalid filter: " + firstClause(ex.getScimError().getDetail()));
		}
		catch (RuntimeException ex) {
			throw BadRequestException.invalidFilter("Invalid filter: the expression cannot be parsed");
		}

		// Checked after parsing, so that the parser's more precise messages come first.
		if (hasControlCharacter(text)) {
			throw BadRequestException
				.invalidFilter("Invalid filter: it contains a control character outside a quoted string");
		}
		if (!hasBalancedParentheses(text)) {
			throw BadRequestException.invalidFilter("Invalid filter: its parentheses do not pair up in " + text);
		}
		return new FilterCompiler(catalog).compile(filter);
	}

	/** Cuts a parser message before the JSON library's own location details. */
	private static String firstClause(@Nullable String detail) {
		if (detail == null) {
			return "the expression cannot be parsed";
		}
		String text = detail;
		int newline = text.indexOf('\n');
		if (newline >= 0) {
			text = text.substring(0, newline);
		}
		int colon = text.indexOf(": Unrecognized token");
		if (colon < 0) {
			colon = text.indexOf(": Unexpected character");
		}
		return (colon >= 0)
				? text.substring(0, colon) + ": a value must be a quoted string, a number, true," + " false or null"
				: text;
	}

	/**
	 * Returns whether a control character other than tab, CR or LF appears outside quoted
	 * strings. The UnboundID parser (scim2-sdk-common 6.0.0) reads NUL there as a space,
	 * where RFC 7644 section 3.4.2.2 separates tokens only with spaces.
	 */
	static boolean hasControlCharacter(String text) {
		for (char c : unquoted(text).toCharArray()) {
			if (Character.isISOControl(c) && c != '\t' && c != '\r' && c != '\n') {
				return true;
			}
		}
		return false;
	}

	/**
	 * Returns whether every {@code )} outside quoted strings closes an earlier {@code (}
	 * and every {@code (} is closed. The UnboundID parser (scim2-sdk-common 6.0.0)
	 * accepts some filters with an extra {@code )}, such as {@code (a pr) and b[c pr])}.
	 */
	static boolean hasBalancedParentheses(String text) {
		int open = 0;
		for (char c : unquoted(text).toCharArray()) {
			if (c == '(') {
				open++;
			}
			else if (c == ')' && --open < 0) {
				return false;
			}
		}
		return open == 0;
	}

	/**
	 * Returns the deepest nesting of {@code (} and {@code [} in a filter, outside quoted
	 * strings.
	 */
	static int nesting(String text) {
		int depth = 0;
		int max = 0;
		for (char c : unquoted(text).toCharArray()) {
			if (c == '(' || c == '[') {
				depth++;
				max = Math.max(max, depth);
			}
			else if (c == ')' || c == ']') {
				depth--;
			}
		}
		return max;
	}

	/** Returns a filter's characters outside its quoted strings. */
	private static String unquoted(String text) {
		StringBuilder unquoted = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
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
			else {
				unquoted.append(c);
			}
		}
		return unquoted.toString();
	}

	/**
	 * Returns whether a filter or attribute path opens a value filter with {@code [} that
	 * it never closes. The UnboundID parser (scim2-sdk-common 6.0.0) ends an open value
	 * filter at the end of the text, so without this check {@code emails[type eq "work"}
	 * would match like {@code emails[type eq "work"]}. Brackets inside quoted strings do
	 * not count.
	 */
	static boolean hasUnclosedValueFilter(String text) {
		int open = 0;
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
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
			else if (c == '[') {
				open++;
			}
			else if (c == ']') {
				open--;
			}
		}
		return open > 0;
	}

}
