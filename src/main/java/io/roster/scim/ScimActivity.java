package io.roster.scim;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.unboundid.scim2.common.exceptions.ScimException;

import io.roster.activity.ActivityEntry;
import io.roster.activity.ActivityLog;
import io.roster.directory.ChangeRecord;
import io.roster.directory.Changed;
import io.roster.directory.FieldChange;
import io.roster.system.LogText;
import io.roster.tenant.ScimConnections;

/**
 * Keeps the activity log consistent with the data. A successful change and its activity
 * entry commit in one transaction; a request that changes nothing, or fails and rolls
 * back, is queued once its response is complete and written in a batch soon after.
 */
@Component
class ScimActivity {

	private static final Logger logger = LoggerFactory.getLogger(ScimActivity.class);

	private final ActivityLog log;

	private final TransactionTemplate transaction;

	private final ScimConnections connections;

	ScimActivity(ActivityLog log, PlatformTransactionManager transactionManager, ScimConnections connections) {
		this.log = log;
		this.transaction = new TransactionTemplate(transactionManager);
		this.connections = connections;
	}

	/** A directory command that may reject its input with a SCIM error. */
	@FunctionalInterface
	interface Change<T> {

		Changed<T> run() throws ScimException;

	}

	/**
	 * A directory command that can write the activity entry in the statement of its
	 * change.
	 */
	@FunctionalInterface
	interface RecordedChange<T> {

		Changed<T> run(ChangeRecord<T> record) throws ScimException;

	}

	/**
	 * Runs a change and records its activity entry in the same transaction. The change
	 * first takes its connection's row lock, so it never races the finish of a first
	 * sync, and writes the directory that is current once it holds the lock.
	 * @param status the status the response will have
	 * @param idOf the SCIM id of the changed resource, or {@code null} to keep the id of
	 * the request's path
	 * @param names the SCIM names of the attributes a change touched
	 */
	<T> T change(ScimCall call, int status, Change<T> change, Function<T, @Nullable String> idOf,
			Function<List<FieldChange>, List<String>> names) throws ScimException {
		return change(call, status, (RecordedChange<T>) (record) -> change.run(), idOf, names);
	}

	/**
	 * Like {@link #change(ScimCall, int, Change, Function, Function)}, for a command that
	 * can write the activity entry itself.
	 */
	<T> T change(ScimCall call, int status, RecordedChange<T> change, Function<T, @Nullable String> idOf,
			Function<List<FieldChange>, List<String>> names) throws ScimException {
		// The entries of earlier reads and failures are written first, so the log keeps
		// the order in which this instance served the requests.
		// NOTE: every change first waits for the commit of the entries this instance
		// queued, such as that of the lookup before a create. That latency was not
		// measured on its own.
		this.log.flush();
		return changeInTransaction(call, status, change, idOf, names);
	}

	private <T> T changeInTransaction(ScimCall call, int status, RecordedChange<T> change,
			Function<T, @Nullable String> idOf, Function<List<FieldChange>, List<String>> names) throws ScimException {
		try {
			T value = this.transaction.execute((tx) -> {
				call.directory(this.connections.holdForChange(call.access()));
				EntryRecord<T> record = new EntryRecord<>(call, status, idOf, names);
				Changed<T> changed;
				try {
					changed = change.run(record);
				}
				catch (ScimException ex) {
					throw new ScimFailure(ex);
				}
				return record.complete(changed);
			});
			call.markRecorded();
			return value;
		}
		catch (ScimFailure ex) {
			throw ex.scimException();
		}
	}

	/**
	 * A directory command that writes its change with the activity entry in one statement
	 * that commits on its own, or writes nothing and returns empty.
	 */
	@FunctionalInterface
	interface AloneChange<T> {

		Optional<Changed<T>> run(ChangeRecord<T> record) throws ScimException;

	}

	/**
	 * Like {@link #change(ScimCall, int, RecordedChange, Function, Function)}, but first
	 * tries {@code alone}, which needs no transaction. That is tried only for a live
	 * connection, whose changes take no lock on the connection's row, unlike those of a
	 * connection in setup. When {@code alone} writes nothing, {@code change} runs as
	 * usual, and when it writes the change without the activity entry, the entry is
	 * recorded in a transaction of its own.
	 */
	<T> T change(ScimCall call, int status, AloneChange<T> alone, RecordedChange<T> change,
			Function<T, @Nullable String> idOf, Function<List<FieldChange>, List<String>> names) throws ScimException {
		this.log.flush();
		if (!call.access().isStaged()) {
			call.directory(call.access().directory());
			EntryRecord<T> record = new EntryRecord<>(call, status, idOf, names);
			Optional<Changed<T>> changed = alone.run(record);
			if (changed.isPresent()) {
				T value = record.complete(changed.get());
				call.markRecorded();
				return value;
			}
		}
		return changeInTransaction(call, status, change, idOf, names);
	}

	/** The activity entry of a call, for a directory statement to write. */
	private final class EntryRecord<T> implements ChangeRecord<T> {

		private final ScimCall call;

		private final int status;

		private final Function<T, @Nullable String> idOf;

		private final Function<List<FieldChange>, List<String>> names;

		private boolean written;

		EntryRecord(ScimCall call, int status, Function<T, @Nullable String> idOf,
				Function<List<FieldChange>, List<String>> names) {
			this.call = call;
			this.status = status;
			this.idOf = idOf;
			this.names = names;
		}

		@Override
		public String insertItem(T value, List<FieldChange> changes, String condition, List<Object> params) {
			ActivityEntry entry = this.call.entry(this.status, this.idOf.apply(value), this.names.apply(changes));
			return ScimActivity.this.log.insertItem(this.call.activityCompanyId(), entry, condition, params);
		}

		@Override
		public void written() {
			this.written = true;
		}

		/**
		 * Notes the changed resource and attributes on the call, records its activity
		 * entry unless a statement wrote it, and returns the changed value.
		 */
		T complete(Changed<T> changed) {
			this.call.resourceId(this.idOf.apply(changed.value()));
			this.call.changed(this.names.apply(changed.changes()));
			if (!this.written) {
				ScimActivity.this.log.record(this.call.activityCompanyId(), this.call.entry(this.status));
			}
			return changed.value();
		}

	}

	/**
	 * Records a call that has not recorded its entry with a change: a read, or a request
	 * that failed. The entry is written in a batch soon after, and a failure to record it
	 * is logged and never changes the response.
	 */
	void recordOutcome(ScimCall call, int status) {
		if (call.isRecorded()) {
			return;
		}
		try {
			this.log.recordSoon(call.activityCompanyId(), call.entry(status));
			call.markRecorded();
		}
		catch (RuntimeException ex) {
			logger.warn("Recording the activity of a SCIM request failed (company {})", call.activityCompanyId(),
					LogText.sanitize(ex));
		}
	}

}
