package io.roster.directory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A colleague's role in the product: {@code admin}, {@code member} (a full user) or
 * {@code light} (a light user). Every channel parses roles here, so they accept the same
 * values.
 */
public enum Role {

	ADMIN, MEMBER, LIGHT;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Returns the role with the given code, ignoring case and surrounding spaces. */
	public static Optional<Role> parse(String code) {
		String trimmed = code.trim();
		return Arrays.stream(values()).filter((role) -> role.code().equalsIgnoreCase(trimmed)).findFirst();
	}

	/**
	 * Returns the role with the given code, ignoring case.
	 * @param field the name of the field that carries the role, for the error
	 * @throws DirectoryException {@code INVALID_VALUE} naming the allowed roles
	 */
	public static Role require(String code, String field) {
		return parse(code).orElseThrow(() -> new DirectoryException(DirectoryException.Reason.INVALID_VALUE, field,
				"'" + field + "' has the unknown role '" + code + "'; use one of " + codes()));
	}

	/** Returns the codes of all roles, comma-separated, for messages. */
	public static String codes() {
		return Arrays.stream(values()).map(Role::code).collect(Collectors.joining(", "));
	}

}
