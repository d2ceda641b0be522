package io.roster.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.roster.system.LogText;

/**
 * Writes activity entries that belong to no change, such as those of reads and failed
 * requests, from one background thread in batches, so that a read costs no commit of its
 * own. A batch starts with the first entry queued and waits up to
 * {@code roster.activity.batch-wait} for more, so that many reads share one commit. It
 * ends sooner when {@link #MAX_BATCH} entries are queued, a caller flushes, or the writer
 * stops. When the queue is full, or the writer is stopped, the caller writes its entry
 * itself.
 */
@Component
class ActivityWriter implements SmartLifecycle {

	static final int CAPACITY = 10_000;

	static final int MAX_BATCH = 500;

	private static final long FLUSH_TIMEOUT_MILLIS = 10_000;

	private static final Logger logger = LoggerFactory.getLogger(ActivityWriter.class);

	private final ActivityStore store;

	private final TransactionTemplate transaction;

	private final long batchWaitNanos;

	private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(CAPACITY);

	/**
	 * Monitor that guards the counters, {@link #flushing} and {@link #gathering}. It
	 * wakes callers in {@link #flush()} when a batch is handled, and the writer when its
	 * batch need not wait any longer.
	 */
	private final Object progress = new Object();

	private long accepted;

	private long handled;

	private long batches;

	/**
	 * Number of callers waiting in {@link #flush()}. While it is above zero, a batch is
	 * written without waiting.
	 */
	private int flushing;

	/** Whether the writer waits for more entries of its batch. */
	private boolean gathering;

	private volatile boolean running;

	private Thread thread;

	ActivityWriter(ActivityStore store, PlatformTransactionManager transactionManager, ActivityProperties properties) {
		this.store = store;
		this.transaction = new TransactionTemplate(transactionManager);
		this.batchWaitNanos = properties.batchWait().toNanos();
	}

	/** Queues an entry, or writes it at once when the queue is full or stopped. */
	void add(UUID companyId, ActivityEntry entry) {
		Pending pending = new Pending(companyId, entry);
		synchronized (this.progress) {
			if (this.running && this.queue.offer(pending)) {
				this.accepted++;
				// The writer has taken the batch's first entry, so MAX_BATCH - 1 queued
				// entries fill it.
				if (this.gathering && this.queue.size() >= MAX_BATCH - 1) {
					this.progress.notifyAll();
				}
				return;
			}
		}
		write(List.of(pending));
	}

	/**
	 * Waits until every entry queued before this call is written or has failed, so a read
	 * of the activity on this instance includes the requests it served, and an entry
	 * written next follows them. A batch that waits for more entries is written at once.
	 */
	void flush() {
		synchronized (this.progress) {
			long target = this.accepted;
			if (this.handled >= target) {
				return;
			}
			long deadline = System.currentTimeMillis() + FLUSH_TIMEOUT_MILLIS;
			this.flushing++;
			if (this.gathering) {
				this.progress.notifyAll();
			}
			try {
				while (this.handled < target) {
					long left = deadline - System.currentTimeMillis();
					if (left <= 0) {
						logger.warn("Waiting for {} queued activity entries timed out after {} ms, so the caller"
								+ " goes on without them", target - this.handled, FLUSH_TIMEOUT_MILLIS);
						return;
					}
					try {
						this.progress.wait(left);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
				}
			}
			finally {
				this.flushing--;
			}
		}
	}

	/** Returns the writer's thread, or {@code null} before {@link #start()}. */
	Thread thread() {
		return this.thread;
	}

	/** Returns the number of batches this writer has handled, whether written or lost. */
	long batchesHandled() {
		synchronized (this.progress) {
			return this.batches;
		}
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = new Thread(this::run, "activity-writer");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** Stops taking entries and writes those still queued before it returns. */
	@Override
	public void stop() {
		synchronized (this.progress) {
			this.running = false;
			this.progress.notifyAll();
		}
		try {
			this.thread.join(FLUSH_TIMEOUT_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void run() {
		while (this.running || !this.queue.isEmpty()) {
			Pending first;
			try {
				first = this.queue.poll(100, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				// Only stop() ends the writer. Had it ended here, the queued entries
				// would stay unwritten and every flush would wait for its timeout.
				logInterrupt();
				continue;
			}
			if (first == null) {
				continue;
			}
			awaitBatch();
			List<Pending> batch = new ArrayList<>();
			batch.add(first);
			this.queue.drainTo(batch, MAX_BATCH - 1);
			write(batch);
			synchronized (this.progress) {
				this.handled += batch.size();
				this.batches++;
				this.progress.notifyAll();
			}
		}
	}

	/**
	 * Waits, after the first entry of a batch was taken, until the queue contains the
	 * rest of a full batch, a caller flushes, the writer stops, or the batch wait has
	 * passed.
	 */
	private void awaitBatch() {
		long deadline = System.nanoTime() + this.batchWaitNanos;
		synchronized (this.progress) {
			this.gathering = true;
			try {
				while (this.running && this.flushing == 0 && this.queue.size() < MAX_BATCH - 1) {
					long left = deadline - System.nanoTime();
					if (left <= 0) {
						return;
					}
					try {
						TimeUnit.NANOSECONDS.timedWait(this.progress, left);
					}
					catch (InterruptedException ex) {
						// The batch is written now, without the interrupt pending: a
						// FileChannel, such as H2's, closes when an interrupted thread
						// uses it (InterruptibleChannel).
						logInterrupt();
						return;
					}
				}
			}
			finally {
				this.gathering = false;
			}
		}
	}

	private static void logInterrupt() {
		logger.warn("The activity writer was interrupted; it goes on writing until Roster stops");
	}

	/**
	 * Writes a batch in one transaction. When the database rejects its data, each entry
	 * is written on its own, so one rejected entry does not cost the others. Other
	 * failures, such as an outage, lose the batch.
	 */
	private void write(List<Pending> batch) {
		try {
			this.transaction.executeWithoutResult((tx) -> this.store.insertAll(batch));
		}
		catch (RuntimeException ex) {
			if (batch.size() > 1 && ex instanceof DataIntegrityViolationException) {
				batch.forEach((pending) -> write(List.of(pending)));
				return;
			}
			logger.warn("Writing {} activity entries failed (first of company {}); they are lost", batch.size(),
					batch.get(0).companyId(), LogText.sanitize(ex));
		}
	}

	/** An entry waiting to be written, with its company. */
	record Pending(UUID companyId, ActivityEntry entry) {
	}

}
