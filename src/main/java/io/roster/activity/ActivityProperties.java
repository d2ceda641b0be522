package io.roster.activity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code roster.activity.*}.
 *
 * @param retention how long activity entries are kept before the purge deletes them
 * @param purgeInterval time between the end of one purge and the start of the next
 * @param batchWait maximum time a batch of the entries of reads and failed requests waits
 * for more entries before it is written, so that they share one commit. Zero writes each
 * batch at once
 */
@ConfigurationProperties("roster.activity")
public record ActivityProperties(@DefaultValue("90d") Duration retention, @DefaultValue("1h") Duration purgeInterval,
		@DefaultValue("20ms") Duration batchWait) {

	private static final Duration MAX_BATCH_WAIT = Duration.ofMinutes(1);

	public ActivityProperties {
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException(
					"roster.activity.retention must be positive, such as 90d; it is " + retention);
		}
		if (purgeInterval.isNegative() || purgeInterval.isZero()) {
			throw new IllegalArgumentException(
					"roster.activity.purge-interval must be positive, such as 1h; it is " + purgeInterval);
		}
		if (batchWait.isNegative() || batchWait.compareTo(MAX_BATCH_WAIT) > 0) {
			throw new IllegalArgumentException(
					"roster.activity.batch-wait must be between 0 and 1m, such as 20ms; it is " + batchWait);
		}
	}

}
