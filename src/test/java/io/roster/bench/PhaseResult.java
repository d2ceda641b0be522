package io.roster.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * The outcome of one benchmark phase: how many requests completed, in how long, with
 * their latencies and the processor time they cost.
 *
 * @param latencies nanoseconds of each completed request
 * @param failures requests that returned an unexpected status
 * @param cpu processor milliseconds per request of the server and of the rest of the
 * machine
 */
record PhaseResult(String name, long[] latencies, long wallNanos, int failures, CpuMeter.Use cpu, String note) {

	static final String HEADER = String.format(Locale.ROOT, "%-34s %9s %9s %10s %9s %9s %8s %10s %10s  %s", "phase",
			"requests", "seconds", "req/s", "p50 ms", "p99 ms", "failed", "server ms", "rest ms", "note");

	PhaseResult withNote(String note) {
		return new PhaseResult(this.name, this.latencies, this.wallNanos, this.failures, this.cpu, note);
	}

	double throughput() {
		return this.latencies.length / (this.wallNanos / 1e9);
	}

	double percentileMillis(double percentile) {
		if (this.latencies.length == 0) {
			return Double.NaN;
		}
		long[] sorted = this.latencies.clone();
		Arrays.sort(sorted);
		int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

	String line() {
		return String.format(Locale.ROOT, "%-34s %9d %9.1f %10.1f %9.2f %9.2f %8d %10.3f %10.3f  %s", this.name,
				this.latencies.length, this.wallNanos / 1e9, throughput(), percentileMillis(50), percentileMillis(99),
				this.failures, this.cpu.server(), this.cpu.rest(), this.note);
	}

}
