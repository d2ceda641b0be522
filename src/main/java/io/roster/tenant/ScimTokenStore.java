package io.roster.tenant;

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
 * Stores SCIM token hashes.
 */
@Repository
class ScimTokenStore {

	/** A stored token: never the secret, only its SHA-256 hash in hex. */
	record StoredToken(UUID companyId, UUID id, UUID connectionId, String hash, @Nullable Instant expiresAt,
			@Nullable Instant revokedAt, @Nullable Instant lastUsedAt) {
	}

	private final JdbcClient jdbc;

	ScimTokenStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID companyId, UUID connectionId, UUID id, String hash, String label, Instant createdAt) {
		this.jdbc.sql("""
				INSERT INTO scim_token (company_id, id, connection_id, token_hash, label, created_at)
				VALUES (?, ?, ?, ?, ?, ?)""").params(companyId, id, connectionId, hash, label, utc(createdAt)).update();
	}

	/** A stored token with its company and SCIM connection, as a request presents it. */
	record StoredAccess(StoredToken token, Company company, ScimConnection connection) {
	}

	/**
	 * Finds a token by its hash, with its company and connection, in one query, since
	 * every SCIM request reads all three.
	 */
	Optional<StoredAccess> findAccess(String hash) {
		return this.jdbc.sql("""
				SELECT t.company_id, t.id, t.connection_id, t.token_hash, t.expires_at, t.revoked_at, t.last_used_at,
				  c.name AS company_name, c.plan, c.default_role, c.matching_policy, c.created_at AS company_created_at,
				  k.provider, k.state, k.created_at AS connection_created_at, k.updated_at AS connection_updated_at,
				  k.staging_company_id
				FROM scim_token t
				JOIN company c ON c.id = t.company_id AND c.staging_of IS NULL
				JOIN scim_connection k ON k.company_id = t.company_id AND k.id = t.connection_id
				WHERE t.token_hash = ?""").param(hash).query((rs, row) -> {
			UUID companyId = rs.getObject("company_id", UUID.class);
			UUID connectionId = rs.getObject("connection_id", UUID.class);
			StoredToken token = new StoredToken(companyId, rs.getObject("id", UUID.class), connectionId,
					rs.getString("token_hash"), instant(rs.getObject("expires_at", OffsetDateTime.class)),
					instant(rs.getObject("revoked_at", OffsetDateTime.class)),
					instant(rs.getObject("last_used_at", OffsetDateTime.class)));
			Company company = new Company(companyId, rs.getString("company_name"), Plan.fromCode(rs.getString("plan")),
					rs.getString("default_role"), rs.getString("matching_policy"),
					rs.getObject("company_created_at", OffsetDateTime.class).toInstant());
			ScimConnection connection = new ScimConnection(companyId, connectionId,
					IdentityProvider.parse(rs.getString("provider")).orElse(IdentityProvider.OTHER),
					ConnectionState.fromCode(rs.getString("state")),
					rs.getObject("connection_created_at", OffsetDateTime.class).toInstant(),
					rs.getObject("connection_updated_at", OffsetDateTime.class).toInstant(),
					rs.getObject("staging_company_id", UUID.class));
			return new StoredAccess(token, company, connection);
		}).optional();
	}

	/**
	 * Records a use of the token unless a use after {@code since} is already recorded, so
	 * that concurrent requests with one token do not all wait for that token's row lock.
	 */
	void markUsed(UUID companyId, UUID id, Instant usedAt, Instant since) {
		this.jdbc.sql("""
				UPDATE scim_token SET last_used_at = ?
				WHERE company_id = ? AND id = ? AND (last_used_at IS NULL OR last_used_at < ?)""")
			.params(utc(usedAt), companyId, id, utc(since))
			.update();
	}

	/** Returns the company's tokens, newest first. */
	List<ScimToken> list(UUID companyId) {
		return this.jdbc.sql("""
				SELECT id, connection_id, label, created_at, expires_at, revoked_at, last_used_at
				FROM scim_token WHERE company_id = ? ORDER BY created_at DESC, id""")
			.param(companyId)
			.query((rs, row) -> new ScimToken(rs.getObject("id", UUID.class), rs.getObject("connection_id", UUID.class),
					rs.getString("label"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
					instant(rs.getObject("expires_at", OffsetDateTime.class)),
					instant(rs.getObject("revoked_at", OffsetDateTime.class)),
					instant(rs.getObject("last_used_at", OffsetDateTime.class))))
			.list();
	}

	/** Revokes a token that is not revoked yet; returns whether one was. */
	boolean revoke(UUID companyId, UUID id, Instant revokedAt) {
		return this.jdbc
			.sql("UPDATE scim_token SET revoked_at = ? WHERE company_id = ? AND id = ? AND revoked_at IS NULL")
			.params(utc(revokedAt), companyId, id)
			.update() == 1;
	}

	/**
	 * Sets or clears the expiry of a token that is not revoked; returns whether one was.
	 */
	boolean changeExpiry(UUID companyId, UUID id, @Nullable Instant expiresAt) {
		return this.jdbc
			.sql("UPDATE scim_token SET expires_at = ? WHERE company_id = ? AND id = ? AND revoked_at IS NULL")
			.params((expiresAt != null) ? utc(expiresAt) : null, companyId, id)
			.update() == 1;
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

}
