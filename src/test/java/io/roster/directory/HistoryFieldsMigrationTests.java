package io.roster.directory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import io.roster.support.MigratedDatabase;
import io.roster.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Migration V12 moves the fields of each history entry from rows of {@code history_field}
 * into the entry's {@code fields} column, and the store reads them back in their order
 * with their nulls and characters.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class HistoryFieldsMigrationTests {

	@Parameter
	TestDatabase database;

	@TempDir
	Path dataDir;

	@Test
	void fieldRowsMoveIntoEntryColumn() throws SQLException {
		MigratedDatabase db = new MigratedDatabase(this.database, this.dataDir);
		db.migrate("11");
		UUID company = UUID.randomUUID();
		UUID updated = UUID.randomUUID();
		UUID left = UUID.randomUUID();
		List<FieldChange> fields = List.of(new FieldChange("title", null, "Lead, \"Ops\" {EU} \\ team\nnext"),
				new FieldChange("department", "NULL", ""), new FieldChange("displayName", "Zoë 山田", null),
				new FieldChange("note", "x".repeat(4000), "[\"a\", null]"));
		try (Connection connection = db.connect()) {
			insertEntry(connection, company, updated, 1);
			insertEntry(connection, company, left, 2);
			// Rows in another order than their positions, and a field of the same entry
			// id in another company.
			for (int position : new int[] { 2, 0, 3, 1 }) {
				FieldChange field = fields.get(position);
				MigratedDatabase.update(connection, """
						INSERT INTO history_field (company_id, entry_id, position, field, old_value, new_value)
						VALUES (?, ?, ?, ?, ?, ?)""", company, updated, position, field.field(), field.oldValue(),
						field.newValue());
			}
			MigratedDatabase.update(connection, """
					INSERT INTO history_field (company_id, entry_id, position, field, old_value, new_value)
					VALUES (?, ?, 0, 'team', 'x', NULL)""", UUID.randomUUID(), updated);
			// Without the primary key, the rows read back in the order they were inserted
			// unless the migration orders them.
			MigratedDatabase.update(connection, "ALTER TABLE history_field DROP CONSTRAINT pk_history_field");
		}

		db.migrate(null);

		try (Connection connection = db.connect()) {
			assertThat(HistoryStore.fields(fieldsColumn(connection, company, updated))).isEqualTo(fields);
			assertThat(fieldsColumn(connection, company, left)).isNull();
			assertThat(HistoryStore.fields(fieldsColumn(connection, company, left))).isEmpty();
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> {
				try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM history_field")) {
					query.executeQuery();
				}
			});
		}
		assertThat(HistoryStore.fields(HistoryStore.fieldsColumn(fields))).isEqualTo(fields);
	}

	private static void insertEntry(Connection connection, UUID company, UUID id, int seq) throws SQLException {
		MigratedDatabase.update(connection, """
				INSERT INTO history_entry (company_id, id, seq, subject_type, subject_id, action, actor_type, actor_id,
				  actor_name, changed_at)
				VALUES (?, ?, ?, 'colleague', ?, 'updated', 'scim', NULL, 'Okta', CURRENT_TIMESTAMP)""", company, id,
				seq, UUID.randomUUID());
	}

	private static String fieldsColumn(Connection connection, UUID company, UUID id) throws SQLException {
		try (PreparedStatement query = connection
			.prepareStatement("SELECT fields FROM history_entry WHERE company_id = ? AND id = ?")) {
			query.setObject(1, company);
			query.setObject(2, id);
			try (ResultSet result = query.executeQuery()) {
				List<String> values = new ArrayList<>();
				while (result.next()) {
					values.add(result.getString(1));
				}
				assertThat(values).hasSize(1);
				return values.get(0);
			}
		}
	}

}
