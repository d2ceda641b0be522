package io.roster.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

	private static final Logger logger = LoggerFactory.getLogger(ScimTokens.class);

	private final SecureRandom random = new SecureRandom();

	private final ScimTokenStore store;

	private final ScimConnections connections;

	ScimTokens(ScimTokenStore store, ScimConnections connections) {
		this.store = store;
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
	 * Creates a token for a connection that stops authenticating at {@code expiresAt}, or
	 * never when it is {@code null}, and returns its secret, which is not stored.
	 */
	@Transactional
	public String issue(ScimConnection connection, String label, @Nullable Instant expiresAt) {
		String secret = issue(connection, label);
		if (expiresAt != null) {
			this.store.changeExpiry(connection.companyId(),
					this.store.findAccess(hash(secret)).orElseThrow().token().id(), expiresAt);
		}
		logger.info("Issued a SCIM token for connection {} of company {}", connection.id(), connection.companyId());
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

	/** Returns the company's tokens of all its connections, newest first. */
	@Transactional(readOnly = true)
	public List<ScimToken> list(UUID companyId) {
		return this.store.list(companyId);
	}

	/**
	 * Revokes a token of the company, which then gets 401 at once.
	 * @return whether the company had such a token that was not revoked yet
	 */
	@Transactional
	public boolean revoke(UUID companyId, UUID id) {
		boolean revoked = this.store.revoke(companyId, id, Instant.now());
		if (revoked) {
			logger.info("Revoked SCIM token {} of company {}", id, companyId);
		}
		return revoked;
	}

	/**
	 * Sets when a token of the company stops authenticating; {@code null} means never.
	 * @return whether the company had such a token that was not revoked
	 */
	@Transactional
	public boolean changeExpiry(UUID companyId, UUID id, @Nullable Instant expiresAt) {
		boolean changed = this.store.changeExpiry(companyId, id, expiresAt);
		if (changed) {
			logger.info("SCIM token {} of company {} now expires at {}", id, companyId,
					(expiresAt != null) ? expiresAt : "never");
		}
		return changed;
	}

	/**
	 * Returns the company and connection a presented token belongs to, if the token is
	 * known, not revoked and not expired, and records the use to the minute. The
	 * connection may be disabled; the caller decides what that means. The directory of a
	 * connection in setup is its staging company, with the real company's plan and
	 * settings, so that provisioning there gives the real company's default role. It runs
	 * without a transaction: one query reads the token, and the rare use record is a
	 * write of its own.
	 */
	public Optional<ScimAccess> authenticate(String presented) {
		String presentedHash = hash(presented);
		Optional<ScimTokenStore.StoredAccess> found = this.store.findAccess(presentedHash);
		Instant now = Instant.now();
		if (found.isEmpty() || !matches(found.get().token().hash(), presentedHash)
				|| !isValidAt(found.get().token(), now)) {
			return Optional.empty();
		}
		ScimTokenStore.StoredToken token = found.get().token();
		Instant since = now.minus(USE_PRECISION);
		Instant lastUsedAt = token.lastUsedAt();
		if (lastUsedAt == null || lastUsedAt.isBefore(since)) {
			this.store.markUsed(token.companyId(), token.id(), now, since);
		}
		// NOTE: a read keeps the directory chosen here. A read that runs just after the
		// first sync finished finds the staging company gone and answers 404 or an empty
		// list; changes take the connection's lock and move to the real company instead.
		Company real = found.get().company();
		ScimConnection connection = found.get().connection();
		UUID stagingId = connection.stagingCompanyId();
		Company directory = (connection.isStaged() && stagingId != null) ? new Company(stagingId, real.name(),
				real.plan(), real.defaultRole(), real.matchingPolicy(), real.createdAt()) : real;
		return Optional.of(new ScimAccess(real, connection, directory));
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
