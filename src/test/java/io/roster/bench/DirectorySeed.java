package io.roster.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

/**
 * Fills the demo company of a benchmark's database with colleagues in SQL, with the
 * userNames, externalIds, names and work email the initial sync would send over SCIM.
 * This measures the phases after the sync at sizes whose sync over HTTP would take hours,
 * and leaves the sync phase unmeasured.
 */
final class DirectorySeed {

	private static final String COLLEAGUE_COLUMNS = """
			INSERT INTO colleague (company_id, id, link_id, user_name, user_name_key, external_id, given_name,
			  family_name, display_name, display_name_key, active, role, managed_by, version, created_at,
			  updated_at)
			""";

	private static final String H2_COLLEAGUES = """
			SELECT c.id, RANDOM_UUID(7), CAST(RANDOM_UUID() AS VARCHAR), 'user.' || i || '@bench.example.com',
			  'user.' || i || '@bench.example.com', 'ext-' || i, 'Given' || i, 'Family' || i,
			  'Given' || i || ' Family' || i, 'given' || i || ' family' || i, TRUE, c.default_role, 'scim',
			  1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
			FROM company c CROSS JOIN SYSTEM_RANGE(%d, %d) AS r(i)
			WHERE c.id = '%s'""";

	private static final String H2_EMAILS = """
			INSERT INTO colleague_value (company_id, colleague_id, kind, position, item_value, item_value_key,
			  item_type, is_primary)
			SELECT c.company_id, c.id, 'email', 0, c.user_name, c.user_name_key, 'work', TRUE
			FROM SYSTEM_RANGE(%d, %d) AS r(i)
			JOIN colleague c ON c.company_id = '%s' AND c.user_name_key = 'user.' || i || '@bench.example.com'""";

	/**
	 * A version 7 UUID, as Roster gives new colleagues. PostgreSQL 17 has no function for
	 * one, so this takes a random UUID, replaces its first 6 bytes with the time in
	 * milliseconds and sets its version bits from 4 to 7.
	 */
	private static final String PG_TIME_ORDERED_ID = """
			encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
			  placing substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
			  FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid""";

	/** Colleagues inserted per transaction on H2. */
	private static final int H2_CHUNK = 20_000;

	private DirectorySeed() {
	}

	/**
	 * Inserts colleagues numbered 0 to {@code count - 1} on PostgreSQL and returns their
	 * SCIM ids by number.
	 */
	static String[] insert(DataSource database, int count) throws SQLException {
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
			UUID company = demoCompany(connection);
			statement.execute(COLLEAGUE_COLUMNS + """
					SELECT c.id, %s, gen_random_uuid()::text, 'user.' || i || '@bench.example.com',
					  'user.' || i || '@bench.example.com', 'ext-' || i, 'Given' || i, 'Family' || i,
					  'Given' || i || ' Family' || i, 'given' || i || ' family' || i, TRUE, c.default_role, 'scim',
					  1, now(), now()
					FROM company c CROSS JOIN generate_series(0, %d) AS i
					WHERE c.id = '%s'""".formatted(PG_TIME_ORDERED_ID, count - 1, company));
			insertEmails(statement, company);
			statement.execute("ANALYZE colleague");
			statement.execute("ANALYZE colleague_value");
			return ids(connection, company, count);
		}
	}

	/**
	 * Inserts colleagues numbered 0 to {@code count - 1} into the H2 database in
	 * {@code dataDir}, which no server may have open, and returns their SCIM ids by
	 * number. Each chunk of {@value #H2_CHUNK} colleagues and their emails is one
	 * transaction: inserting 1 000 000 colleagues in one statement, H2 2.4.240 grew the
	 * file past 10 GB and once failed on commit with "Chunk ... not found". The file
	 * still grows to several GB, because MVStore writes new index pages for the random
	 * UUID keys and keeps the old ones until it compacts, so the seed ends with
	 * {@code SHUTDOWN COMPACT}.
	 */
	static String[] insertH2(java.nio.file.Path dataDir, int count) throws SQLException {
		String url = "jdbc:h2:file:" + dataDir.resolve("roster")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		try (Connection connection = DriverManager.getConnection(url, "", "");
				Statement statement = connection.createStatement()) {
			UUID company = demoCompany(connection);
			connection.setAutoCommit(false);
			for (int first = 0; first < count; first += H2_CHUNK) {
				int last = Math.min(count, first + H2_CHUNK) - 1;
				statement.execute(COLLEAGUE_COLUMNS + H2_COLLEAGUES.formatted(first, last, company));
				statement.execute(H2_EMAILS.formatted(first, last, company));
				connection.commit();
			}
			connection.setAutoCommit(true);
			statement.execute("ANALYZE");
			String[] ids = ids(connection, company, count);
			statement.execute("SHUTDOWN COMPACT");
			return ids;
		}
	}

	private static void insertEmails(Statement statement, UUID company) throws SQLException {
		statement.execute("""
				INSERT INTO colleague_value (company_id, colleague_id, kind, position, item_value, item_value_key,
				  item_type, is_primary)
				SELECT company_id, id, 'email', 0, user_name, user_name_key, 'work', TRUE FROM colleague
				WHERE company_id = '%s'""".formatted(company));
	}

	private static UUID demoCompany(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("SELECT id FROM company WHERE name = 'Demo' AND staging_of IS NULL")) {
			if (!rows.next()) {
				throw new IllegalStateException("The benchmark's database has no company named Demo");
			}
			return rows.getObject(1, UUID.class);
		}
	}

	private static String[] ids(Connection connection, UUID company, int count) throws SQLException {
		String[] ids = new String[count];
		try (PreparedStatement select = connection
			.prepareStatement("SELECT user_name, link_id FROM colleague WHERE company_id = ?")) {
			select.setObject(1, company);
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					String userName = rows.getString(1);
					int number = Integer.parseInt(userName.substring("user.".length(), userName.indexOf('@')));
					ids[number] = rows.getString(2);
				}
			}
		}
		return ids;
	}

}
