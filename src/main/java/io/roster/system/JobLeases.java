package io.roster.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Leases in the {@code job_lease} table that let one instance of all the Roster instances
 * on a database run a scheduled job per interval. An instance claims a job's lease before
 * each run and keeps it until the lease ends, even after the run ends, so an instance
 * whose timer fires later in the same interval skips the run. An instance that crashes
 * keeps nothing: its lease ends at {@code locked_until} and the next instance to try
 * claims it.
 * <p>
 * Each instance compares {@code locked_until} with its own clock. An instance whose clock
 * runs ahead of the holder's by some seconds can claim the lease that many seconds early,
 * so the clocks of all instances must agree (by NTP) to well within a job's interval. A
 * run that lasts longer than its lease can overlap the next instance's run, so jobs that
 * use a lease must stay safe to run twice at once.
 */
@Component
public class JobLeases {

	private final JdbcClient jdbc;

	private final Clock clock;

	/** This instance's id in {@code job_lease.holder}, new on every start. */
	private final String holder = UUID.randomUUID().toString();

	public JobLeases(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Claims the lease of {@code job} for {@code duration} from now when no instance
	 * holds it, this one included.
	 * @return whether this instance claimed the lease and should run the job
	 */
	public boolean tryAcquire(String job, Duration duration) {
		Instant now = this.clock.instant();
		OffsetDateTime lockedUntil = now.plus(duration).atOffset(ZoneOffset.UTC);
		int claimed = this.jdbc
			.sql("UPDATE job_lease SET holder = ?, locked_until = ? WHERE name = ? AND locked_until <= ?")
			.params(this.holder, lockedUntil, job, now.atOffset(ZoneOffset.UTC))
			.update();
		if (claimed == 1) {
			return true;
		}
		// Inserts only a missing row, because a failed INSERT leaves an error in the
		// PostgreSQL server log on every skipped run.
		boolean exists = this.jdbc.sql("SELECT COUNT(*) FROM job_lease WHERE name = ?")
			.param(job)
			.query(Long.class)
			.single() > 0;
		if (exists) {
			return false;
		}
		try {
			this.jdbc.sql("INSERT INTO job_lease (name, holder, locked_until) VALUES (?, ?, ?)")
				.params(job, this.holder, lockedUntil)
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			// Another instance inserted the row after the SELECT and holds the lease.
			return false;
		}
	}

}
