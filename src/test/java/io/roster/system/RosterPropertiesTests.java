package io.roster.system;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The defaults of {@code roster.*} as Spring Boot binds them, since the README documents
 * them and discovery advertises some of them.
 */
class RosterPropertiesTests {

	@Test
	void bulkLimitsDefaultToDocumentedValues() {
		RosterProperties properties = bind(Map.of());

		assertThat(properties.scim().bulkMaxOperations()).isEqualTo(1000);
		assertThat(properties.scim().bulkMaxPayloadBytes()).isEqualTo(1048576);
	}

	private static RosterProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("roster", RosterProperties.class);
	}

}
