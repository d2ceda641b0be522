package io.roster.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text cut to a column's length keeps whole characters.
 */
class StoredTextTests {

	@Test
	void shortTextStaysAsItIs() {
		assertThat(StoredText.cut("abc", 3)).isEqualTo("abc");
		assertThat(StoredText.cut("", 3)).isEmpty();
	}

	@Test
	void longTextKeepsItsStart() {
		assertThat(StoredText.cut("abcdef", 4)).isEqualTo("abcd");
	}

	@Test
	void surrogatePairIsNeverSplit() {
		String face = "\uD83D\uDE00";

		assertThat(StoredText.cut("abc" + face + "d", 4)).isEqualTo("abc");
		assertThat(StoredText.cut("abc" + face + "d", 5)).isEqualTo("abc" + face);
		assertThat(StoredText.cut("ab" + face + "cd", 4)).isEqualTo("ab" + face);
	}

}
