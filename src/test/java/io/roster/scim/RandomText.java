package io.roster.scim;

import java.util.List;
import java.util.Random;

/**
 * Random text for attribute values: a small pool of words, so that values repeat across
 * resources and in different case, including characters that mean something to SQL
 * ({@code % _ ' \}), quotes, letters outside ASCII and a character outside the Basic
 * Multilingual Plane.
 */
final class RandomText {

	private static final List<String> WORDS = List.of("ann", "Ann", "ANNE", "bo", "Bob", "bob", "b_b", "b%b", "bXb",
			"o'Neil", "x\"y", "back\\slash", "Éva", "éVA", "Zoë", "straße", "Ñu", "a b", "-", "李", "😀", "' OR 1=1 --",
			"%", "_", "Work", "work", "home");

	private RandomText() {
	}

	static String word(Random random) {
		return WORDS.get(random.nextInt(WORDS.size()));
	}

	/** Returns one to three words, sometimes with a number, in random case. */
	static String token(Random random) {
		StringBuilder token = new StringBuilder(word(random));
		int more = random.nextInt(3);
		for (int i = 0; i < more; i++) {
			token.append(random.nextBoolean() ? " " : ".").append(word(random));
		}
		if (random.nextInt(3) == 0) {
			token.append(random.nextInt(100));
		}
		return (random.nextInt(3) == 0) ? shuffleCase(token.toString(), random) : token.toString();
	}

	/** Returns the text with each letter's case chosen at random. */
	static String shuffleCase(String text, Random random) {
		StringBuilder shuffled = new StringBuilder();
		text.codePoints()
			.forEach((c) -> shuffled
				.appendCodePoint(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c)));
		return shuffled.toString();
	}

}
