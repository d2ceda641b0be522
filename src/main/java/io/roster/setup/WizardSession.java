package io.roster.setup;

import java.io.Serializable;
import java.util.UUID;

/**
 * What a browser session that redeemed a configuration link may do: run the setup wizard
 * of that link's connection. It is kept in the HTTP session, so it must stay serializable
 * for stored sessions.
 *
 * @param done whether the directory admin pressed "Done"
 */
public record WizardSession(UUID companyId, UUID connectionId, UUID linkId, String recipient,
		boolean done) implements Serializable {

	/** Name of the session attribute. */
	public static final String ATTRIBUTE = WizardSession.class.getName();

	WizardSession finished() {
		return new WizardSession(this.companyId, this.connectionId, this.linkId, this.recipient, true);
	}

}
