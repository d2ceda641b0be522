package io.roster.activity;

import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.roster.system.LogText;
import io.roster.tenant.CompanyStore;

/**
 * Deletes activity entries older than {@code roster.activity.retention}, company by
 * company, every {@code roster.activity.purge-interval}. Each instance runs its own
 * purge: a purge deletes by age only, so two instances purging at once delete the same
 * rows once and neither fails.
 */
@Component
class ActivityRetention {

	private static final Logger logger = LoggerFactory.getLogger(ActivityRetention.class);

	private final ActivityStore store;

	private final CompanyStore companies;

	private final ActivityProperties properties;

	ActivityRetention(ActivityStore store, CompanyStore companies, ActivityProperties properties) {
		this.store = store;
		this.companies = companies;
		this.properties = properties;
	}

	@Scheduled(initialDelayString = "${roster.activity.purge-interval:1h}",
			fixedDelayString = "${roster.activity.purge-interval:1h}")
	void purge() {
		Instant cutoff = Instant.now().minus(this.properties.retention());
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
	}

}
