package io.roster.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Remembers a database outage so that requests fail at once while it lasts, instead of
 * each one waiting for a connection until the pool's timeout. After an outage, one
 * request at a time is let through as a probe, at most once per {@link #PROBE_INTERVAL};
 * the first request that reaches the database ends the outage, so service resumes by
 * itself.
 */
@Component
public class DatabaseAvailability {

	static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);

	private static final Logger logger = LoggerFactory.getLogger(DatabaseAvailability.class);

	private final Clock clock;

	private final AtomicBoolean probing = new AtomicBoolean();

	private volatile @Nullable Instant lastFailure;

	public DatabaseAvailability() {
		this(Clock.systemUTC());
	}

	DatabaseAvailability(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Returns whether a request may use the database now: always while no outage is
	 * known; during one, only a single probe request per interval.
	 */
	public boolean tryEnter() {
		Instant failure = this.lastFailure;
		if (failure == null) {
			return true;
		}
		if (this.clock.instant().isBefore(failure.plus(PROBE_INTERVAL))) {
			return false;
		}
		return this.probing.compareAndSet(false, true);
	}

	/** Records that a request reached the database; ends a known outage. */
	public void reachedDatabase() {
		if (this.lastFailure != null) {
			this.lastFailure = null;
			logger.info("The database is reachable again; requests are served");
		}
		this.probing.set(false);
	}

	/** Records that a request failed because the database is unreachable. */
	public void failedToReachDatabase() {
		if (this.lastFailure == null) {
			logger.warn("The database is unreachable; requests get 503 until it is reachable again");
		}
		this.lastFailure = this.clock.instant();
		this.probing.set(false);
	}

	/**
	 * Ends a request that entered, so that a probe that never used the database frees the
	 * probe slot.
	 */
	public void leave() {
		if (this.lastFailure != null) {
			this.probing.set(false);
		}
	}

}
