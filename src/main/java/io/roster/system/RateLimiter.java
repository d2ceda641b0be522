package io.roster.system;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets by key: each key may send {@code burst} requests at once and
 * {@code perSecond} requests a second on average. Once the map contains more than
 * {@link #MAX_IDLE_KEYS} keys, buckets that are full and unused for a minute are dropped,
 * so memory stays bounded by the keys active recently.
 */
public final class RateLimiter {

	private static final int MAX_IDLE_KEYS = 10_000;

	private static final long IDLE_NANOS = Duration.ofMinutes(1).toNanos();

	private final double perSecond;

	private final double burst;

	private final LongSupplier nanoTime;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	public RateLimiter(double perSecond, int burst) {
		this(perSecond, burst, System::nanoTime);
	}

	RateLimiter(double perSecond, int burst, LongSupplier nanoTime) {
		if (perSecond <= 0 || burst < 1) {
			throw new IllegalArgumentException(
					"A rate limit needs a positive rate and a burst of at least 1, not " + perSecond + " and " + burst);
		}
		this.perSecond = perSecond;
		this.burst = burst;
		this.nanoTime = nanoTime;
	}

	/**
	 * Takes one request from the key's bucket.
	 * @return {@link Duration#ZERO} when the request may proceed, otherwise how long
	 * until it would
	 */
	public Duration tryAcquire(String key) {
		long now = this.nanoTime.getAsLong();
		if (this.buckets.size() > MAX_IDLE_KEYS) {
			this.buckets.values().removeIf((bucket) -> bucket.isIdle(now));
		}
		return this.buckets.computeIfAbsent(key, (k) -> new Bucket(now)).tryAcquire(now);
	}

	private final class Bucket {

		private double tokens = RateLimiter.this.burst;

		private long refilledAt;

		private long usedAt;

		Bucket(long now) {
			this.refilledAt = now;
			this.usedAt = now;
		}

		synchronized Duration tryAcquire(long now) {
			refill(now);
			this.usedAt = now;
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return Duration.ZERO;
			}
			double seconds = (1 - this.tokens) / RateLimiter.this.perSecond;
			return Duration.ofNanos((long) Math.ceil(seconds * 1e9));
		}

		/**
		 * Returns whether the bucket is full and unused for a minute, so dropping it
		 * changes nothing.
		 */
		synchronized boolean isIdle(long now) {
			refill(now);
			return this.tokens >= RateLimiter.this.burst && now - this.usedAt >= IDLE_NANOS;
		}

		private void refill(long now) {
			double added = (now - this.refilledAt) / 1e9 * RateLimiter.this.perSecond;
			this.tokens = Math.min(RateLimiter.this.burst, this.tokens + added);
			this.refilledAt = now;
		}

	}

}
