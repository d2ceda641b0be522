package io.roster.setup;

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
 * Stores configuration links.
 */
@Repository
class ConfigurationLinkStore {

	private final JdbcClient jdbc;

	ConfigurationLinkStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(ConfigurationLink link) {
		this.jdbc.sql("""
				INSERT INTO configuration_link (company_id, id, connection_id, secret_hash, recipient, sent_by,
				    created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(link.companyId(), link.id(), link.connectionId(), link.secretHash(), link.recipient(),
					link.sentBy(), utc(link.createdAt()), utc(link.expiresAt()))
			.update();
	}

	Optional<ConfigurationLink> findByHash(String hash) {
		return this.jdbc.sql("SELECT * FROM configuration_link WHERE secret_hash = ?")
			.param(hash)
			.query(ConfigurationLinkStore::map)
			.optional();
	}

	Optional<ConfigurationLink> find(UUID companyId, UUID id) {
		return this.jdbc.sql("SELECT * FROM configuration_link WHERE company_id = ? AND id = ?")
			.params(companyId, id)
			.query(ConfigurationLinkStore::map)
			.optional();
	}

	/** Returns the company's links, newest first. */
	List<ConfigurationLink> list(UUID companyId, int limit) {
		return this.jdbc.sql("""
				SELECT * FROM configuration_link WHERE company_id = ?
				ORDER BY created_at DESC, id LIMIT ?""")
			.params(companyId, limit)
			.query(ConfigurationLinkStore::map)
			.list();
	}

	/**
	 * Marks a pending link used. Of two concurrent calls for one link, only one succeeds.
	 * @return whether the link was pending at {@code now} and is now used
	 */
	boolean markUsed(UUID companyId, UUID id, Instant now) {
		return this.jdbc.sql("""
				UPDATE configuration_link SET used_at = ?
				WHERE company_id = ? AND id = ? AND used_at IS NULL AND revoked_at IS NULL AND expires_at > ?""")
			.params(utc(now), companyId, id, utc(now))
			.update() == 1;
	}

	/**
	 * Revokes a link unless it is used or revoked already.
	 * @return whether the link was revoked by this call
	 */
	boolean revoke(UUID companyId, UUID id, Instant now, String revokedBy) {
		return this.jdbc.sql("""
				UPDATE configuration_link SET revoked_at = ?, revoked_by = ?
				WHERE company_id = ? AND id = ? AND used_at IS NULL AND revoked_at IS NULL""")
			.params(utc(now), revokedBy, companyId, id)
			.update() == 1;
	}

	/** Revokes every link of the company that is neither used nor revoked. */
	int revokeOpen(UUID companyId, Instant now, String revokedBy) {
		return this.jdbc.sql("""
				UPDATE configuration_link SET revoked_at = ?, revoked_by = ?
				WHERE company_id = ? AND used_at IS NULL AND revoked_at IS NULL""")
			.params(utc(now), revokedBy, companyId)
			.update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

	private static ConfigurationLink map(ResultSet rs, int row) throws SQLException {
		return new ConfigurationLink(rs.getObject("company_id", UUID.class), rs.getObject("id", UUID.class),
				rs.getObject("connection_id", UUID.class), rs.getString("secret_hash"), rs.getString("recipient"),
				rs.getString("sent_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
				instant(rs.getObject("used_at", OffsetDateTime.class)),
				instant(rs.getObject("revoked_at", OffsetDateTime.class)), rs.getString("revoked_by"));
	}

}
