package io.roster.scim;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.unboundid.scim2.common.exceptions.MethodNotAllowedException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.exceptions.ServerErrorException;

import io.roster.directory.DirectoryException;
import io.roster.system.DatabaseAvailability;
import io.roster.system.DatabaseFailures;
import io.roster.system.LogText;
import io.roster.system.RequestIds;
import io.roster.system.RosterProperties;

/**
 * Turns every failure of a SCIM handler into a SCIM error body. Client mistakes are
 * logged at DEBUG; a database outage or a lock conflict with a concurrent request (a
 * deadlock or a lock wait that timed out) is a 503 with {@code Retry-After}; anything
 * else is a 500 whose body holds only a fixed detail and the request id, while the stack
 * trace goes to the log once, at ERROR, with its messages sanitized.
 */
@RestControllerAdvice(assignableTypes = { UsersController.class, GroupsController.class, BulkController.class,
		DiscoveryController.class, RootController.class, ScimFallbackController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class ScimExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ScimExceptionHandler.class);

	private final DatabaseAvailability database;

	private final Duration retryAfter;

	ScimExceptionHandler(DatabaseAvailability database, RosterProperties properties) {
		this.database = database;
		this.retryAfter = properties.scim().unavailableRetryAfter();
	}

	@ExceptionHandler(ScimException.class)
	ResponseEntity<String> scim(ScimException ex, HttpServletRequest request) {
		logger.debug("SCIM request rejected: {}", LogText.sanitize(String.valueOf(ex.getMessage())));
		recordFailure(request, ex);
		return ScimErrors.response(ex);
	}

	@ExceptionHandler(ScimFailure.class)
	ResponseEntity<String> wrapped(ScimFailure ex, HttpServletRequest request) {
		return scim(ex.scimException(), request);
	}

	@ExceptionHandler(DirectoryException.class)
	ResponseEntity<String> directory(DirectoryException ex, HttpServletRequest request) {
		return scim(ScimErrors.of(ex), request);
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<String> integrity(DataIntegrityViolationException ex, HttpServletRequest request) {
		// The exception's message quotes the values sent, so only its SQLSTATE is logged.
		logger.debug("SCIM request violated a database constraint (SQLSTATE {})", DatabaseFailures.sqlState(ex));
		return scim(ScimErrors.constraintViolation(), request);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<String> method(HttpRequestMethodNotSupportedException ex, HttpServletRequest request) {
		return scim(new MethodNotAllowedException("Method " + ex.getMethod() + " is not supported here"), request);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<String> mediaType(HttpMediaTypeNotSupportedException ex, HttpServletRequest request) {
		return scim(new ScimException(415, null, "Content-Type must be application/scim+json or application/json"),
				request);
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<String> notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletRequest request) {
		return scim(new ScimException(406, null, "Roster answers with application/scim+json or application/json"),
				request);
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<String> noResource(NoResourceFoundException ex, HttpServletRequest request) {
		return scim(new ResourceNotFoundException("No SCIM endpoint at this path"), request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<String> unexpected(Exception ex, HttpServletRequest request) {
		if (DatabaseFailures.isLockConflict(ex)) {
			return lockConflict(ex, request);
		}
		if (DatabaseFailures.isOutage(ex)) {
			this.database.failedToReachDatabase();
			logger.debug("SCIM request failed: the database is unreachable (request id {})", RequestIds.of(request));
			ScimException unavailable = ScimOutages.unavailable(request, this.retryAfter);
			recordFailure(request, unavailable);
			return ScimErrors.response(unavailable, this.retryAfter);
		}
		logger.error("SCIM request failed unexpectedly (request id {})", RequestIds.of(request), LogText.sanitize(ex));
		ServerErrorException error = new ServerErrorException(
				"Internal error; the request changed nothing. Request id: " + RequestIds.of(request));
		recordFailure(request, error);
		return ScimErrors.response(error);
	}

	private ResponseEntity<String> lockConflict(Exception ex, HttpServletRequest request) {
		logger.warn("SCIM request rolled back after a lock conflict with a concurrent request (SQLSTATE {},"
				+ " request id {})", DatabaseFailures.sqlState(ex), RequestIds.of(request));
		ScimException conflict = ScimErrors.lockConflict(RequestIds.of(request));
		recordFailure(request, conflict);
		return ScimErrors.response(conflict, DatabaseFailures.LOCK_CONFLICT_RETRY_AFTER);
	}

	private static void recordFailure(HttpServletRequest request, ScimException ex) {
		ScimCall call = ScimCall.of(request);
		if (call != null) {
			call.failed(ex);
		}
	}

}
