package io.roster.system;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailureThrottleTests {

	private final AtomicLong now = new AtomicLong();

	private final FailureThrottle throttle = new FailureThrottle(3, Duration.ofMinutes(1), this.now::get);

	@Test
	void keyIsBlockedFromItsLimitToTheEndOfItsWindow() {
		assertThat(this.throttle.recordFailure("10.0.0.1")).isFalse();
		assertThat(this.throttle.recordFailure("10.0.0.1")).isFalse();
		assertThat(this.throttle.blockedFor("10.0.0.1")).isZero();

		assertThat(this.throttle.recordFailure("10.0.0.1")).as("the failure that reaches the limit").isTrue();
		this.now.addAndGet(Duration.ofSeconds(20).toNanos());

		assertThat(this.throttle.blockedFor("10.0.0.1")).isEqualTo(Duration.ofSeconds(40));
		assertThat(this.throttle.blockedFor("10.0.0.2")).isZero();
	}

	@Test
	void newWindowStartsCountingAgain() {
		for (int i = 0; i < 3; i++) {
			this.throttle.recordFailure("10.0.0.1");
		}

		this.now.addAndGet(Duration.ofMinutes(1).toNanos());

		assertThat(this.throttle.blockedFor("10.0.0.1")).isZero();
		assertThat(this.throttle.recordFailure("10.0.0.1")).isFalse();
		assertThat(this.throttle.blockedFor("10.0.0.1")).isZero();
	}

}
