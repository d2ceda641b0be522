package io.roster.directory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import io.roster.support.RosterServer;
import io.roster.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists of ids that a request looks up, such as the members of a group PATCH or the
 * colleagues of a page, are read through an index on both databases, so their cost does
 * not grow with the company. On H2 the listed ids must be part of the index lookup, not a
 * test of every row the index finds for the company. PostgreSQL runs the plans with
 * sequential scans disabled, so a scan is left only where no index serves. On these small
 * test tables it may still join the list after the index lookup.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class IndexUseTests {

	private static RosterServer server;

	@Parameter
	TestDatabase database;

	@BeforeParameterizedClassInvocation
	static void start(TestDatabase database) {
		server = RosterServer.start(database);
	}

	@AfterParameterizedClassInvocation
	static void stop() {
		server.close();
	}

	@Test
	void linkIdListReadsLinkIndex() throws SQLException {
		String plan = explain("SELECT link_id, id FROM colleague WHERE company_id = ? AND link_id " + SqlLists.in(3),
				UUID.randomUUID(), "a", "b", "c");

		assertIndexLookup(plan, "link_id");
	}

	@Test
	void idListReadsPrimaryKey() throws SQLException {
		String plan = explain("SELECT id FROM colleague WHERE company_id = ? AND id " + SqlLists.in(2),
				UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

		assertIndexLookup(plan, "id");
	}

	@Test
	void pageValuesReadPrimaryKey() throws SQLException {
		String plan = explain("SELECT * FROM colleague_value WHERE company_id = ? AND colleague_id " + SqlLists.in(2),
				UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

		assertIndexLookup(plan, "colleague_id");
	}

	@Test
	void teamMemberDeleteReadsPrimaryKey() throws SQLException {
		String plan = explain(
				"DELETE FROM team_member WHERE company_id = ? AND team_id = ? AND colleague_id " + SqlLists.in(2),
				UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

		assertIndexLookup(plan, "colleague_id");
	}

	private void assertIndexLookup(String plan, String listedColumn) {
		if (this.database == TestDatabase.H2) {
			// H2 names the index and the conditions it reads in a comment.
			int comment = plan.indexOf("/*");
			String indexed = plan.substring(comment, plan.indexOf("*/", comment)).toLowerCase();
			assertThat(indexed).as(plan).doesNotContain("tablescan").contains(listedColumn + " in(select");
		}
		else {
			assertThat(plan).as(plan).contains("Index").doesNotContain("Seq Scan");
		}
	}

	private String explain(String sql, Object... params) throws SQLException {
		DataSource dataSource = server.bean(DataSource.class);
		try (Connection connection = dataSource.getConnection()) {
			if (this.database == TestDatabase.POSTGRESQL) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("SET enable_seqscan = off");
				}
			}
			try (PreparedStatement statement = connection.prepareStatement("EXPLAIN " + sql)) {
				for (int i = 0; i < params.length; i++) {
					statement.setObject(i + 1, params[i]);
				}
				List<String> lines = new ArrayList<>();
				try (ResultSet rows = statement.executeQuery()) {
					while (rows.next()) {
						lines.add(rows.getString(1));
					}
				}
				return String.join("\n", lines);
			}
			finally {
				if (this.database == TestDatabase.POSTGRESQL) {
					try (Statement statement = connection.createStatement()) {
						statement.execute("RESET enable_seqscan");
					}
				}
			}
		}
	}

}
