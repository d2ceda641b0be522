package io.roster.tenant;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens SCIM connections and changes their state. A company has at most one connection
 * that is not disabled; a disabled connection's tokens are rejected with 401.
 *
 * <p>
 * NOTE: a connection in {@code setup} applies changes at once, as a live one does. The
 * staged first sync, which holds them as a plan until support finishes the sync, is not
 * built yet; every SCIM change passes the connection to the directory, so it has one
 * place to divert them.
 */
@Service
public class ScimConnections {

	private static final Logger logger = LoggerFactory.getLogger(ScimConnections.class);

	private final ScimConnectionStore store;

	ScimConnections(ScimConnectionStore store) {
		this.store = store;
	}

	/**
	 * Opens a connection for the company.
	 * @throws IllegalStateException when the company already has a connection that is not
	 * disabled
	 */
	@Transactional
	public ScimConnection open(UUID companyId, IdentityProvider provider, ConnectionState state) {
		if (state == ConnectionState.DISABLED) {
			throw new IllegalArgumentException("A connection opens in setup or live, not disabled");
		}
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		ScimConnection connection = new ScimConnection(companyId, UUID.randomUUID(), provider, state, now, now);
		try {
			this.store.insert(connection);
		}
		catch (DuplicateKeyException ex) {
			throw new IllegalStateException("Company " + companyId + " already has an open SCIM connection", ex);
		}
		logger.info("Opened SCIM connection {} ({}) of company {} in state {}", connection.id(), provider.code(),
				companyId, state.code());
		return connection;
	}

	/**
	 * Returns the company's connection that is not disabled, opening a live one if none
	 * is.
	 */
	@Transactional
	public ScimConnection openOrCurrent(UUID companyId) {
		return this.store.findOpen(companyId)
			.orElseGet(() -> open(companyId, IdentityProvider.OTHER, ConnectionState.LIVE));
	}

	/**
	 * Sets the identity provider of a connection, as its directory admin chose it.
	 * @return the changed connection, or empty when the company has no such connection
	 */
	@Transactional
	public Optional<ScimConnection> changeProvider(UUID companyId, UUID id, IdentityProvider provider) {
		if (!this.store.changeProvider(companyId, id, provider, Instant.now().truncatedTo(ChronoUnit.MILLIS))) {
			return Optional.empty();
		}
		logger.info("SCIM connection {} of company {} now names {} as its identity provider", id, companyId,
				provider.code());
		return this.store.find(companyId, id);
	}

	/** Returns the company's connection that is not disabled, if it has one. */
	public Optional<ScimConnection> findOpen(UUID companyId) {
		return this.store.findOpen(companyId);
	}

	public Optional<ScimConnection> find(UUID companyId, UUID id) {
		return this.store.find(companyId, id);
	}

	public List<ScimConnection> list(UUID companyId) {
		return this.store.list(companyId);
	}

	/**
	 * Moves a connection to another state.
	 * @return the changed connection, or empty when the company has no such connection
	 * @throws IllegalStateException when the change would leave the company with two
	 * connections that are not disabled
	 */
	@Transactional
	public Optional<ScimConnection> changeState(UUID companyId, UUID id, ConnectionState state) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		try {
			if (!this.store.changeState(companyId, id, state, now)) {
				return Optional.empty();
			}
		}
		catch (DuplicateKeyException ex) {
			throw new IllegalStateException("Company " + companyId + " already has another open SCIM connection", ex);
		}
		logger.info("SCIM connection {} of company {} is now {}", id, companyId, state.code());
		return this.store.find(companyId, id);
	}

}
