package io.roster.scim;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.exceptions.ServerErrorException;

import io.roster.system.DatabaseAvailability;
import io.roster.system.DatabaseOutageFilter;
import io.roster.system.LogText;
import io.roster.system.RequestIds;

/**
 * Rejects SCIM requests at once with 503 and {@code Retry-After} while the database is
 * unreachable, and turns a failure thrown by a later SCIM filter (the token lookup, for
 * one) into a SCIM error instead of the servlet container's error page: 503 for a
 * database outage, 500 otherwise.
 */
class ScimOutages extends DatabaseOutageFilter {

	private static final Logger logger = LoggerFactory.getLogger(ScimOutages.class);

	ScimOutages(DatabaseAvailability database, Duration retryAfter) {
		super(database, retryAfter);
	}

	/** Returns the error of a request that failed because the database is unreachable. */
	static ScimException unavailable(HttpServletRequest request, Duration retryAfter) {
		return unavailable(RequestIds.of(request), retryAfter);
	}

	/** Returns the error of a request that failed because the database is unreachable. */
	static ScimException unavailable(String requestId, Duration retryAfter) {
		return new ScimException(503, null, "The directory database is unavailable. Retry after "
				+ ScimErrors.retryAfterSeconds(retryAfter) + " s. Request id: " + requestId);
	}

	@Override
	protected void writeUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		ScimErrors.write(response, unavailable(request, retryAfter()), retryAfter());
	}

	@Override
	protected void failUnexpectedly(HttpServletRequest request, HttpServletResponse response, Exception ex)
			throws IOException {
		response.resetBuffer();
		logger.error("SCIM request failed unexpectedly (request id {})", RequestIds.of(request), LogText.sanitize(ex));
		ScimErrors.write(response, new ServerErrorException(
				"Internal error; the request changed nothing. Request id: " + RequestIds.of(request)));
	}

}
