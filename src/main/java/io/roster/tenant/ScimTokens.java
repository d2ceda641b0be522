package io.roster.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues and checks SCIM bearer tokens. A token belongs to one SCIM connection of one
 * company. It is 256 random bits, shown once when issued; only its SHA-256 hash is
 * stored. The hash is found through a unique index and then compared again in constant
 * time, so the lookup's timing never reveals how much of a guessed token matched.
 */
@Service
public class ScimTokens {

	/** Prefix that makes a Roster token recognisable to secret scanners. */
	static final String PREFIX = "rst_";

	private static final int TOKEN_BYTES = 32;

	/**
	 * Precision of a token's last use: a use within this time of the recorded one is not
	 * written, so that reads do not each commit a write to the token's row.
	 */
	static final Duration USE_PRECISION = Duration.ofMinutes(1);

	private final SecureRandom random = new SecureRandom();

	private final ScimTokenStore store;

	private final CompanyStore companies;

	private final ScimConnections connections;

	ScimTokens(ScimTokenStore store, CompanyStore companies, ScimConnections connections) {
		this.store = store;
		this.companies = companies;
		this.connections = connections;
	}

	/**
	 * Creates a token for a connection and returns its secret, which is not stored.
	 */
	@Transactional
	public String issue(ScimConnection connection, String label) {
		byte[] bytes = new byte[TOKEN_BYTES];
		this.random.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.store.insert(connection.companyId(), connection.id(), UUID.randomUUID(), hash(secret), label,
				Instant.now());
		return secret;
	}

	/**
	 * Creates a token for the company's open connection, opening a live one when the
	 * company has none, and returns its secret.
	 */
	@Transactional
	public String issue(UUID companyId, String label) {
		return issue(this.connections.openOrCurrent(companyId), label);
	}

	/**
	 * Returns the company and connection a presented token belongs to, if the token is
	 * known, not revoked and not expired, and records the use to the minute. The
	 * connection may be disabled; the caller decides what that means.
	 */
	@Transactional
	public Optional<ScimAccess> authenticate(String presented) {
		String presentedHash = hash(presented);
		Optional<ScimTokenStore.StoredToken> token = this.store.findByHash(presentedHash);
		Instant now = Instant.now();
		if (token.isEmpty() || !matches(token.get().hash(), presentedHash) || !isValidAt(token.get(), now)) {
			return Optional.empty();
		}
		UUID companyId = token.get().companyId();
		Instant since = now.minus(USE_PRECISION);
		Instant lastUsedAt = token.get().lastUsedAt();
		if (lastUsedAt == null || lastUsedAt.isBefore(since)) {
			this.store.markUsed(companyId, token.get().id(), now, since);
		}
		Optional<Company> company = this.companies.find(companyId);
		Optional<ScimConnection> connection = this.connections.find(companyId, token.get().connectionId());
		if (company.isEmpty() || connection.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new ScimAccess(company.get(), connection.get()));
	}

	/**
	 * Returns the SHA-256 hash of a token in hex, the form in which tokens are stored.
	 */
	public static String hash(String secret) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this Java runtime", ex);
		}
	}

	private static boolean matches(String storedHash, String presentedHash) {
		return MessageDigest.isEqual(storedHash.getBytes(StandardCharsets.US_ASCII),
				presentedHash.getBytes(StandardCharsets.US_ASCII));
	}

	private static boolean isValidAt(ScimTokenStore.StoredToken token, Instant instant) {
		return token.revokedAt() == null && (token.expiresAt() == null || token.expiresAt().isAfter(instant));
	}

}
