package io.roster.system;

/**
 * Makes client-supplied text safe for a log line: control characters (line breaks
 * included) become {@code _}, so no client can forge or split a log entry, and long text
 * is cut.
 */
public final class LogText {

	private static final int MAX_LENGTH = 200;

	private LogText() {
	}

	public static String sanitize(String text) {
		StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX_LENGTH));
		for (int i = 0; i < text.length() && i < MAX_LENGTH; i++) {
			char c = text.charAt(i);
			safe.append((Character.isISOControl(c) || c == '\u2028' || c == '\u2029') ? '_' : c);
		}
		if (text.length() > MAX_LENGTH) {
			safe.append("...");
		}
		return safe.toString();
	}

}
