package io.roster.system;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RateLimiterTests {

	private final AtomicLong now = new AtomicLong();

	private final RateLimiter limiter = new RateLimiter(2, 3, this.now::get);

	@Test
	void burstPassesThenWaitFollowsRate() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.limiter.tryAcquire("token")).as("request %d", i + 1).isZero();
		}

		assertThat(this.limiter.tryAcquire("token")).isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void bucketRefillsAtRate() {
		for (int i = 0; i < 3; i++) {
			this.limiter.tryAcquire("token");
		}

		this.now.addAndGet(Duration.ofMillis(500).toNanos());

		assertThat(this.limiter.tryAcquire("token")).isZero();
		assertThat(this.limiter.tryAcquire("token")).isPositive();
	}

	@Test
	void keysHaveSeparateBuckets() {
		for (int i = 0; i < 3; i++) {
			this.limiter.tryAcquire("first");
		}

		assertThat(this.limiter.tryAcquire("first")).isPositive();
		assertThat(this.limiter.tryAcquire("second")).isZero();
	}

	@Test
	void nonPositiveRateIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RateLimiter(0, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new RateLimiter(1, 0));
	}

}
