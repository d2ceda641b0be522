package io.roster.scim;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.exceptions.ServerErrorException;

import io.roster.system.DatabaseAvailability;
import io.roster.system.DatabaseFailures;
import io.roster.system.LogText;
import io.roster.system.RequestIds;

/**
 * Rejects SCIM requests at once with 503 and {@code Retry-After} while the database is
 * unreachable, and turns a failure thrown by a later SCIM filter (the token lookup, for
 * one) into a SCIM error instead of the servlet container's error page: 503 for a
 * database outage, 500 otherwise.
 */
class ScimOutages extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(ScimOutages.class);

	private final DatabaseAvailability database;

	private final Duration retryAfter;

	ScimOutages(DatabaseAvailability database, Duration retryAfter) {
		this.database = database;
		this.retryAfter = retryAfter;
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
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.database.tryEnter()) {
			ScimErrors.write(response, unavailable(request, this.retryAfter), this.retryAfter);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (RuntimeException | ServletException ex) {
			fail(request, response, ex);
		}
		finally {
			this.database.leave();
		}
	}

	private void fail(HttpServletRequest request, HttpServletResponse response, Exception ex) throws IOException {
		if (response.isCommitted()) {
			logger.error("SCIM request failed after its response started (request id {})", RequestIds.of(request),
					LogText.sanitize(ex));
			return;
		}
		response.resetBuffer();
		if (DatabaseFailures.isOutage(ex)) {
			this.database.failedToReachDatabase();
			logger.debug("SCIM request failed: the database is unreachable (request id {})", RequestIds.of(request));
			ScimErrors.write(response, unavailable(request, this.retryAfter), this.retryAfter);
			return;
		}
		logger.error("SCIM request failed unexpectedly (request id {})", RequestIds.of(request), LogText.sanitize(ex));
		ScimErrors.write(response, new ServerErrorException(
				"Internal error; the request changed nothing. Request id: " + RequestIds.of(request)));
	}

}
