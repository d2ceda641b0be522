package io.roster.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the requests of one phase from a fixed number of client threads. Each phase is
 * bounded twice: by its number of requests and by a time limit, after which the clients
 * stop taking new requests and the phase reports what completed.
 */
final class LoadDriver {

	private final Duration timeLimit;

	private final CpuMeter cpu;

	LoadDriver(Duration timeLimit, CpuMeter cpu) {
		this.timeLimit = timeLimit;
		this.cpu = cpu;
	}

	/**
	 * One request of a phase, by its number; returns whether the status was the expected
	 * one.
	 */
	interface Request {

		boolean send(int number) throws Exception;

	}

	PhaseResult run(String name, int requests, int clients, String note, Request request) throws Exception {
		long[] latencies = new long[requests];
		boolean[] done = new boolean[requests];
		AtomicInteger next = new AtomicInteger();
		AtomicInteger failures = new AtomicInteger();
		CpuMeter.Reading before = this.cpu.read();
		long start = System.nanoTime();
		long deadline = start + this.timeLimit.toNanos();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int i = 0; i < clients; i++) {
				workers.add(pool.submit(() -> {
					int number;
					while ((number = next.getAndIncrement()) < requests && System.nanoTime() < deadline) {
						long sent = System.nanoTime();
						if (!request.send(number)) {
							failures.incrementAndGet();
						}
						latencies[number] = System.nanoTime() - sent;
						done[number] = true;
					}
					return null;
				}));
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		long wall = System.nanoTime() - start;
		CpuMeter.Reading after = this.cpu.read();
		int completed = 0;
		for (boolean finished : done) {
			completed += finished ? 1 : 0;
		}
		long[] measured = new long[completed];
		int at = 0;
		for (int i = 0; i < requests; i++) {
			if (done[i]) {
				measured[at++] = latencies[i];
			}
		}
		String fullNote = (completed < requests)
				? "stopped at the time limit after " + completed + " of " + requests + "; " + note : note;
		return new PhaseResult(name, measured, wall, failures.get(), after.since(before, completed), fullNote);
	}

}
