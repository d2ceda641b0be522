package io.roster.scim;

import org.jspecify.annotations.Nullable;

import com.unboundid.scim2.common.exceptions.BadRequestException;

/**
 * The paging parameters of a list request (RFC 7644 section 3.4.2.4): a 1-based
 * {@code startIndex}, where values below 1 mean 1, and a {@code count}, where negative
 * values mean 0 and values above the maximum page size mean the maximum.
 */
record ListParameters(int startIndex, int count) {

	static ListParameters parse(@Nullable String startIndex, @Nullable String count, int defaultCount, int maxCount)
			throws BadRequestException {
		long start = Math.max(1, number("startIndex", startIndex, 1));
		long size = Math.min(maxCount, Math.max(0, number("count", count, defaultCount)));
		return new ListParameters((int) Math.min(start, Integer.MAX_VALUE), (int) size);
	}

	int offset() {
		return this.startIndex - 1;
	}

	private static long number(String name, @Nullable String text, long absent) throws BadRequestException {
		if (text == null || text.isBlank()) {
			return absent;
		}
		try {
			return Long.parseLong(text.trim());
		}
		catch (NumberFormatException ex) {
			if (text.trim().matches("[+-]?\\d+")) {
				return text.trim().startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
			}
			throw BadRequestException.invalidValue("'" + name + "' must be an integer, not '" + abbreviate(text) + "'");
		}
	}

	private static String abbreviate(String text) {
		return (text.length() > 40) ? text.substring(0, 40) + "..." : text;
	}

}
