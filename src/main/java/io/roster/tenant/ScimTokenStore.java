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

	Optional<StoredToken> findByHash(String hash) {
		return this.jdbc.sql("""
				SELECT company_id, id, connection_id, token_hash, expires_at, revoked_at, last_used_at
				FROM scim_token WHERE token_hash = ?""")
			.param(hash)
			.query((rs, row) -> new StoredToken(rs.getObject("company_id", UUID.class), rs.getObject("id", UUID.class),
					rs.getObject("connection_id", UUID.class), rs.getString("token_hash"),
					instant(rs.getObject("expires_at", OffsetDateTime.class)),
					instant(rs.getObject("revoked_at", OffsetDateTime.class)),
					instant(rs.getObject("last_used_at", OffsetDateTime.class))))
			.optional();
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
