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
 * A connection in {@code setup} has a staging company: a hidden, empty company whose
 * directory its SCIM requests read and write, so that the first sync leaves the real
 * directory untouched until support finishes it ({@code io.roster.sync.FirstSync}).
 */
@Service
public class ScimConnections {

	private static final Logger logger = LoggerFactory.getLogger(ScimConnections.class);

	private final ScimConnectionStore store;

	private final CompanyStore companies;

	ScimConnections(ScimConnectionStore store, CompanyStore companies) {
		this.store = store;
		this.companies = companies;
	}

	/**
	 * Opens a connection for the company. A connection that opens in {@code setup} gets a
	 * new staging company.
	 * @throws IllegalStateException when the company already has a connection that is not
	 * disabled
	 */
	@Transactional
	public ScimConnection open(UUID companyId, IdentityProvider provider, ConnectionState state) {
		if (state == ConnectionState.DISABLED) {
			throw new IllegalArgumentException("A connection opens in setup or live, not disabled");
		}
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		UUID stagingId = (state == ConnectionState.SETUP) ? createStaging(companyId) : null;
		ScimConnection connection = new ScimConnection(companyId, UUID.randomUUID(), provider, state, now, now,
				stagingId);
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
	 * Moves a connection to another state. A connection whose first sync is not finished
	 * cannot go live this way: asked to go live, it returns to {@code setup} with its
	 * staging company.
	 * @return the changed connection, or empty when the company has no such connection
	 * @throws IllegalStateException when the change would leave the company with two
	 * connections that are not disabled
	 */
	@Transactional
	public Optional<ScimConnection> changeState(UUID companyId, UUID id, ConnectionState state) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Optional<ScimConnection> current = this.store.find(companyId, id);
		if (current.isEmpty()) {
			return Optional.empty();
		}
		UUID stagingId = current.get().stagingCompanyId();
		if (state == ConnectionState.LIVE && stagingId != null) {
			state = ConnectionState.SETUP;
		}
		else if (state == ConnectionState.SETUP && stagingId == null) {
			throw new IllegalArgumentException("SCIM connection " + id + " has finished its first sync or opened live,"
					+ " so it cannot return to setup; open a new connection in setup instead");
		}
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

	/**
	 * Returns the directory a SCIM change of this access must write, and holds the
	 * connection's row lock until the transaction ends, so that finishing the first sync
	 * waits for the change and the change never writes a staging company that finishing
	 * has already emptied. A staged access whose connection has gone live since the
	 * request was authenticated writes the real company.
	 */
	@Transactional
	public Company holdForChange(ScimAccess access) {
		if (!access.isStaged()) {
			return access.directory();
		}
		ScimConnection connection = access.connection();
		Optional<ScimConnection> locked = this.store.lockShared(connection.companyId(), connection.id());
		if (locked.isPresent() && locked.get().isStaged()
				&& access.directory().id().equals(locked.get().stagingCompanyId())) {
			return access.directory();
		}
		return access.company();
	}

	/**
	 * Returns the company's connection that is not disabled and locks its row until the
	 * transaction ends, so SCIM changes of a staged connection wait until then.
	 */
	@Transactional
	public Optional<ScimConnection> lockOpen(UUID companyId) {
		return this.store.lockOpenForUpdate(companyId);
	}

	/**
	 * Finishes the first sync of a connection in setup: it goes live, forgets its staging
	 * company and deletes that company's row. The caller has moved or deleted the staging
	 * company's directory data in the same transaction.
	 * @throws IllegalStateException when the connection is not in setup with a staging
	 * company
	 */
	@Transactional
	public ScimConnection finishSetup(ScimConnection connection) {
		UUID stagingId = connection.stagingCompanyId();
		if (!connection.isStaged() || stagingId == null) {
			throw new IllegalStateException("SCIM connection " + connection.id() + " of company "
					+ connection.companyId() + " is " + connection.state().code() + ", not in setup");
		}
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		this.store.changeStaging(connection.companyId(), connection.id(), null, now);
		this.store.changeState(connection.companyId(), connection.id(), ConnectionState.LIVE, now);
		this.companies.deleteStaging(stagingId);
		logger.info("SCIM connection {} of company {} finished its first sync and is now live", connection.id(),
				connection.companyId());
		return this.store.find(connection.companyId(), connection.id()).orElseThrow();
	}

	private UUID createStaging(UUID companyId) {
		Company company = this.companies.find(companyId)
			.orElseThrow(() -> new IllegalArgumentException("No company " + companyId));
		return this.companies.createStaging(company);
	}

}
