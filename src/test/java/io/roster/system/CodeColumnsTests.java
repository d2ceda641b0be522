package io.roster.system;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import io.roster.support.MigratedDatabase;
import io.roster.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The columns that hold a code from a fixed list accept the codes Roster writes and
 * reject any other value, on a database that Flyway migrates from the locations Roster
 * uses. Rows written before the latest migrations keep their codes.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class CodeColumnsTests {

	@Parameter
	TestDatabase database;

	@TempDir
	Path dataDir;

	private MigratedDatabase db;

	private final UUID company = UUID.randomUUID();

	@BeforeEach
	void createDatabase() {
		this.db = new MigratedDatabase(this.database, this.dataDir);
	}

	@Test
	void earlierRowsKeepTheirCodes() throws SQLException {
		this.db.migrate("12");
		try (Connection connection = this.db.connect()) {
			insertCompany(connection);
			insertColleague(connection, "admin", "app");
			insertTeam(connection, "scim");
			insertHistory(connection, "team", "operator");
		}

		this.db.migrate(null);

		try (Connection connection = this.db.connect()) {
			assertThat(column(connection, "SELECT role || ' ' || managed_by FROM colleague"))
				.containsExactly("admin app");
			assertThat(column(connection, "SELECT managed_by FROM team")).containsExactly("scim");
			assertThat(column(connection, "SELECT subject_type || ' ' || actor_type FROM history_entry"))
				.containsExactly("team operator");
		}
	}

	@Test
	void postgresqlKeepsTheTableFiles() throws SQLException {
		assumeTrue(this.database == TestDatabase.POSTGRESQL, "a PostgreSQL storage detail");
		this.db.migrate("13");
		String files = "SELECT pg_relation_filenode('colleague') || ' ' || pg_relation_filenode('team') || ' '"
				+ " || pg_relation_filenode('history_entry')";
		List<String> before;
		try (Connection connection = this.db.connect()) {
			insertCompany(connection);
			insertColleague(connection, "admin", "app");
			before = column(connection, files);
		}

		this.db.migrate(null);

		try (Connection connection = this.db.connect()) {
			assertThat(column(connection, files)).isEqualTo(before);
		}
	}

	@Test
	void everyRosterCodeIsAccepted() throws SQLException {
		this.db.migrate(null);
		try (Connection connection = this.db.connect()) {
			insertCompany(connection);
			for (String role : List.of("admin", "member", "light")) {
				for (String managedBy : List.of("scim", "app")) {
					insertColleague(connection, role, managedBy);
				}
			}
			insertTeam(connection, "scim");
			insertTeam(connection, "app");
			for (String subject : List.of("colleague", "team")) {
				for (String actor : List.of("scim", "admin", "system", "operator")) {
					insertHistory(connection, subject, actor);
				}
			}
			assertThat(column(connection, "SELECT COUNT(*) FROM colleague")).containsExactly("6");
			assertThat(column(connection, "SELECT COUNT(*) FROM history_entry")).containsExactly("8");
		}
	}

	@Test
	void otherValuesAreRejected() throws SQLException {
		this.db.migrate(null);
		try (Connection connection = this.db.connect()) {
			insertCompany(connection);
			assertRejected(() -> insertColleague(connection, "owner", "scim"));
			assertRejected(() -> insertColleague(connection, "Admin", "scim"));
			assertRejected(() -> insertColleague(connection, "member", "okta"));
			assertRejected(() -> insertTeam(connection, "SCIM"));
			assertRejected(() -> insertHistory(connection, "company", "scim"));
			assertRejected(() -> insertHistory(connection, "team", "robot"));

			insertColleague(connection, "member", "scim");
			insertTeam(connection, "scim");
			assertRejected(() -> MigratedDatabase.update(connection, "UPDATE colleague SET role = 'root'"));
			assertRejected(() -> MigratedDatabase.update(connection, "UPDATE colleague SET managed_by = ''"));
			assertRejected(() -> MigratedDatabase.update(connection, "UPDATE team SET managed_by = 'hr'"));
			assertThat(column(connection, "SELECT role || ' ' || managed_by FROM colleague"))
				.containsExactly("member scim");
			assertThat(column(connection, "SELECT managed_by FROM team")).containsExactly("scim");
		}
	}

	private static void assertRejected(Write write) {
		// SQLSTATE class 23 is an integrity constraint violation: 23514 on PostgreSQL and
		// 23513 on H2 for a check constraint.
		assertThatExceptionOfType(SQLException.class).isThrownBy(write::run).satisfies((ex) -> {
			assertThat(ex.getSQLState()).isIn("23513", "23514");
			assertThat(ex.getMessage()).containsIgnoringCase("ck_");
		});
	}

	private void insertCompany(Connection connection) throws SQLException {
		MigratedDatabase.update(connection, """
				INSERT INTO company (id, name, plan, default_role, matching_policy, created_at)
				VALUES (?, 'Acme', 'enterprise', 'member', 'auto', CURRENT_TIMESTAMP)""", this.company);
	}

	private void insertColleague(Connection connection, String role, String managedBy) throws SQLException {
		String name = UUID.randomUUID().toString();
		MigratedDatabase.update(connection, """
				INSERT INTO colleague (company_id, id, link_id, user_name, user_name_key, active, role, managed_by,
				  version, created_at, updated_at)
				VALUES (?, ?, NULL, ?, ?, TRUE, ?, ?, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""", this.company,
				UUID.randomUUID(), name, name, role, managedBy);
	}

	private void insertTeam(Connection connection, String managedBy) throws SQLException {
		String name = UUID.randomUUID().toString();
		MigratedDatabase.update(connection, """
				INSERT INTO team (company_id, id, link_id, display_name, active_name_key, managed_by, archived,
				  version, created_at, updated_at)
				VALUES (?, ?, NULL, ?, ?, ?, FALSE, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""", this.company,
				UUID.randomUUID(), name, name, managedBy);
	}

	private void insertHistory(Connection connection, String subjectType, String actorType) throws SQLException {
		MigratedDatabase.update(connection, """
				INSERT INTO history_entry (company_id, id, subject_type, subject_id, action, actor_type, actor_name,
				  changed_at)
				VALUES (?, ?, ?, ?, 'provisioned', ?, 'Okta', CURRENT_TIMESTAMP)""", this.company, UUID.randomUUID(),
				subjectType, UUID.randomUUID(), actorType);
	}

	private static List<String> column(Connection connection, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(sql);
				ResultSet result = statement.executeQuery()) {
			while (result.next()) {
				values.add(result.getString(1));
			}
		}
		return values;
	}

	@FunctionalInterface
	private interface Write {

		void run() throws SQLException;

	}

}
