package io.roster.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Entity tags of the product API: a resource's version as a weak tag, {@code W/"3"}.
 */
final class ApiVersions {

	private static final Pattern ETAG = Pattern.compile("^\\s*(?:W/)?\"(\\d{1,18})\"\\s*$");

	private ApiVersions() {
	}

	static String etag(long version) {
		return "W/\"" + version + "\"";
	}

	/**
	 * Returns the version an {@code If-Match} header names, or {@code null} for none or
	 * {@code *}.
	 */
	static @Nullable Long expected(@Nullable String ifMatch) {
		if (ifMatch == null || ifMatch.trim().equals("*")) {
			return null;
		}
		Matcher matcher = ETAG.matcher(ifMatch);
		if (!matcher.matches()) {
			throw new ApiException(HttpStatus.PRECONDITION_FAILED, "If-Match",
					"If-Match " + ifMatch.trim() + " names no version of this resource");
		}
		return Long.parseLong(matcher.group(1));
	}

}
