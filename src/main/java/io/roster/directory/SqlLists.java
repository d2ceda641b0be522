package io.roster.directory;

import java.util.Collections;

/**
 * SQL for a list of values to look up in an index. H2 2.4 reads a condition such as
 * {@code company_id = ? AND link_id IN (?, ?)} from the {@code (company_id, link_id)}
 * index by company only and tests every row of the company, and with
 * {@code IN (SELECT v FROM (VALUES ...))} it runs the list again for each row, which
 * measured 50 times slower still. Joined as a table of values, the list becomes one index
 * lookup per value on H2 and PostgreSQL alike.
 */
final class SqlLists {

	private SqlLists() {
	}

	/**
	 * Returns a table of {@code count} parameters named {@code listed} with the column
	 * {@code v}, to join on the indexed column, such as
	 * {@code FROM (VALUES (?), (?)) AS listed(v) JOIN colleague c ON c.company_id = ? AND c.link_id = listed.v}.
	 */
	static String values(int count) {
		return "(VALUES " + String.join(", ", Collections.nCopies(count, "(?)")) + ") AS listed(v)";
	}

}
