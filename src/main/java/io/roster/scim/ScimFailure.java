package io.roster.scim;

import com.unboundid.scim2.common.exceptions.ScimException;

/**
 * Carries a {@link ScimException} out of a callback that cannot throw checked exceptions,
 * such as a change applied inside a directory transaction. The error handler unwraps it.
 */
final class ScimFailure extends RuntimeException {

	ScimFailure(ScimException cause) {
		super(cause.getMessage(), cause);
	}

	ScimException scimException() {
		return (ScimException) getCause();
	}

}
