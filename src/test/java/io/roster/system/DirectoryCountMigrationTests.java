package io.roster.system;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
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

/**
 * The migrations of {@code directory_count} and the triggers that keep it, on a database
 * that Flyway migrates from the locations Roster uses. The tests cover the backfill of
 * existing rows and writes that the triggers must count even where no Roster service
 * makes them: statements of many rows, transactions of many statements, moving a row to
 * another company and deleting a company.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class DirectoryCountMigrationTests {

	@Parameter
	TestDatabase database;

	@TempDir
	Path dataDir;

	private MigratedDatabase db;

	@BeforeEach
	void createDatabase() {
		this.db = new MigratedDatabase(this.database, this.dataDir);
	}

	@Test
	void backfillCountsExistingLinkedRows() throws SQLException {
		migrate("5");
		UUID acme = UUID.randomUUID();
		UUID empty = UUID.randomUUID();
		try (Connection connection = connect()) {
			insertCompany(connection, acme);
			insertCompany(connection, empty);
			insertColleague(connection, acme, "ann", "scim-ann");
			insertColleague(connection, acme, "bob", "scim-bob");
			insertColleague(connection, acme, "carl", null);
			insertTeam(connection, acme, "sales", "scim-sales");
			insertTeam(connection, acme, "support", null);
		}

		migrate(null);

		try (Connection connection = connect()) {
			assertThat(counts(connection, acme)).containsExactly(2L, 1L);
			assertThat(counts(connection, empty)).containsExactly(0L, 0L);
			insertColleague(connection, acme, "dora", "scim-dora");
			assertThat(counts(connection, acme)).containsExactly(3L, 1L);
		}
	}

	@Test
	void moveBetweenCompaniesMovesCount() throws SQLException {
		migrate(null);
		UUID staging = UUID.randomUUID();
		UUID real = UUID.randomUUID();
		try (Connection connection = connect()) {
			insertCompany(connection, staging);
			insertCompany(connection, real);
			insertColleague(connection, staging, "ann", "scim-ann");
			insertColleague(connection, staging, "bob", null);
			insertTeam(connection, staging, "sales", "scim-sales");

			update(connection, "UPDATE colleague SET company_id = ? WHERE company_id = ?", real, staging);
			update(connection, "UPDATE team SET company_id = ? WHERE company_id = ?", real, staging);

			assertThat(counts(connection, staging)).containsExactly(0L, 0L);
			assertThat(counts(connection, real)).containsExactly(1L, 1L);

			update(connection, "UPDATE colleague SET link_id = NULL WHERE company_id = ? AND user_name = ?", real,
					"ann");
			update(connection, "UPDATE colleague SET link_id = 'scim-bob' WHERE company_id = ? AND user_name = ?", real,
					"bob");
			update(connection, "UPDATE colleague SET title = 'Lead' WHERE company_id = ?", real);
			assertThat(counts(connection, real)).containsExactly(1L, 1L);
		}
	}

	@Test
	void companyDeleteRemovesItsCounts() throws SQLException {
		migrate(null);
		UUID company = UUID.randomUUID();
		try (Connection connection = connect()) {
			insertCompany(connection, company);
			insertColleague(connection, company, "ann", "scim-ann");
			insertTeam(connection, company, "sales", "scim-sales");
			update(connection, "DELETE FROM colleague WHERE company_id = ?", company);
			update(connection, "DELETE FROM team WHERE company_id = ?", company);
			assertThat(counts(connection, company)).containsExactly(0L, 0L);

			update(connection, "DELETE FROM company WHERE id = ?", company);

			try (PreparedStatement rows = connection
				.prepareStatement("SELECT COUNT(*) FROM directory_count WHERE company_id = ?")) {
				rows.setObject(1, company);
				try (ResultSet result = rows.executeQuery()) {
					result.next();
					assertThat(result.getLong(1)).isZero();
				}
			}
		}
	}

	@Test
	void multiRowInsertCountsEachCompany() throws SQLException {
		migrate(null);
		UUID acme = UUID.randomUUID();
		UUID globex = UUID.randomUUID();
		try (Connection connection = connect()) {
			insertCompany(connection, acme);
			insertCompany(connection, globex);
			update(connection,
					"""
							INSERT INTO colleague (company_id, id, link_id, user_name, user_name_key, active, role, managed_by,
							  version, created_at, updated_at)
							VALUES (?, ?, 'scim-ann', 'ann', 'ann', TRUE, 'member', 'scim', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
							  (?, ?, NULL, 'bob', 'bob', TRUE, 'member', 'app', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
							  (?, ?, 'scim-carl', 'carl', 'carl', TRUE, 'member', 'scim', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
							  (?, ?, 'scim-dora', 'dora', 'dora', TRUE, 'member', 'scim', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""",
					acme, UUID.randomUUID(), acme, UUID.randomUUID(), acme, UUID.randomUUID(), globex,
					UUID.randomUUID());
			update(connection,
					"""
							INSERT INTO team (company_id, id, link_id, display_name, active_name_key, managed_by, archived,
							  version, created_at, updated_at)
							VALUES (?, ?, 'scim-sales', 'Sales', 'sales', 'scim', FALSE, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
							  (?, ?, NULL, 'Support', 'support', 'app', FALSE, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
							  (?, ?, 'scim-ops', 'Ops', 'ops', 'scim', FALSE, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""",
					globex, UUID.randomUUID(), globex, UUID.randomUUID(), acme, UUID.randomUUID());

			assertThat(counts(connection, acme)).containsExactly(2L, 1L);
			assertThat(counts(connection, globex)).containsExactly(1L, 1L);
		}
	}

	@Test
	void writesOfOneTransactionAddUp() throws SQLException {
		migrate(null);
		UUID company = UUID.randomUUID();
		try (Connection connection = connect()) {
			insertCompany(connection, company);
			connection.setAutoCommit(false);
			for (int i = 0; i < 300; i++) {
				insertColleague(connection, company, "user" + i, "scim-" + i);
			}
			insertColleague(connection, company, "local", null);
			insertTeam(connection, company, "sales", "scim-sales");
			update(connection, "UPDATE colleague SET link_id = NULL WHERE company_id = ? AND user_name = 'user0'",
					company);
			update(connection,
					"UPDATE colleague SET link_id = 'scim-local' WHERE company_id = ? AND user_name = 'local'",
					company);
			update(connection, "DELETE FROM colleague WHERE company_id = ? AND user_name = 'user1'", company);
			connection.commit();

			assertThat(counts(connection, company)).containsExactly(299L, 1L);
		}
	}

	@Test
	void rolledBackWritesCountNothing() throws SQLException {
		migrate(null);
		UUID company = UUID.randomUUID();
		try (Connection connection = connect()) {
			insertCompany(connection, company);
			insertColleague(connection, company, "ann", "scim-ann");
			insertColleague(connection, company, "bob", "scim-bob");
			connection.setAutoCommit(false);
			insertColleague(connection, company, "eve", "scim-eve");
			insertTeam(connection, company, "ops", "scim-ops");
			update(connection, "DELETE FROM colleague WHERE company_id = ? AND user_name = 'bob'", company);
			connection.rollback();

			assertThat(counts(connection, company)).containsExactly(2L, 0L);
		}
	}

	@Test
	void rollbackToSavepointDropsItsCounts() throws SQLException {
		migrate(null);
		UUID company = UUID.randomUUID();
		try (Connection connection = connect()) {
			insertCompany(connection, company);
			connection.setAutoCommit(false);
			insertColleague(connection, company, "ann", "scim-ann");
			Savepoint savepoint = connection.setSavepoint();
			insertColleague(connection, company, "bob", "scim-bob");
			insertTeam(connection, company, "ops", "scim-ops");
			update(connection, "UPDATE colleague SET link_id = NULL WHERE company_id = ? AND user_name = 'ann'",
					company);
			connection.rollback(savepoint);
			insertColleague(connection, company, "carl", "scim-carl");
			connection.commit();

			assertThat(counts(connection, company)).containsExactly(2L, 0L);
		}
	}

	private void migrate(String target) {
		this.db.migrate(target);
	}

	private Connection connect() throws SQLException {
		return this.db.connect();
	}

	private static void insertCompany(Connection connection, UUID id) throws SQLException {
		update(connection, """
				INSERT INTO company (id, name, plan, default_role, matching_policy, created_at)
				VALUES (?, 'Acme', 'enterprise', 'member', 'auto', CURRENT_TIMESTAMP)""", id);
	}

	private static void insertColleague(Connection connection, UUID companyId, String name, String linkId)
			throws SQLException {
		update(connection, """
				INSERT INTO colleague (company_id, id, link_id, user_name, user_name_key, active, role, managed_by,
				  version, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, TRUE, 'member', 'scim', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""", companyId,
				UUID.randomUUID(), linkId, name, name);
	}

	private static void insertTeam(Connection connection, UUID companyId, String name, String linkId)
			throws SQLException {
		update(connection, """
				INSERT INTO team (company_id, id, link_id, display_name, active_name_key, managed_by, archived,
				  version, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, 'scim', FALSE, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""", companyId,
				UUID.randomUUID(), linkId, name, name);
	}

	private static void update(Connection connection, String sql, Object... params) throws SQLException {
		MigratedDatabase.update(connection, sql, params);
	}

	/** Returns the company's summed counts of linked colleagues and teams. */
	private static long[] counts(Connection connection, UUID companyId) throws SQLException {
		try (PreparedStatement sums = connection.prepareStatement("""
				SELECT COALESCE(SUM(colleagues), 0), COALESCE(SUM(teams), 0)
				FROM directory_count WHERE company_id = ?""")) {
			sums.setObject(1, companyId);
			try (ResultSet result = sums.executeQuery()) {
				result.next();
				return new long[] { result.getLong(1), result.getLong(2) };
			}
		}
	}

}
