package io.roster.directory;

import java.util.Collections;

/**
 * SQL for a list of values to look up in an index. A condition such as
 * {@code company_id = ? AND link_id IN (?, ?)} reads the {@code (company_id, link_id)}
 * index on PostgreSQL, but H2 2.4 uses only the index's first column for it and then
 * tests every row of the company. Written as {@code IN (SELECT v FROM (VALUES ...))}, the
 * list becomes part of the index lookup on both databases.
 */
final class SqlLists {

	private SqlLists() {
	}

	/**
	 * Returns {@code IN (...)} with {@code count} parameters, in the form both databases
	 * look up in an index.
	 */
	static String in(int count) {
		return "IN (SELECT v FROM (VALUES " + String.join(", ", Collections.nCopies(count, "(?)")) + ") AS listed(v))";
	}

}
