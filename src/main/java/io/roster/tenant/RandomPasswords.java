package io.roster.tenant;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Generates the passwords of new accounts: 144 random bits, URL-safe Base64 encoded.
 */
final class RandomPasswords {

	private static final int PASSWORD_BYTES = 18;

	private static final SecureRandom random = new SecureRandom();

	private RandomPasswords() {
	}

	static String next() {
		byte[] bytes = new byte[PASSWORD_BYTES];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
