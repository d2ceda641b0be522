package io.roster.system;

/**
 * Shortens text to the length of the column that stores it without splitting a character.
 * Half of a surrogate pair is no character that UTF-8 can encode, so the text would not
 * read back as it was cut.
 */
public final class StoredText {

	private StoredText() {
	}

	/**
	 * Returns the first {@code max} characters of {@code value}, one fewer when the last
	 * of them would be the first half of a surrogate pair, or {@code value} itself when
	 * it is not longer.
	 */
	public static String cut(String value, int max) {
		if (value.length() <= max) {
			return value;
		}
		int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
		return value.substring(0, end);
	}

}
