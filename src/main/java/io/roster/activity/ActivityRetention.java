package io.roster.activity;

import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.roster.system.JobLeases;
import io.roster.system.LogText;
import io.roster.tenant.CompanyStore;

/**
 * Deletes activity entries older than {@code roster.activity.retention}, company by
 * company, every {@code roster.activity.purge-interval}. Of all the instances on one
 * database, only the one that claims the job lease purges in an interval, and the others
 * skip it. A purge deletes by age only, so two purges that still overlap, such as one
 * that outlasts its lease, delete the same rows once and neither fails.
 */
@Component
class ActivityRetention {

	private static final Logger logger = LoggerFactory.getLogger(ActivityRetention.class);

	/** The name of the purge's lease in {@code job_lease}. */
	private static final String JOB = "activity-purge";

	private final ActivityStore store;

	private final CompanyStore companies;

	private final ActivityProperties properties;

	private final JobLeases leases;

	private final Clock clock;

	ActivityRetention(ActivityStore store, CompanyStore companies, ActivityProperties properties, JobLeases leases,
			Clock clock) {
		this.store = store;
		this.companies = companies;
		this.properties = properties;
		this.leases = leases;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${roster.activity.purge-interval:1h}",
			fixedDelayString = "${roster.activity.purge-interval:1h}")
	void scheduledPurge() {
		purge();
	}

	/**
	 * Purges the activity of all companies, unless an instance, this one included, holds
	 * the lease of the current interval.
	 * @return the number of entries deleted, or empty when the purge was skipped
	 */
	OptionalLong purge() {
		if (!this.leases.tryAcquire(JOB, this.properties.purgeInterval())) {
			logger.debug("Skipped the activity purge because an instance holds its lease until the interval ends");
			return OptionalLong.empty();
		}
		Instant cutoff = this.clock.instant().minus(this.properties.retention());
		long deleted = 0;
		for (UUID companyId : this.companies.ids()) {
			try {
				deleted += this.store.deleteOlderThan(companyId, cutoff);
			}
			catch (RuntimeException ex) {
				logger.warn("Purging the activity of company {} failed; the next purge retries", companyId,
						LogText.sanitize(ex));
			}
		}
		if (deleted > 0) {
			logger.info("Purged {} activity entries older than {}", deleted, cutoff);
		}
		return OptionalLong.of(deleted);
	}

}
