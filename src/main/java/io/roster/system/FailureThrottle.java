package io.roster.system;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Counts failures by key in fixed windows and blocks a key that reached
 * {@code maxFailures} until its window ends. Used with client addresses, so that one
 * address cannot try token after token. Once the map contains more than {@link #MAX_KEYS}
 * keys, keys whose window has ended are dropped.
 */
public final class FailureThrottle {

	private static final int MAX_KEYS = 100_000;

	private final int maxFailures;

	private final long windowNanos;

	private final LongSupplier nanoTime;

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	public FailureThrottle(int maxFailures, Duration window) {
		this(maxFailures, window, System::nanoTime);
	}

	FailureThrottle(int maxFailures, Duration window, LongSupplier nanoTime) {
		if (maxFailures < 1 || window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("A failure throttle needs at least 1 failure and a positive window, not "
					+ maxFailures + " and " + window);
		}
		this.maxFailures = maxFailures;
		this.windowNanos = window.toNanos();
		this.nanoTime = nanoTime;
	}

	/**
	 * Returns how long the key stays blocked, or {@link Duration#ZERO} when it is not.
	 */
	public Duration blockedFor(String key) {
		Window window = this.windows.get(key);
		return (window != null) ? window.blockedFor(this.nanoTime.getAsLong()) : Duration.ZERO;
	}

	/**
	 * Counts a failure of the key.
	 * @return whether this failure reached the limit and so starts the key's block
	 */
	public boolean recordFailure(String key) {
		long now = this.nanoTime.getAsLong();
		if (this.windows.size() > MAX_KEYS) {
			this.windows.values().removeIf((window) -> window.hasEnded(now));
		}
		return this.windows.computeIfAbsent(key, (k) -> new Window(now)).record(now);
	}

	private final class Window {

		private long startedAt;

		private int failures;

		Window(long now) {
			this.startedAt = now;
		}

		synchronized boolean record(long now) {
			if (hasEnded(now)) {
				this.startedAt = now;
				this.failures = 0;
			}
			this.failures++;
			return this.failures == FailureThrottle.this.maxFailures;
		}

		synchronized Duration blockedFor(long now) {
			if (this.failures < FailureThrottle.this.maxFailures || hasEnded(now)) {
				return Duration.ZERO;
			}
			return Duration.ofNanos(this.startedAt + FailureThrottle.this.windowNanos - now);
		}

		synchronized boolean hasEnded(long now) {
			return now - this.startedAt >= FailureThrottle.this.windowNanos;
		}

	}

}
