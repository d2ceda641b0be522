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

/**
 * Stores SCIM connections.
 */
@Repository
class ScimConnectionStore {

	private final JdbcClient jdbc;

	ScimConnectionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(ScimConnection connection) {
		this.jdbc.sql("""
				INSERT INTO scim_connection (company_id, id, provider, state, open_key, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(connection.companyId(), connection.id(), connection.provider().code(), connection.state().code(),
					openKey(connection.state()), utc(connection.createdAt()), utc(connection.updatedAt()))
			.update();
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
				rs.getObject("updated_at", OffsetDateTime.class).toInstant());
	}

}
