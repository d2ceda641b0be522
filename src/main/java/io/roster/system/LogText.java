package io.roster.system;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Makes client-supplied text safe for a log line: control characters (line breaks
 * included) become {@code _}, so no client can forge or split a log entry; anything
 * shaped like a Roster SCIM token is redacted, in case a client puts one in a URL or an
 * attribute; and long text is cut.
 */
public final class LogText {

	private static final int MAX_LENGTH = 200;

	private static final int MAX_EXCEPTION_MESSAGE_LENGTH = 2000;

	/** A SCIM token as issued: {@code rst_} and 32 random bytes in unpadded base64url. */
	private static final Pattern TOKEN = Pattern.compile("rst_[A-Za-z0-9_-]{43}");

	private LogText() {
	}

	public static String sanitize(String text) {
		return sanitize(text, MAX_LENGTH);
	}

	/**
	 * Returns a copy of an exception for the log, with the same stack frames and each
	 * message sanitized, since a message can quote request data (a database error quotes
	 * the value that violated a constraint). Each copy is a {@link SanitizedException}
	 * whose message starts with the original class name. Its stack trace then starts a
	 * new line only where a frame or a cause starts.
	 */
	public static Throwable sanitize(Throwable failure) {
		return copy(failure, new IdentityHashMap<>());
	}

	private static String sanitize(String raw, int maxLength) {
		String text = TOKEN.matcher(raw).replaceAll("rst_[redacted]");
		StringBuilder safe = new StringBuilder(Math.min(text.length(), maxLength));
		for (int i = 0; i < text.length() && i < maxLength; i++) {
			char c = text.charAt(i);
			safe.append((Character.isISOControl(c) || c == '\u2028' || c == '\u2029') ? '_' : c);
		}
		if (text.length() > maxLength) {
			safe.append("...");
		}
		return safe.toString();
	}

	private static Throwable copy(Throwable failure, Map<Throwable, Throwable> copies) {
		Throwable existing = copies.get(failure);
		if (existing != null) {
			return existing;
		}
		String message = failure.getClass().getName();
		if (failure.getMessage() != null) {
			message += ": " + sanitize(failure.getMessage(), MAX_EXCEPTION_MESSAGE_LENGTH);
		}
		SanitizedException copy = new SanitizedException(message);
		copies.put(failure, copy);
		copy.setStackTrace(failure.getStackTrace());
		if (failure.getCause() != null) {
			copy.initCause(copy(failure.getCause(), copies));
		}
		for (Throwable suppressed : failure.getSuppressed()) {
			copy.addSuppressed(copy(suppressed, copies));
		}
		return copy;
	}

	/** A logged copy of an exception: its message is the original class and message. */
	public static final class SanitizedException extends RuntimeException {

		SanitizedException(String message) {
			super(message);
		}

		@Override
		public synchronized Throwable fillInStackTrace() {
			return this;
		}

	}

}
