package io.roster.setup;

import java.util.Locale;

/**
 * The state of a configuration link: {@code pending} until it is used, revoked or past
 * its expiry.
 */
public enum LinkState {

	PENDING, USED, EXPIRED, REVOKED;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
