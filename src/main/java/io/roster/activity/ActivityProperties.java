package io.roster.activity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code roster.activity.*}.
 *
 * @param retention how long activity entries are kept before the purge deletes them
 * @param purgeInterval time between the end of one purge and the start of the next
 */
@ConfigurationProperties("roster.activity")
public record ActivityProperties(@DefaultValue("90d") Duration retention, @DefaultValue("1h") Duration purgeInterval) {

	public ActivityProperties {
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException(
					"roster.activity.retention must be positive, such as 90d; it is " + retention);
		}
		if (purgeInterval.isNegative() || purgeInterval.isZero()) {
			throw new IllegalArgumentException(
					"roster.activity.purge-interval must be positive, such as 1h; it is " + purgeInterval);
		}
	}

}
