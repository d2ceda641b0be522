package io.roster.system;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rejects requests at once with 503 and {@code Retry-After} while the database is
 * unreachable, and turns a database outage thrown by a later filter, the authentication
 * lookup or a handler into the same 503. Subclasses write the response body in the format
 * of their API and decide what other failures become.
 */
public abstract class DatabaseOutageFilter extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseOutageFilter.class);

	private final DatabaseAvailability database;

	private final Duration retryAfter;

	protected DatabaseOutageFilter(DatabaseAvailability database, Duration retryAfter) {
		this.database = database;
		this.retryAfter = retryAfter;
	}

	/** Returns the {@code Retry-After} value of a 503, in whole seconds, at least 1. */
	public static String retryAfterSeconds(Duration retryAfter) {
		long seconds = (retryAfter.toMillis() + 999) / 1000;
		return String.valueOf(Math.max(1, seconds));
	}

	protected final Duration retryAfter() {
		return this.retryAfter;
	}

	protected final DatabaseAvailability database() {
		return this.database;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.database.tryEnter()) {
			writeUnavailable(request, response);
			return;
		}
		try {
			chain.doFilter(request, response);
			completed(request, response);
		}
		catch (RuntimeException | ServletException ex) {
			fail(request, response, ex);
		}
		finally {
			this.database.leave();
		}
	}

	/** Writes the 503 response with {@code Retry-After} for a database outage. */
	protected abstract void writeUnavailable(HttpServletRequest request, HttpServletResponse response)
			throws IOException;

	/**
	 * Handles a failure that is not a database outage, on a response that has not
	 * started.
	 */
	protected abstract void failUnexpectedly(HttpServletRequest request, HttpServletResponse response, Exception ex)
			throws IOException, ServletException;

	/** Called after the rest of the chain returned normally. Does nothing by default. */
	protected void completed(HttpServletRequest request, HttpServletResponse response) {
	}

	private void fail(HttpServletRequest request, HttpServletResponse response, Exception ex)
			throws IOException, ServletException {
		if (!DatabaseFailures.isOutage(ex)) {
			if (response.isCommitted()) {
				logger.error("Request failed after its response started (request id {})", RequestIds.of(request),
						LogText.sanitize(ex));
				return;
			}
			failUnexpectedly(request, response, ex);
			return;
		}
		this.database.failedToReachDatabase();
		if (response.isCommitted()) {
			logger.warn("Request failed after its response started: the database is unreachable (request id {})",
					RequestIds.of(request));
			return;
		}
		logger.debug("Request failed: the database is unreachable (request id {})", RequestIds.of(request));
		response.resetBuffer();
		writeUnavailable(request, response);
	}

}
