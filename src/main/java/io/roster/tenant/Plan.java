package io.roster.tenant;

import java.util.Locale;

/**
 * A company's subscription plan. SCIM provisioning needs {@link #ENTERPRISE}.
 */
public enum Plan {

	FREE, BUSINESS, ENTERPRISE;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Plan fromCode(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT));
	}

}
