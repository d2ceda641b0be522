package io.roster.directory;

import java.util.List;

/**
 * Rows that record a directory change outside the directory, such as the activity entry
 * of the request that made it. A command that writes its change in one statement on
 * PostgreSQL adds these rows to that statement, which saves the database a statement and
 * a round trip. It calls {@link #written()} when the rows were inserted, and the caller
 * writes them itself otherwise.
 *
 * @param <T> the kind of value the command changes
 */
public interface ChangeRecord<T> {

	/**
	 * Returns a data-modifying {@code WITH} item that inserts the rows of a change when
	 * {@code condition} holds, and adds its parameters to {@code params}.
	 * @param value the changed value as the change leaves it, such as a new colleague
	 * @param changes the fields the change touches
	 * @param condition an SQL condition on the other items of the statement
	 * @param params the statement's parameters, to which the item's are added
	 */
	String insertItem(T value, List<FieldChange> changes, String condition, List<Object> params);

	/** Notes that a statement with the item has inserted its rows. */
	void written();

}
