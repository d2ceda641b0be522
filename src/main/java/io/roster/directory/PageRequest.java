package io.roster.directory;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Which page of a search to read: either {@code offset} rows into the ordered result, or
 * the rows after the internal id {@code after} (a seek, which costs the same on every
 * page).
 *
 * @param sort the order, or {@code null} for the internal id order
 * @param after read the rows that follow this internal id in id order; only without a
 * sort
 */
public record PageRequest(int offset, int limit, @Nullable Sort sort, @Nullable UUID after) {

	/**
	 * An order of search results; ties are broken by internal id.
	 *
	 * @param ignoreCase whether strings order ignoring case
	 */
	public record Sort(Field field, boolean descending, boolean ignoreCase) {
	}

	public PageRequest {
		if (after != null && sort != null) {
			throw new IllegalArgumentException("A seek reads in id order and takes no sort");
		}
	}

	public static PageRequest offset(int offset, int limit) {
		return new PageRequest(offset, limit, null, null);
	}

	/** Returns the ORDER BY clause for rows of the table with the given alias. */
	String orderBy(String alias) {
		if (this.sort == null) {
			// Every search filters on one company_id, so this is id order. Naming the
			// whole primary key lets H2 read pages from it in order instead of sorting
			// all of the company's rows for each page.
			return " ORDER BY " + alias + ".company_id, " + alias + ".id";
		}
		Field field = this.sort.field();
		String column = field.column();
		if (this.sort.ignoreCase() && field.type() == Field.Type.STRING) {
			column = (field.keyColumn() != null) ? field.keyColumn() : "LOWER(" + column + ")";
		}
		String direction = this.sort.descending() ? " DESC" : " ASC";
		return " ORDER BY " + column + direction + " NULLS LAST, " + alias + ".id" + direction;
	}

}
