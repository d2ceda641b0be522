package io.roster.directory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * SQL for a list of values to look up in an index, in the shape that each database reads
 * as one index lookup per value. H2 2.4 reads a condition such as
 * {@code company_id = ? AND link_id IN (?, ?)} from the {@code (company_id, link_id)}
 * index by company only and tests every row of the company, and with
 * {@code IN (SELECT v FROM (VALUES ...))} it runs the list again for each row, which
 * measured 50 times slower still.
 * <p>
 * PostgreSQL joins the list as a table of values ({@link #values}). H2 2.4.240 may put
 * such a table on the inner side of the join, and then it reads the whole company from
 * the index and runs the list once per row. Loading the emails of 1 and of 100 colleagues
 * that way took 0.6 s and 37 s in a company of 1 000 000 colleagues. That was timed with
 * JDBC on a file filled by the load benchmark's SQL seed, on a shared 2-core machine. On
 * H2 the list is a row-value {@code IN} on the leading columns of an index
 * ({@link #rowIn}), which H2 reads as one lookup per row of the list.
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

	/**
	 * Returns the condition that the columns are one of {@code count} rows of parameters,
	 * such as {@code (c.company_id, c.link_id) IN ((?, ?), (?, ?))}, whose parameters
	 * {@link #rowInParams} lists. The columns must be the leading columns of an index.
	 */
	static String rowIn(int count, String... columns) {
		String row = "(" + String.join(", ", Collections.nCopies(columns.length, "?")) + ")";
		return "(" + String.join(", ", columns) + ") IN (" + String.join(", ", Collections.nCopies(count, row)) + ")";
	}

	/**
	 * Returns the parameters of {@link #rowIn}: for each listed value, the fixed values
	 * followed by the listed one.
	 */
	static List<Object> rowInParams(List<?> listed, Object... fixed) {
		List<Object> params = new ArrayList<>(listed.size() * (fixed.length + 1));
		for (Object value : listed) {
			Collections.addAll(params, fixed);
			params.add(value);
		}
		return params;
	}

	/**
	 * Returns one column of the rows as text, to pass as a PostgreSQL array parameter
	 * that the statement casts to the column's type, such as
	 * {@code unnest(CAST(? AS uuid[]))}.
	 */
	static @Nullable String[] textColumn(List<Object[]> rows, int column) {
		@Nullable String[] values = new String[rows.size()];
		for (int i = 0; i < values.length; i++) {
			Object value = rows.get(i)[column];
			values[i] = (value != null) ? value.toString() : null;
		}
		return values;
	}

}
