package io.roster.system;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;

import org.h2.api.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * Keeps {@code directory_count} on H2: an AFTER INSERT, UPDATE and DELETE row trigger on
 * {@code colleague} and {@code team} that counts -1 for the old row's company if the old
 * row had a link_id and +1 for the new row's company if the new row has one. H2 has no
 * deferred triggers, so each change updates the table at once. PostgreSQL runs the same
 * logic in plpgsql and writes at commit (migration V6 in db/vendor/postgresql).
 *
 * <p>
 * The delta goes to one of {@value #SLOTS} rows of the company, picked by the id of the
 * thread that runs the statement. H2 runs an embedded session's statements on the calling
 * thread, so a transaction keeps one slot, and concurrent transactions of one company
 * mostly update different rows.
 */
public final class DirectoryCountTrigger implements Trigger {

	static final int SLOTS = 16;

	private static final String UPDATE = "UPDATE directory_count SET colleagues = colleagues + ?, teams = teams + ?"
			+ " WHERE company_id = ? AND slot = ?";

	private static final String INSERT = "INSERT INTO directory_count (company_id, slot, colleagues, teams)"
			+ " VALUES (?, ?, ?, ?)";

	/** How often an insert that lost a race with another transaction's insert retries. */
	private static final int MAX_ATTEMPTS = 5;

	private int companyColumn = -1;

	private int linkColumn = -1;

	private boolean team;

	@Override
	public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type)
			throws SQLException {
		this.team = tableName.equalsIgnoreCase("team");
		DatabaseMetaData metaData = conn.getMetaData();
		try (ResultSet columns = metaData.getColumns(null, schemaName, tableName, null)) {
			while (columns.next()) {
				String name = columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
				int index = columns.getInt("ORDINAL_POSITION") - 1;
				if (name.equals("company_id")) {
					this.companyColumn = index;
				}
				else if (name.equals("link_id")) {
					this.linkColumn = index;
				}
			}
		}
		if (this.companyColumn < 0 || this.linkColumn < 0) {
			throw new SQLException("Table " + schemaName + "." + tableName
					+ " has no company_id or link_id column, which trigger " + triggerName + " requires");
		}
	}

	@Override
	public void fire(Connection conn, Object @Nullable [] oldRow, Object @Nullable [] newRow) throws SQLException {
		Object oldCompany = (oldRow != null) ? oldRow[this.companyColumn] : null;
		Object newCompany = (newRow != null) ? newRow[this.companyColumn] : null;
		int oldLinked = (oldRow != null && oldRow[this.linkColumn] != null) ? 1 : 0;
		int newLinked = (newRow != null && newRow[this.linkColumn] != null) ? 1 : 0;
		if (oldCompany != null && Objects.equals(oldCompany, newCompany)) {
			if (newLinked != oldLinked) {
				add(conn, oldCompany, newLinked - oldLinked);
			}
			return;
		}
		if (oldLinked == 1) {
			add(conn, Objects.requireNonNull(oldCompany), -1);
		}
		if (newLinked == 1) {
			add(conn, Objects.requireNonNull(newCompany), 1);
		}
	}

	private void add(Connection conn, Object companyId, int delta) throws SQLException {
		long colleagues = this.team ? 0 : delta;
		long teams = this.team ? delta : 0;
		int slot = (int) (Thread.currentThread().getId() % SLOTS);
		for (int attempt = 1;; attempt++) {
			if (update(conn, companyId, slot, colleagues, teams)) {
				return;
			}
			try (PreparedStatement insert = conn.prepareStatement(INSERT)) {
				insert.setObject(1, companyId);
				insert.setInt(2, slot);
				insert.setLong(3, colleagues);
				insert.setLong(4, teams);
				insert.executeUpdate();
				return;
			}
			catch (SQLException ex) {
				// Another transaction inserted the slot's row since the update, so the
				// next update finds it, once that transaction commits.
				if (!"23505".equals(ex.getSQLState()) || attempt == MAX_ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	private static boolean update(Connection conn, Object companyId, int slot, long colleagues, long teams)
			throws SQLException {
		try (PreparedStatement update = conn.prepareStatement(UPDATE)) {
			update.setLong(1, colleagues);
			update.setLong(2, teams);
			update.setObject(3, companyId);
			update.setInt(4, slot);
			return update.executeUpdate() > 0;
		}
	}

}
