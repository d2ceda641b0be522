package io.roster.scim;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ErrorResponse;

import io.roster.directory.DirectoryException;
import io.roster.system.DatabaseFailures;
import io.roster.system.DatabaseOutageFilter;

import tools.jackson.databind.node.ObjectNode;

/**
 * Writes SCIM error bodies (RFC 7644 section 3.12): {@code status} as a string,
 * {@code scimType} where the RFC defines one, and a {@code detail} that names what is at
 * fault.
 */
final class ScimErrors {

	private ScimErrors() {
	}

	static ObjectNode body(ScimException ex) {
		ErrorResponse error = ex.getScimError();
		ObjectNode node = ScimJson.object();
		node.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:Error");
		node.put("status", String.valueOf(error.getStatus()));
		if (error.getScimType() != null) {
			node.put("scimType", error.getScimType());
		}
		if (error.getDetail() != null) {
			node.put("detail", error.getDetail());
		}
		return node;
	}

	/** Maps a change the directory rejected onto the SCIM error of the same meaning. */
	static ScimException of(DirectoryException ex) {
		return switch (ex.reason()) {
			case NOT_FOUND -> new ResourceNotFoundException(ex.getMessage());
			case CONFLICT -> ResourceConflictException.uniqueness(ex.getMessage());
			case READ_ONLY -> BadRequestException.mutability(ex.getMessage());
			case INVALID_VALUE -> BadRequestException.invalidValue(ex.getMessage());
			case STALE_VERSION -> new PreconditionFailedException(ex.getMessage());
		};
	}

	/**
	 * Returns the error for a change that a database constraint rejected, without the
	 * database's message, which can quote stored data.
	 */
	static ScimException constraintViolation() {
		return BadRequestException.invalidValue(
				"A value is too long or conflicts with stored data; check the" + " lengths of the attributes sent");
	}

	/**
	 * Returns the 503 error of a request that lost a lock conflict with a concurrent
	 * request, as {@link DatabaseFailures#isLockConflict} classifies it.
	 */
	static ScimException lockConflict(String requestId) {
		return new ScimException(503, null, DatabaseFailures.lockConflictDetail(requestId));
	}

	static ResponseEntity<String> response(ScimException ex) {
		return ResponseEntity.status(ex.getScimError().getStatus())
			.contentType(ScimJson.MEDIA_TYPE)
			.body(ScimJson.write(body(ex)));
	}

	/**
	 * Returns a 503 or 429 error response with {@code Retry-After} (RFC 9110 section
	 * 10.2.3) in whole seconds, at least 1.
	 */
	static ResponseEntity<String> response(ScimException ex, Duration retryAfter) {
		return ResponseEntity.status(ex.getScimError().getStatus())
			.header(HttpHeaders.RETRY_AFTER, retryAfterSeconds(retryAfter))
			.contentType(ScimJson.MEDIA_TYPE)
			.body(ScimJson.write(body(ex)));
	}

	/**
	 * Writes an error with {@code Retry-After} straight to the servlet response, for
	 * failures outside a controller.
	 */
	static void write(HttpServletResponse response, ScimException ex, Duration retryAfter) throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds(retryAfter));
		write(response, ex);
	}

	/**
	 * Writes an error straight to the servlet response, for failures outside a
	 * controller.
	 */
	static void write(HttpServletResponse response, ScimException ex) throws IOException {
		response.setStatus(ex.getScimError().getStatus());
		response.setContentType(ScimJson.MEDIA_TYPE_VALUE);
		response.setCharacterEncoding("UTF-8");
		if (ex.getScimError().getStatus() == 401) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Roster SCIM\"");
		}
		response.getWriter().write(ScimJson.write(body(ex)));
	}

	static String retryAfterSeconds(Duration retryAfter) {
		return DatabaseOutageFilter.retryAfterSeconds(retryAfter);
	}

}
