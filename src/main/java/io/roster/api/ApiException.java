package io.roster.api;

import org.springframework.http.HttpStatus;

/**
 * A request that the API rejects before it reaches the directory. The response is a
 * problem detail with the status and the field at fault.
 */
class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String field;

	ApiException(HttpStatus status, String field, String message) {
		super(message);
		this.status = status;
		this.field = field;
	}

	static ApiException badRequest(String field, String message) {
		return new ApiException(HttpStatus.BAD_REQUEST, field, message);
	}

	HttpStatus status() {
		return this.status;
	}

	String field() {
		return this.field;
	}

}
