package io.roster.api;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import io.roster.directory.DirectoryException;
import io.roster.system.DatabaseAvailability;
import io.roster.system.DatabaseFailures;
import io.roster.system.LogText;
import io.roster.system.RequestIds;
import io.roster.system.RosterProperties;
import io.roster.system.WebOutages;

/**
 * Turns every failure of the product API into an RFC 9457 problem detail. A rejected
 * change names the field at fault in the extension member {@code field}. Client mistakes
 * are logged at DEBUG. A database outage, or a lock conflict with a concurrent request (a
 * deadlock or a lock wait that timed out), is a 503 with {@code Retry-After}; anything
 * else is a 500 whose detail holds only the request id, while the stack trace goes to the
 * log once, at ERROR.
 */
@RestControllerAdvice(assignableTypes = { ColleaguesController.class, TeamsController.class, ActivityController.class,
		SettingsController.class, ScimConnectionsController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final DatabaseAvailability database;

	private final Duration retryAfter;

	ApiExceptionHandler(DatabaseAvailability database, RosterProperties properties) {
		this.database = database;
		this.retryAfter = properties.scim().unavailableRetryAfter();
	}

	@ExceptionHandler(DirectoryException.class)
	ProblemDetail directory(DirectoryException ex) {
		HttpStatus status = switch (ex.reason()) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case CONFLICT, READ_ONLY -> HttpStatus.CONFLICT;
			case INVALID_VALUE -> HttpStatus.BAD_REQUEST;
			case STALE_VERSION -> HttpStatus.PRECONDITION_FAILED;
		};
		return problem(status, ex.getMessage(), ex.field());
	}

	@ExceptionHandler(ApiException.class)
	ProblemDetail api(ApiException ex) {
		return problem(ex.status(), ex.getMessage(), ex.field());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex, HttpServletResponse response) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof ApiRequestBodies.BodyLimitException limit) {
				// The rest of the body is not read, so the connection cannot carry
				// another request.
				response.setHeader(HttpHeaders.CONNECTION, "close");
				return problem(limit.status(), limit.getMessage(), null);
			}
		}
		return problem(HttpStatus.BAD_REQUEST, "The request body must be a JSON object", null);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail mismatch(MethodArgumentTypeMismatchException ex) {
		String expected = (ex.getRequiredType() != null) ? ex.getRequiredType().getSimpleName() : "another type";
		HttpStatus status = expected.equals("UUID") ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
		return problem(status, "'" + ex.getName() + "' must be a " + expected + ", not '" + ex.getValue() + "'",
				ex.getName());
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ProblemDetail integrity(DataIntegrityViolationException ex) {
		// The exception's message quotes the values sent, so only its SQLSTATE is logged.
		logger.debug("Product API request violated a database constraint (SQLSTATE {})", DatabaseFailures.sqlState(ex));
		return problem(HttpStatus.BAD_REQUEST,
				"A value is too long or conflicts with stored data; check the lengths of the fields sent", null);
	}

	@ExceptionHandler(ErrorResponseException.class)
	ProblemDetail framework(ErrorResponseException ex) {
		return ex.getBody();
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex, HttpServletRequest request, HttpServletResponse response) {
		if (DatabaseFailures.isLockConflict(ex)) {
			logger.warn("Product API request rolled back after a lock conflict with a concurrent request (SQLSTATE {},"
					+ " request id {})", DatabaseFailures.sqlState(ex), RequestIds.of(request));
			response.setHeader(HttpHeaders.RETRY_AFTER,
					WebOutages.retryAfterSeconds(DatabaseFailures.LOCK_CONFLICT_RETRY_AFTER));
			return problem(HttpStatus.SERVICE_UNAVAILABLE, DatabaseFailures.lockConflictDetail(RequestIds.of(request)),
					null);
		}
		if (DatabaseFailures.isOutage(ex)) {
			this.database.failedToReachDatabase();
			logger.debug("Product API request failed: the database is unreachable (request id {})",
					RequestIds.of(request));
			response.setHeader(HttpHeaders.RETRY_AFTER, WebOutages.retryAfterSeconds(this.retryAfter));
			return problem(HttpStatus.SERVICE_UNAVAILABLE,
					WebOutages.unavailableDetail(RequestIds.of(request), this.retryAfter), null);
		}
		logger.error("Product API request failed unexpectedly (request id {})", RequestIds.of(request),
				LogText.sanitize(ex));
		return problem(HttpStatus.INTERNAL_SERVER_ERROR,
				"Internal error; the request changed nothing. Request id: " + RequestIds.of(request), null);
	}

	private static ProblemDetail problem(HttpStatusCode status, String detail, @Nullable String field) {
		logger.debug("Product API request rejected with {}: {}", status.value(), LogText.sanitize(detail));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		if (field != null) {
			problem.setProperty("field", field);
		}
		return problem;
	}

}
