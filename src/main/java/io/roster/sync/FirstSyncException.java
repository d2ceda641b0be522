package io.roster.sync;

/**
 * A first sync that cannot be read or finished, with the reason a console can act on.
 * Finishing that fails changes nothing.
 */
public class FirstSyncException extends RuntimeException {

	/** Why the first sync cannot be read or finished. */
	public enum Reason {

		/** The company does not exist, or has no connection in setup. */
		NOT_IN_SETUP,

		/** The plan has errors and the caller did not ask to skip them. */
		PLAN_HAS_ERRORS,

		/** A colleague chosen for deactivation is not in the plan's unsent section. */
		NOT_UNSENT,

		/**
		 * Applying the plan failed on the data, such as a colleague that an admin changed
		 * while the sync was finishing; the plan can be read and finished again.
		 */
		CONFLICT

	}

	private final Reason reason;

	public FirstSyncException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public FirstSyncException(Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

}
