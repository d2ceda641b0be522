package io.roster.directory;

/**
 * A change the directory rejects because of the caller's input or the current state. The
 * field names the attribute at fault, in the directory's own terms.
 */
public class DirectoryException extends RuntimeException {

	/** Why a change was rejected. */
	public enum Reason {

		/** The target does not exist in the company. */
		NOT_FOUND,
		/**
		 * A value that must be unique in the company is already taken, or the state
		 * forbids the change.
		 */
		CONFLICT,
		/**
		 * The field is managed elsewhere, such as by the identity provider of a
		 * SCIM-managed colleague, and this channel may not change it.
		 */
		READ_ONLY,
		/** A value is not acceptable. */
		INVALID_VALUE,
		/** The target changed since the version the caller expected. */
		STALE_VERSION

	}

	private final Reason reason;

	private final String field;

	public DirectoryException(Reason reason, String field, String message) {
		super(message);
		this.reason = reason;
		this.field = field;
	}

	public Reason reason() {
		return this.reason;
	}

	public String field() {
		return this.field;
	}

	static DirectoryException notFound(String what, String id) {
		return new DirectoryException(Reason.NOT_FOUND, "id", what + " " + id + " not found");
	}

}
