package io.roster.tenant;

import java.util.Locale;

/**
 * The state of a SCIM connection. In {@code setup} the identity provider's first sync
 * runs; in {@code live} it keeps the directory in sync; {@code disabled} rejects its
 * tokens with 401.
 */
public enum ConnectionState {

	SETUP, LIVE, DISABLED;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static ConnectionState fromCode(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT));
	}

}
