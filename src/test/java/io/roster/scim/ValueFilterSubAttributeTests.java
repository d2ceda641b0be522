package io.roster.scim;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A comparison of a sub-attribute after a value filter moves inside the value filter, and
 * every other filter stays as it was.
 */
class ValueFilterSubAttributeTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '\'',
			textBlock = """
					emails[type eq "work"].value eq "a@example.com"          | emails[(type eq "work") and value eq "a@example.com"]
					Emails[Type Eq "work"].Value EQ "a" and userName eq "b"  | Emails[(Type Eq "work") and Value EQ "a"] and userName eq "b"
					emails[type eq "work"].value pr                          | emails[(type eq "work") and value pr]
					(roles[primary eq true].value eq "Admin")                | (roles[(primary eq true) and value eq "Admin"])
					emails[type eq "w]."].value eq "a\\"].b"                 | emails[(type eq "w].") and value eq "a\\"].b"]
					emails[type eq "work" or type eq "home"].value co "@x"   | emails[(type eq "work" or type eq "home") and value co "@x"]
					""")
	void comparisonAfterValueFilterMovesInside(String filter, String rewritten) {
		assertThat(ValueFilterSubAttribute.rewrite(filter)).isEqualTo(rewritten);
	}

	@ParameterizedTest
	@ValueSource(strings = { "emails[type eq \"work\"]", "userName eq \"a].b\"",
			"emails[type eq \"work\"] and title eq \"x\"", "emails[type eq \"work\"].value" })
	void otherFiltersStayUnchanged(String filter) {
		assertThat(ValueFilterSubAttribute.rewrite(filter)).isEqualTo(filter);
	}

}
