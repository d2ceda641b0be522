package io.roster.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * Fills the demo company of a benchmark's PostgreSQL database with colleagues in SQL,
 * with the userNames, externalIds, names and work email the initial sync would send over
 * SCIM. This measures the phases after the sync at sizes whose sync over HTTP would take
 * hours, and leaves the sync phase unmeasured.
 */
final class DirectorySeed {

	private DirectorySeed() {
	}

	/**
	 * Inserts colleagues numbered 0 to {@code count - 1} and returns their SCIM ids by
	 * number.
	 */
	static String[] insert(DataSource database, int count) throws SQLException {
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("""
					INSERT INTO colleague (company_id, id, link_id, user_name, user_name_key, external_id, given_name,
					  family_name, display_name, display_name_key, active, role, managed_by, version, created_at,
					  updated_at)
					SELECT c.id, gen_random_uuid(), gen_random_uuid()::text, 'user.' || i || '@bench.example.com',
					  'user.' || i || '@bench.example.com', 'ext-' || i, 'Given' || i, 'Family' || i,
					  'Given' || i || ' Family' || i, 'given' || i || ' family' || i, TRUE, c.default_role, 'scim',
					  1, now(), now()
					FROM company c CROSS JOIN generate_series(0, %d) AS i""".formatted(count - 1));
			statement.execute("""
					INSERT INTO colleague_value (company_id, colleague_id, kind, position, item_value, item_value_key,
					  item_type, is_primary)
					SELECT company_id, id, 'email', 0, user_name, user_name_key, 'work', TRUE FROM colleague""");
			statement.execute("ANALYZE colleague");
			statement.execute("ANALYZE colleague_value");
			return ids(connection, count);
		}
	}

	private static String[] ids(Connection connection, int count) throws SQLException {
		String[] ids = new String[count];
		try (PreparedStatement select = connection.prepareStatement("SELECT user_name, link_id FROM colleague");
				ResultSet rows = select.executeQuery()) {
			while (rows.next()) {
				String userName = rows.getString(1);
				int number = Integer.parseInt(userName.substring("user.".length(), userName.indexOf('@')));
				ids[number] = rows.getString(2);
			}
		}
		return ids;
	}

}
