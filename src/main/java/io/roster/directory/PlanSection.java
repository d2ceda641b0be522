package io.roster.directory;

/**
 * The sections of a first sync's plan, each read in pages on its own.
 */
public enum PlanSection {

	/** Users the identity provider sent that become new colleagues. */
	CREATE,

	/**
	 * Users whose userName matches an existing colleague (ignoring case) that they link:
	 * an app-managed colleague under the matching policy {@code auto}, or a colleague
	 * whose SCIM user was deleted earlier (rehire).
	 */
	LINK,

	/** Groups that become new teams. */
	TEAMS_CREATE,

	/** Groups whose displayName matches an active app-managed team (ignoring case). */
	TEAMS_TAKE_OVER,

	/**
	 * Users and groups that finishing cannot apply: a userName of an app-managed
	 * colleague under the matching policy {@code never}, or a userName or displayName
	 * that a SCIM connection already manages.
	 */
	ERRORS,

	/**
	 * Active app-managed colleagues whose userName the identity provider did not send.
	 */
	UNSENT

}
