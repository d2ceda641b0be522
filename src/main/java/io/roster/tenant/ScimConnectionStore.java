package io.roster.tenant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.roster.system.DatabaseKind;

/**
 * Stores SCIM connections.
 */
@Repository
class ScimConnectionStore {

	private final JdbcClient jdbc;

	private final DatabaseKind database;

	/** The row lock a SCIM change takes on its connection; set on first use. */

	ScimConnectionStore(JdbcClient jdbc, DatabaseKind database) {
		this.jdbc = jdbc;
		this.database = database;
	}

	void insert(ScimConnection connection) {
		this.jdbc.sql("""
				INSERT INTO scim_connection (company_id, id, provider, state, open_key, created_at, updated_at,
				  staging_company_id)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(connection.companyId(), connection.id(), connection.provider().code(), connection.state().code(),
					openKey(connection.state()), utc(connection.createdAt()), utc(connection.updatedAt()),
					connection.stagingCompanyId())
			.update();
	}

	/**
	 * Reads a connection and takes a row lock on it until the transaction ends that lets
	 * other holders of this lock go on and makes {@link #lockOpenForUpdate} wait.
	 * PostgreSQL takes {@code FOR SHARE}; H2 has no shared row locks, so there the
	 * holders wait for one another too. A holder that waits longer than H2's lock timeout
	 * fails.
	 */
	Optional<ScimConnection> lockShared(UUID companyId, UUID id) {
		return this.jdbc.sql("SELECT * FROM scim_connection WHERE company_id = ? AND id = ? " + sharedLock())
			.params(companyId, id)
			.query(ScimConnectionStore::map)
			.optional();
	}

	/**
	 * Reads the company's open connection and locks its row until the transaction ends.
	 */
	Optional<ScimConnection> lockOpenForUpdate(UUID companyId) {
		return this.jdbc.sql("SELECT * FROM scim_connection WHERE company_id = ? AND open_key = 1 FOR UPDATE")
			.param(companyId)
			.query(ScimConnectionStore::map)
			.optional();
	}

	/** Sets a connection's staging company, or clears it with {@code null}. */
	void changeStaging(UUID companyId, UUID id, @Nullable UUID stagingCompanyId, Instant now) {
		this.jdbc
			.sql("UPDATE scim_connection SET staging_company_id = ?, updated_at = ? WHERE company_id = ? AND id = ?")
			.params(stagingCompanyId, utc(now), companyId, id)
			.update();
	}

	private String sharedLock() {
		return this.database.isPostgres() ? "FOR SHARE" : "FOR UPDATE";
	}

	boolean changeState(UUID companyId, UUID id, ConnectionState state, Instant now) {
		return this.jdbc
			.sql("UPDATE scim_connection SET state = ?, open_key = ?, updated_at = ? WHERE company_id = ? AND id = ?")
			.params(state.code(), openKey(state), utc(now), companyId, id)
			.update() == 1;
	}

	boolean changeProvider(UUID companyId, UUID id, IdentityProvider provider, Instant now) {
		return this.jdbc.sql("UPDATE scim_connection SET provider = ?, updated_at = ? WHERE company_id = ? AND id = ?")
			.params(provider.code(), utc(now), companyId, id)
			.update() == 1;
	}

	Optional<ScimConnection> find(UUID companyId, UUID id) {
		return this.jdbc.sql("SELECT * FROM scim_connection WHERE company_id = ? AND id = ?")
			.params(companyId, id)
			.query(ScimConnectionStore::map)
			.optional();
	}

	/** Returns the company's connection that is not disabled, if it has one. */
	Optional<ScimConnection> findOpen(UUID companyId) {
		return this.jdbc.sql("SELECT * FROM scim_connection WHERE company_id = ? AND open_key = 1")
			.param(companyId)
			.query(ScimConnectionStore::map)
			.optional();
	}

	List<ScimConnection> list(UUID companyId) {
		return this.jdbc.sql("SELECT * FROM scim_connection WHERE company_id = ? ORDER BY created_at, id")
			.param(companyId)
			.query(ScimConnectionStore::map)
			.list();
	}

	private static @Nullable Integer openKey(ConnectionState state) {
		return (state == ConnectionState.DISABLED) ? null : 1;
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static ScimConnection map(ResultSet rs, int row) throws SQLException {
		return new ScimConnection(rs.getObject("company_id", UUID.class), rs.getObject("id", UUID.class),
				IdentityProvider.parse(rs.getString("provider")).orElse(IdentityProvider.OTHER),
				ConnectionState.fromCode(rs.getString("state")),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
				rs.getObject("staging_company_id", UUID.class));
	}

}
