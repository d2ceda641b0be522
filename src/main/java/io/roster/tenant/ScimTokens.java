package io.roster.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues and checks SCIM bearer tokens. A token is 256 random bits, shown once when
 * issued; only its SHA-256 hash is stored. The hash is found through a unique index and
 * then compared again in constant time, so the lookup's timing never reveals how much of
 * a guessed token matched.
 */
@Service
public class ScimTokens {

	/** Prefix that makes a Roster token recognisable to secret scanners. */
	static final String PREFIX = "rst_";

	private static final int TOKEN_BYTES = 32;

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final CompanyStore companies;

	ScimTokens(JdbcClient jdbc, CompanyStore companies) {
		this.jdbc = jdbc;
		this.companies = companies;
	}

	/**
	 * Creates a token for the company and returns its secret, which is not stored.
	 */
	@Transactional
	public String issue(UUID companyId, String label) {
		byte[] bytes = new byte[TOKEN_BYTES];
		this.random.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.jdbc.sql("""
				INSERT INTO scim_token (company_id, id, token_hash, label, created_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(companyId, UUID.randomUUID(), hash(secret), label, OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		return secret;
	}

	/**
	 * Returns the company a presented token belongs to, if the token is known, not
	 * revoked and not expired.
	 */
	@Transactional
	public Optional<Company> authenticate(String presented) {
		String presentedHash = hash(presented);
		Optional<StoredToken> token = this.jdbc
			.sql("SELECT company_id, id, token_hash, expires_at, revoked_at FROM scim_token WHERE token_hash = ?")
			.param(presentedHash)
			.query((rs, row) -> new StoredToken(rs.getObject("company_id", UUID.class), rs.getObject("id", UUID.class),
					rs.getString("token_hash"), rs.getObject("expires_at", OffsetDateTime.class),
					rs.getObject("revoked_at", OffsetDateTime.class)))
			.optional();
		if (token.isEmpty() || !token.get().matches(presentedHash) || !token.get().isValidAt(Instant.now())) {
			return Optional.empty();
		}
		this.jdbc.sql("UPDATE scim_token SET last_used_at = ? WHERE company_id = ? AND id = ?")
			.params(OffsetDateTime.now(ZoneOffset.UTC), token.get().companyId(), token.get().id())
			.update();
		return this.companies.find(token.get().companyId());
	}

	static String hash(String secret) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this Java runtime", ex);
		}
	}

	private record StoredToken(UUID companyId, UUID id, String hash, OffsetDateTime expiresAt,
			OffsetDateTime revokedAt) {

		boolean matches(String presentedHash) {
			return MessageDigest.isEqual(this.hash.getBytes(StandardCharsets.US_ASCII),
					presentedHash.getBytes(StandardCharsets.US_ASCII));
		}

		boolean isValidAt(Instant instant) {
			return this.revokedAt == null && (this.expiresAt == null || this.expiresAt.toInstant().isAfter(instant));
		}

	}

}
