package io.roster.setup;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.roster.sync.FirstSync;
import io.roster.system.LogText;
import io.roster.tenant.Company;
import io.roster.tenant.CompanyOverview;
import io.roster.tenant.CompanyStore;
import io.roster.tenant.ConnectionState;
import io.roster.tenant.IdentityProvider;
import io.roster.tenant.Plan;
import io.roster.tenant.ScimConnection;
import io.roster.tenant.ScimConnections;

/**
 * What support does to companies: find them, change their plan and enable SCIM.
 */
@Service
public class SupportCompanies {

	/** Companies per page of the support console's list. */
	public static final int PAGE_SIZE = 25;

	/** Longest search text accepted. */
	static final int MAX_QUERY_LENGTH = 200;

	private static final Logger logger = LoggerFactory.getLogger(SupportCompanies.class);

	private final CompanyStore companies;

	private final ScimConnections connections;

	private final FirstSync firstSync;

	SupportCompanies(CompanyStore companies, ScimConnections connections, FirstSync firstSync) {
		this.companies = companies;
		this.connections = connections;
		this.firstSync = firstSync;
	}

	/** A page of companies and whether more follow. */
	public record CompanyPage(List<CompanyOverview> companies, int page, boolean hasNext, long total) {
	}

	/**
	 * Returns one page (from 0) of the companies whose name contains {@code query},
	 * ignoring case, by name.
	 */
	@Transactional(readOnly = true)
	public CompanyPage search(String query, int page) {
		String text = query.strip();
		if (text.length() > MAX_QUERY_LENGTH) {
			throw new SetupException("The search text is longer than " + MAX_QUERY_LENGTH + " characters.");
		}
		int from = Math.max(page, 0);
		List<CompanyOverview> found = this.companies.search(text, from * PAGE_SIZE, PAGE_SIZE + 1);
		boolean hasNext = found.size() > PAGE_SIZE;
		return new CompanyPage(hasNext ? found.subList(0, PAGE_SIZE) : found, from, hasNext,
				this.companies.countMatching(text));
	}

	/** Returns a company, or throws a message for support when there is none. */
	@Transactional(readOnly = true)
	public Company company(UUID companyId) {
		return this.companies.find(companyId)
			.orElseThrow(() -> new SetupException("No company has the id " + companyId + "."));
	}

	/** Returns the company's connection that is in setup or live, if any. */
	@Transactional(readOnly = true)
	public java.util.Optional<ScimConnection> openConnection(UUID companyId) {
		return this.connections.findOpen(companyId);
	}

	/**
	 * Changes a company's plan.
	 * @throws SetupException for an unknown plan
	 */
	@Transactional
	public Company changePlan(UUID companyId, String planCode, String operator) {
		Company company = company(companyId);
		Plan plan = Arrays.stream(Plan.values())
			.filter((candidate) -> candidate.code().equals(planCode.strip().toLowerCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> new SetupException("'" + planCode + "' is not a plan; choose one of "
					+ Arrays.stream(Plan.values()).map(Plan::code).collect(Collectors.joining(", ")) + "."));
		this.companies.changePlan(companyId, plan);
		logger.info("Operator {} changed the plan of company {} from {} to {}", LogText.sanitize(operator), companyId,
				company.plan().code(), plan.code());
		return company(companyId);
	}

	/**
	 * Opens a SCIM connection in setup for an enterprise company, whose first sync is
	 * then held as a plan until support finishes it.
	 * @throws SetupException when the company is not on the enterprise plan or already
	 * has a connection in setup or live
	 */
	@Transactional
	public ScimConnection enableScim(UUID companyId, String operator) {
		Company company = company(companyId);
		if (!company.canUseScim()) {
			throw new SetupException("SCIM is available on the enterprise plan only, and " + company.name()
					+ " is on the " + company.plan().code() + " plan. Change its plan to enterprise first.");
		}
		ScimConnection existing = this.connections.findOpen(companyId).orElse(null);
		if (existing != null) {
			throw new SetupException(company.name() + " already has a SCIM connection in " + existing.state().code()
					+ ((existing.state() == ConnectionState.SETUP) ? "; send the configuration link below."
							: "; disable it before starting a new setup."));
		}
		ScimConnection connection = this.firstSync.open(companyId, IdentityProvider.OTHER);
		logger.info("Operator {} enabled SCIM for company {} with connection {} in setup", LogText.sanitize(operator),
				companyId, connection.id());
		return connection;
	}

}
