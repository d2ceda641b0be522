package io.roster.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseAvailabilityTests {

	private final MutableClock clock = new MutableClock();

	private final DatabaseAvailability database = new DatabaseAvailability(this.clock);

	@Test
	void requestsEnterWhileNoOutageIsKnown() {
		assertThat(this.database.tryEnter()).isTrue();
		assertThat(this.database.tryEnter()).isTrue();
	}

	@Test
	void outageRejectsRequestsUntilProbeInterval() {
		this.database.failedToReachDatabase();

		assertThat(this.database.tryEnter()).isFalse();
		this.clock.advance(DatabaseAvailability.PROBE_INTERVAL);
		assertThat(this.database.tryEnter()).as("the probe").isTrue();
		assertThat(this.database.tryEnter()).as("a request during the probe").isFalse();
	}

	@Test
	void probeThatReachesDatabaseEndsOutage() {
		this.database.failedToReachDatabase();
		this.clock.advance(DatabaseAvailability.PROBE_INTERVAL);
		this.database.tryEnter();

		this.database.reachedDatabase();

		assertThat(this.database.tryEnter()).isTrue();
		assertThat(this.database.tryEnter()).isTrue();
	}

	@Test
	void probeThatFailsRestartsInterval() {
		this.database.failedToReachDatabase();
		this.clock.advance(DatabaseAvailability.PROBE_INTERVAL);
		this.database.tryEnter();

		this.database.failedToReachDatabase();

		assertThat(this.database.tryEnter()).isFalse();
		this.clock.advance(DatabaseAvailability.PROBE_INTERVAL);
		assertThat(this.database.tryEnter()).isTrue();
	}

	@Test
	void probeThatLeavesWithoutDatabaseFreesSlot() {
		this.database.failedToReachDatabase();
		this.clock.advance(DatabaseAvailability.PROBE_INTERVAL);
		this.database.tryEnter();

		this.database.leave();

		assertThat(this.database.tryEnter()).isTrue();
	}

	private static final class MutableClock extends Clock {

		private Instant instant = Instant.parse("2030-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.instant = this.instant.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.instant;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
