package io.roster.console;

import jakarta.servlet.http.HttpServletResponse;

import io.roster.directory.DirectoryException;

/**
 * Maps a change the directory rejected to the status of the page that shows the message.
 * Something not in the company is 404 and a bad value is 400. Everything else is 409: a
 * field managed by an identity provider, a taken name or email, or a stale version.
 */
final class Rejections {

	private Rejections() {
	}

	static int status(DirectoryException ex) {
		return switch (ex.reason()) {
			case NOT_FOUND -> HttpServletResponse.SC_NOT_FOUND;
			case INVALID_VALUE -> HttpServletResponse.SC_BAD_REQUEST;
			case CONFLICT, READ_ONLY, STALE_VERSION -> HttpServletResponse.SC_CONFLICT;
		};
	}

}
