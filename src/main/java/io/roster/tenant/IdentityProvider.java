package io.roster.tenant;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kind of identity provider behind a SCIM connection. Its display name is what admins
 * read in messages such as "title is managed by Okta".
 */
public enum IdentityProvider {

	OKTA("okta", "Okta"), ENTRA("entra", "Microsoft Entra ID"), ONELOGIN("onelogin", "OneLogin"),
	JUMPCLOUD("jumpcloud", "JumpCloud"), GOOGLE("google", "Google Workspace"), RIPPLING("rippling", "Rippling"),
	OTHER("other", "the identity provider");

	private final String code;

	private final String displayName;

	IdentityProvider(String code, String displayName) {
		this.code = code;
		this.displayName = displayName;
	}

	public String code() {
		return this.code;
	}

	public String displayName() {
		return this.displayName;
	}

	/** Returns the provider with the given code, ignoring case. */
	public static Optional<IdentityProvider> parse(String code) {
		String lower = code.toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter((provider) -> provider.code.equals(lower)).findFirst();
	}

	/** Returns the codes of all providers, comma-separated, for error messages. */
	public static String codes() {
		return Arrays.stream(values()).map(IdentityProvider::code).collect(Collectors.joining(", "));
	}

}
