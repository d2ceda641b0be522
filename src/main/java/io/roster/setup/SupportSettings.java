package io.roster.setup;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code roster.support.*}.
 *
 * @param email address of the support team, which the setup wizard's "Done" notifies
 * @param linkValidity time a configuration link stays usable after it is sent
 */
@ConfigurationProperties("roster.support")
public record SupportSettings(@DefaultValue("support@roster.example") String email,
		@DefaultValue("7d") Duration linkValidity, @DefaultValue("8h") Duration wizardTimeout) {
}
