package io.roster.scim;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Filters that compare a sub-attribute after a value filter, which Microsoft Entra ID
 * sends when it matches users by their work email:
 * {@code emails[type eq "work"].value eq "alice@example.com"}. RFC 7644 section 3.4.2.2
 * allows a sub-attribute after a value filter only in PATCH paths. The same condition as
 * a standard filter is {@code emails[(type eq "work") and value eq "alice@example.com"]},
 * and this class rewrites the first form into it before the filter is parsed.
 */
final class ValueFilterSubAttribute {

	/**
	 * The part after a value filter's {@code ]}: a dot, a sub-attribute name (RFC 7643
	 * section 2.1, or {@code $ref}), and either {@code pr} or an operator and a value.
	 */
	private static final Pattern COMPARISON = Pattern.compile(
			"\\.(\\$?[a-z][a-z0-9_-]*)\\s+(?:(pr)(?=[\\s)]|$)|(eq|ne|co|sw|ew|gt|ge|lt|le)\\s+(\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s)]+))",
			Pattern.CASE_INSENSITIVE);

	private ValueFilterSubAttribute() {
	}

	/**
	 * Returns the filter with each comparison of a sub-attribute after a value filter
	 * moved inside that value filter, or the filter itself when it has none.
	 */
	static String rewrite(String filter) {
		if (!filter.contains("].")) {
			return filter;
		}
		StringBuilder result = new StringBuilder(filter.length() + 16);
		// The position in result of the '[' that opened the current value filter.
		int open = -1;
		boolean quoted = false;
		for (int i = 0; i < filter.length(); i++) {
			char c = filter.charAt(i);
			if (quoted) {
				result.append(c);
				if (c == '\\' && i + 1 < filter.length()) {
					result.append(filter.charAt(++i));
				}
				else if (c == '"') {
					quoted = false;
				}
				continue;
			}
			if (c == '"') {
				quoted = true;
			}
			else if (c == '[') {
				open = result.length();
			}
			else if (c == ']' && open >= 0) {
				Matcher comparison = COMPARISON.matcher(filter).region(i + 1, filter.length());
				if (comparison.lookingAt()) {
					result.insert(open + 1, '(').append(") and ").append(comparison.group(1));
					if (comparison.group(2) != null) {
						result.append(" pr");
					}
					else {
						result.append(' ').append(comparison.group(3)).append(' ').append(comparison.group(4));
					}
					result.append(']');
					i = comparison.end() - 1;
					open = -1;
					continue;
				}
				open = -1;
			}
			result.append(c);
		}
		return result.toString();
	}

}
