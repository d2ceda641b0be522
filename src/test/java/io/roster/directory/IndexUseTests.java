package io.roster.directory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import io.roster.support.RosterServer;
import io.roster.support.TestDatabase;
import io.roster.tenant.IdentityProvider;
import io.roster.tenant.Plan;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists of ids that a request looks up, such as the members of a group PATCH or the
 * colleagues of a page, are read through an index on both databases, so their cost does
 * not grow with the company. On H2, {@code EXPLAIN ANALYZE} counts the rows each table
 * read; on PostgreSQL the plans run with sequential scans disabled, so a scan is left
 * only where no index serves.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class IndexUseTests {

	private static final int COLLEAGUES = 500;

	/** Colleagues that were linked once and are not now, with an externalId each. */
	private static final int UNLINKED = 300;

	/** Teams that every linked colleague is a member of. */
	private static final int TEAMS = 3;

	private static RosterServer server;

	private static UUID company;

	@Parameter
	TestDatabase database;

	@BeforeParameterizedClassInvocation
	static void start(TestDatabase database) throws SQLException {
		server = RosterServer.start(database);
		company = server.newCompany("Indexed", Plan.ENTERPRISE, IdentityProvider.OKTA).id();
		try (Connection connection = server.bean(DataSource.class)
			.getConnection(); PreparedStatement insert = connection.prepareStatement("""
					INSERT INTO colleague (company_id, id, link_id, user_name, user_name_key, display_name,
					  display_name_key, active, role, managed_by, version, created_at, updated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, 'member', 'scim', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")) {
			for (int i = 0; i < COLLEAGUES; i++) {
				insert.setObject(1, company);
				insert.setObject(2, UUID.randomUUID());
				insert.setString(3, "link-" + i);
				insert.setString(4, "user" + i + "@x.test");
				insert.setString(5, "user" + i + "@x.test");
				insert.setString(6, "User " + i);
				insert.setString(7, "user " + i);
				insert.addBatch();
			}
			for (int i = 0; i < UNLINKED; i++) {
				insert.setObject(1, company);
				insert.setObject(2, UUID.randomUUID());
				insert.setString(3, null);
				insert.setString(4, "gone" + i + "@x.test");
				insert.setString(5, "gone" + i + "@x.test");
				insert.setString(6, "Gone " + i);
				insert.setString(7, "gone " + i);
				insert.addBatch();
			}
			insert.executeBatch();
			try (Statement statement = connection.createStatement()) {
				statement.execute("""
						INSERT INTO colleague_value (company_id, colleague_id, kind, position, item_value,
						  item_value_key, item_type, is_primary)
						SELECT company_id, id, 'email', 0, user_name, user_name_key, 'work', TRUE FROM colleague
						WHERE company_id = '%s'""".formatted(company));
				statement.execute("UPDATE colleague SET external_id = 'ext-' || user_name WHERE company_id = '%s'"
					.formatted(company));
				for (int team = 0; team < TEAMS; team++) {
					statement.execute("""
							INSERT INTO team (company_id, id, link_id, display_name, active_name_key, managed_by,
							  archived, version, created_at, updated_at)
							VALUES ('%s', '%s', 'team-%d', 'Team %d', 'team %d', 'scim', FALSE, 1, CURRENT_TIMESTAMP,
							  CURRENT_TIMESTAMP)""".formatted(company, UUID.randomUUID(), team, team, team));
				}
				statement.execute("""
						INSERT INTO team_member (company_id, team_id, colleague_id)
						SELECT c.company_id, t.id, c.id FROM colleague c JOIN team t ON t.company_id = c.company_id
						WHERE c.company_id = '%s' AND c.link_id IS NOT NULL""".formatted(company));
				if (database == TestDatabase.H2) {
					statement.execute("ANALYZE");
				}
				else {
					statement.execute("ANALYZE colleague_value");
				}
			}
		}
	}

	@AfterParameterizedClassInvocation
	static void stop() {
		server.close();
	}

	@Test
	void linkIdListReadsOnlyListedRows() throws SQLException {
		String plan = explain(
				"SELECT c.link_id, c.id FROM " + SqlLists.values(3)
						+ " JOIN colleague c ON c.company_id = ? AND c.link_id = listed.v",
				"link-1", "link-7", "missing", company);

		assertReadsAtMost(plan, "colleague", 3);
	}

	@Test
	void valueListReadsOnlyListedRows() throws SQLException {
		List<UUID> listed = colleagueIds(2);
		String plan = (this.database == TestDatabase.H2)
				? explain(
						"SELECT x.* FROM colleague_value x WHERE "
								+ SqlLists.rowIn(2, "x.company_id", "x.colleague_id"),
						company, listed.get(0), company, listed.get(1))
				: explain(
						"SELECT x.* FROM " + SqlLists.values(2)
								+ " JOIN colleague_value x ON x.company_id = ? AND x.colleague_id = listed.v",
						listed.get(0), listed.get(1), company);

		assertReadsAtMost(plan, "colleague_value", 2);
	}

	@Test
	void pageReadsOnlyItsOwnValues() throws SQLException {
		String plan = explain(ColleagueStore.pageSql("c.user_name_key > ?", " ORDER BY c.user_name_key, c.id"), company,
				"user7", 2, 0);

		assertReadsAtMost(plan, "colleague_value", 2);
	}

	@Test
	void matchByExternalIdReadsOnlyItsRows() throws SQLException {
		String plan = explain(ColleagueStore.matchSql(this.database == TestDatabase.POSTGRESQL), company,
				"missing@x.test", company, "ext-gone7@x.test");

		assertReadsAtMost(plan, "colleague", 1);
	}

	@Test
	void memberDeleteReadsPrimaryKey() throws SQLException {
		String plan = explain("DELETE FROM team_member WHERE company_id = ? AND team_id = ? AND colleague_id = ?",
				company, UUID.randomUUID(), UUID.randomUUID());

		assertReadsAtMost(plan, "team_member", 1);
	}

	@Test
	void membershipsOfColleagueReadOnlyItsRows() throws SQLException {
		UUID colleague = colleagueIds(1).get(0);

		assertReadsAtMost(explain(TeamStore.TEAMS_OF, company, colleague), "team_member", TEAMS);
		String leavePlan = explain(TeamStore.teamsToLeave(this.database == TestDatabase.POSTGRESQL), company,
				colleague);
		assertReadsAtMost(leavePlan, "team_member", TEAMS);
		if (this.database == TestDatabase.H2) {
			// H2 evaluates an IN (SELECT ...) condition again for each candidate team.
			// EXPLAIN ANALYZE counted only a few rows for that form, yet in the load
			// benchmark it took most of a deprovisioning's time.
			assertThat(leavePlan).as(leavePlan).containsOnlyOnce("SELECT");
		}

		assertReadsAtMost(explain(TeamStore.LEAVE_ALL, company, colleague), "team_member", TEAMS);
	}

	/** Returns linked colleagues, each a member of every team. */
	private static List<UUID> colleagueIds(int count) throws SQLException {
		List<UUID> ids = new ArrayList<>();
		try (Connection connection = server.bean(DataSource.class).getConnection();
				PreparedStatement select = connection.prepareStatement(
						"SELECT id FROM colleague WHERE company_id = ? AND link_id IS NOT NULL ORDER BY user_name_key LIMIT ?")) {
			select.setObject(1, company);
			select.setInt(2, count);
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					ids.add(rows.getObject(1, UUID.class));
				}
			}
		}
		return ids;
	}

	private void assertReadsAtMost(String plan, String table, int rows) {
		if (this.database == TestDatabase.H2) {
			Matcher scan = Pattern.compile("\\b" + table + "\"?[^/]*/\\* [^*]*\\*/[^/]*/\\* scanCount: (\\d+) \\*/")
				.matcher(plan);
			assertThat(scan.find()).as(plan).isTrue();
			do {
				assertThat(Integer.parseInt(scan.group(1))).as(plan).isLessThanOrEqualTo(2 * rows);
			}
			while (scan.find());
		}
		else {
			assertThat(plan).as(plan).contains("Index").doesNotContain("Seq Scan on " + table);
		}
	}

	private String explain(String sql, Object... params) throws SQLException {
		DataSource dataSource = server.bean(DataSource.class);
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				if (this.database == TestDatabase.POSTGRESQL) {
					statement.execute("SET LOCAL enable_seqscan = off");
				}
			}
			try (PreparedStatement statement = connection.prepareStatement("EXPLAIN ANALYZE " + sql)) {
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
				connection.rollback();
			}
		}
	}

}
