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
		Filter filter;
		try {
			filter = Filter.fromString(text);
		}
		catch (BadRequestException ex) {
			throw BadRequestException.invalidFilter("Invalid filter: " + ex.getScimError().getDetail());
		}
		catch (RuntimeException ex) {
			throw BadRequestException.invalidFilter("Invalid filter: the expression cannot be parsed");
		}
		return new FilterCompiler(catalog).compile(filter);
	}

}
