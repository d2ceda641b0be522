package io.roster.setup;

/**
 * A setup step that cannot be done, with a message for the person who asked for it.
 */
public class SetupException extends RuntimeException {

	public SetupException(String message) {
		super(message);
	}

	public SetupException(String message, Throwable cause) {
		super(message, cause);
	}

}
