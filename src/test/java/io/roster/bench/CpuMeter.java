package io.roster.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Measures the processor time that a phase costs: the Roster server's, and the rest of
 * the machine's without the benchmark client. The rest is the kernel's, and the database
 * server's when it runs in its own processes. On a machine whose speed varies with its
 * neighbours, these times per request varied less between runs than throughput did.
 */
final class CpuMeter {

	/**
	 * Length of the ticks that {@code /proc/stat} counts: {@code USER_HZ}, 100 per second
	 * on x86 and ARM Linux ({@code getconf CLK_TCK}).
	 */
	private static final long NANOS_PER_TICK = 10_000_000;

	private final LongSupplier serverNanos;

	CpuMeter(LongSupplier serverNanos) {
		this.serverNanos = serverNanos;
	}

	/** Processor times since the start, in nanoseconds. */
	record Reading(long server, long machine, long client) {

		/** Returns the time from {@code earlier} to this reading, per request. */
		Use since(Reading earlier, int requests) {
			if (requests == 0) {
				return new Use(Double.NaN, Double.NaN);
			}
			long server = this.server - earlier.server;
			long rest = (this.machine - earlier.machine) - server - (this.client - earlier.client);
			return new Use(server / 1e6 / requests, Math.max(0, rest) / 1e6 / requests);
		}

	}

	/**
	 * Processor milliseconds per request.
	 *
	 * @param server the Roster server's
	 * @param rest the machine's apart from the server and the benchmark client
	 */
	record Use(double server, double rest) {

	}

	Reading read() {
		return new Reading(this.serverNanos.getAsLong(), machineBusyNanos(), clientNanos());
	}

	/**
	 * Returns the processor time of a running process, or 0 when the system does not
	 * report it.
	 */
	static long processNanos(ProcessHandle process) {
		return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
	}

	private static long clientNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return 0;
	}

	/**
	 * Returns the time all processors spent running anything, from the first line of
	 * {@code /proc/stat}: user, nice, system, irq and softirq, without idle, iowait and
	 * the time stolen by the hypervisor.
	 */
	private static long machineBusyNanos() {
		try {
			String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long ticks = Long.parseLong(fields[1]) + Long.parseLong(fields[2]) + Long.parseLong(fields[3])
					+ Long.parseLong(fields[6]) + Long.parseLong(fields[7]);
			return ticks * NANOS_PER_TICK;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

}
