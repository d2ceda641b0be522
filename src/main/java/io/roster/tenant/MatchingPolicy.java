package io.roster.tenant;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What happens when SCIM creates a user whose userName matches an app-managed colleague:
 * {@code auto} links that colleague, {@code never} rejects the user.
 */
public enum MatchingPolicy {

	AUTO, NEVER;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Returns the policy with the given code, ignoring case. */
	public static Optional<MatchingPolicy> parse(String code) {
		return Arrays.stream(values()).filter((policy) -> policy.code().equalsIgnoreCase(code)).findFirst();
	}

}
