package io.roster.sync;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.roster.directory.AppColleagues;
import io.roster.directory.DirectoryException;
import io.roster.directory.PlanPage;
import io.roster.directory.PlanSection;
import io.roster.directory.StagedDirectory;
import io.roster.tenant.Actor;
import io.roster.tenant.Company;
import io.roster.tenant.CompanyStore;
import io.roster.tenant.ConnectionState;
import io.roster.tenant.IdentityProvider;
import io.roster.tenant.ScimConnection;
import io.roster.tenant.ScimConnections;

/**
 * The staged first sync of a company's SCIM connection, as support runs it. A connection
 * opened here starts in {@code setup}: its identity provider's requests are answered as
 * for a live connection, but they read and write a hidden staging company, so the real
 * colleagues and teams stay untouched. Support reads the plan, the difference between the
 * two, and finishes the sync, which applies the plan, deactivates the unsent colleagues
 * support chose and makes the connection live, all in one transaction.
 */
@Service
public class FirstSync {

	private static final Logger logger = LoggerFactory.getLogger(FirstSync.class);

	/** What finishing a first sync did. */
	public record Finished(ScimConnection connection, StagedDirectory.Applied applied, int deactivated) {
	}

	private final CompanyStore companies;

	private final ScimConnections connections;

	private final StagedDirectory staged;

	private final AppColleagues appColleagues;

	FirstSync(CompanyStore companies, ScimConnections connections, StagedDirectory staged,
			AppColleagues appColleagues) {
		this.companies = companies;
		this.connections = connections;
		this.staged = staged;
		this.appColleagues = appColleagues;
	}

	/**
	 * Opens a connection in {@code setup} for the company; issue its token with
	 * {@code ScimTokens.issue}.
	 * @throws IllegalStateException when the company already has a connection that is not
	 * disabled
	 * @throws IllegalArgumentException when the company does not exist
	 */
	@Transactional
	public ScimConnection open(UUID companyId, IdentityProvider provider) {
		return this.connections.open(companyId, provider, ConnectionState.SETUP);
	}

	/**
	 * Returns the company's connection that is not disabled, with its state, if it has
	 * one.
	 */
	public Optional<ScimConnection> connection(UUID companyId) {
		return this.connections.findOpen(companyId);
	}

	/**
	 * Counts the entries of each section of the plan.
	 * @throws FirstSyncException {@code NOT_IN_SETUP} without a connection in setup
	 */
	@Transactional(readOnly = true)
	public Map<PlanSection, Long> counts(UUID companyId) {
		Setup setup = setup(companyId, false);
		return this.staged.counts(setup.company(), setup.stagingId());
	}

	/**
	 * Reads a page of one section of the plan.
	 * @param cursor the {@code nextCursor} of the previous page, or {@code null} for the
	 * first
	 * @param limit entries per page, from 1 to {@link StagedDirectory#MAX_PAGE}
	 * @throws FirstSyncException {@code NOT_IN_SETUP} without a connection in setup
	 * @throws IllegalArgumentException for a cursor of another section or a limit out of
	 * range
	 */
	@Transactional(readOnly = true)
	public PlanPage plan(UUID companyId, PlanSection section, @Nullable String cursor, int limit) {
		Setup setup = setup(companyId, false);
		return this.staged.plan(setup.company(), setup.stagingId(), section, cursor, limit);
	}

	/**
	 * Finishes the first sync when its plan has no errors. See
	 * {@link #finish(UUID, Set, Actor, boolean)}.
	 */
	@Transactional
	public Finished finish(UUID companyId, Set<UUID> deactivate, Actor operator) {
		return finish(companyId, deactivate, operator, false);
	}

	/**
	 * Finishes the first sync in one transaction: applies the plan, deactivates the
	 * chosen unsent colleagues, keeps the other unsent ones app-managed, deletes the
	 * staging company and makes the connection live. The connection's row stays locked
	 * until the transaction ends, so SCIM changes of the connection wait for it and then
	 * write the real company.
	 * @param deactivate ids of colleagues of the plan's unsent section to deactivate
	 * @param operator the support operator, recorded in the deactivated colleagues'
	 * history; the plan's own changes are recorded under the SCIM connection
	 * @param skipErrors whether to finish although the plan has errors, leaving those
	 * users and groups out
	 * @throws FirstSyncException {@code NOT_IN_SETUP}, {@code PLAN_HAS_ERRORS},
	 * {@code NOT_UNSENT} or {@code CONFLICT}; nothing has changed then
	 */
	@Transactional
	public Finished finish(UUID companyId, Set<UUID> deactivate, Actor operator, boolean skipErrors) {
		if (operator.type() != Actor.Type.OPERATOR) {
			throw new IllegalArgumentException("A support operator finishes a first sync, not " + operator);
		}
		Setup setup = setup(companyId, true);
		Company company = setup.company();
		ScimConnection connection = setup.connection();
		UUID stagingId = setup.stagingId();
		long errors = this.staged.counts(company, stagingId).get(PlanSection.ERRORS);
		if (errors > 0 && !skipErrors) {
			throw new FirstSyncException(FirstSyncException.Reason.PLAN_HAS_ERRORS, "The plan of company " + companyId
					+ " has " + errors + " errors; resolve them or finish with errors skipped");
		}
		Set<UUID> unsent = this.staged.unsentAmong(company, stagingId, deactivate);
		if (unsent.size() < deactivate.size()) {
			String others = deactivate.stream()
				.filter((id) -> !unsent.contains(id))
				.map(UUID::toString)
				.collect(Collectors.toCollection(TreeSet::new))
				.stream()
				.limit(10)
				.collect(Collectors.joining(", "));
			throw new FirstSyncException(FirstSyncException.Reason.NOT_UNSENT,
					"These colleagues are not unsent colleagues of the plan, so finishing cannot deactivate them: "
							+ others);
		}
		StagedDirectory.Applied applied;
		try {
			applied = this.staged.apply(Actor.scim(connection), company, stagingId, skipErrors);
			for (UUID id : deactivate) {
				this.appColleagues.deactivate(operator, companyId, id);
			}
		}
		catch (DirectoryException | DataIntegrityViolationException ex) {
			throw new FirstSyncException(FirstSyncException.Reason.CONFLICT,
					"Applying the plan of company " + companyId + " failed, so nothing changed: " + ex.getMessage(),
					ex);
		}
		this.staged.discard(stagingId);
		ScimConnection live = this.connections.finishSetup(connection);
		logger.info(
				"Operator {} finished the first sync of company {}: {} colleagues created, {} linked, {} teams"
						+ " created, {} taken over, {} entries skipped, {} unsent colleagues deactivated",
				operator.id(), companyId, applied.created(), applied.linked(), applied.teamsCreated(),
				applied.teamsTakenOver(), applied.skipped(), deactivate.size());
		return new Finished(live, applied, deactivate.size());
	}

	/**
	 * Returns the company with its connection in setup.
	 * @param lock whether to lock the connection's row until the transaction ends
	 */
	private Setup setup(UUID companyId, boolean lock) {
		Company company = this.companies.find(companyId).orElseThrow(() -> notInSetup(companyId));
		Optional<ScimConnection> open = lock ? this.connections.lockOpen(companyId)
				: this.connections.findOpen(companyId);
		ScimConnection connection = open.filter(ScimConnection::isStaged).orElseThrow(() -> notInSetup(companyId));
		UUID stagingId = connection.stagingCompanyId();
		if (stagingId == null) {
			throw notInSetup(companyId);
		}
		return new Setup(company, connection, stagingId);
	}

	private static FirstSyncException notInSetup(UUID companyId) {
		return new FirstSyncException(FirstSyncException.Reason.NOT_IN_SETUP,
				"Company " + companyId + " has no SCIM connection in setup");
	}

	private record Setup(Company company, ScimConnection connection, UUID stagingId) {
	}

}
