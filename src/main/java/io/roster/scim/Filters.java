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
		Filter filter;
		try {
			filter = Filter.fromString(text);
		}
		catch (BadRequestException ex) {
			throw BadRequestException.invalidFilter("Invalid filter: " + firstClause(ex.getScimError().getDetail()));
		}
		catch (RuntimeException ex) {
			throw BadRequestException.invalidFilter("Invalid filter: the expression cannot be parsed");
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
