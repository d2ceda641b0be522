package io.roster.directory;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.roster.tenant.Actor;
import io.roster.tenant.Company;
import io.roster.tenant.CompanyStore;
import io.roster.tenant.MatchingPolicy;

/**
 * The directory settings of a company: the role SCIM-provisioned colleagues get when the
 * identity provider states none, and the matching policy for userNames of app-managed
 * colleagues.
 */
@Service
public class CompanySettings {

	private static final Logger logger = LoggerFactory.getLogger(CompanySettings.class);

	private final CompanyStore companies;

	CompanySettings(CompanyStore companies) {
		this.companies = companies;
	}

	/**
	 * Changes the settings; a {@code null} keeps the current value. The change is logged
	 * with its actor, since it changes how later provisioning behaves.
	 * @throws DirectoryException {@code INVALID_VALUE} for an unknown role or policy
	 */
	@Transactional
	public Company change(Actor actor, Company company, @Nullable String defaultRole, @Nullable String matchingPolicy) {
		String role = (defaultRole != null) ? Role.require(defaultRole, "defaultRole").code() : company.defaultRole();
		MatchingPolicy policy = (matchingPolicy != null)
				? MatchingPolicy.parse(matchingPolicy)
					.orElseThrow(() -> new DirectoryException(DirectoryException.Reason.INVALID_VALUE, "matchingPolicy",
							"'matchingPolicy' has the unknown value '" + matchingPolicy + "'; use auto or never"))
				: MatchingPolicy.parse(company.matchingPolicy()).orElse(MatchingPolicy.AUTO);
		this.companies.changeSettings(company.id(), role, policy);
		logger.info("Company {} settings changed by {} {}: defaultRole={}, matchingPolicy={}", company.id(),
				actor.type().code(), actor.id(), role, policy.code());
		return new Company(company.id(), company.name(), company.plan(), role, policy.code(), company.createdAt());
	}

}
