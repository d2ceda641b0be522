package io.roster.directory;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

	private final CompanyStore companies;

	CompanySettings(CompanyStore companies) {
		this.companies = companies;
	}

	/**
	 * Changes the settings; a {@code null} keeps the current value.
	 * @throws DirectoryException {@code INVALID_VALUE} for an unknown role or policy
	 */
	@Transactional
	public Company change(Company company, @Nullable String defaultRole, @Nullable String matchingPolicy) {
		String role = (defaultRole != null) ? Role.require(defaultRole, "defaultRole").code() : company.defaultRole();
		MatchingPolicy policy = (matchingPolicy != null)
				? MatchingPolicy.parse(matchingPolicy)
					.orElseThrow(() -> new DirectoryException(DirectoryException.Reason.INVALID_VALUE, "matchingPolicy",
							"'matchingPolicy' has the unknown value '" + matchingPolicy + "'; use auto or never"))
				: MatchingPolicy.parse(company.matchingPolicy()).orElse(MatchingPolicy.AUTO);
		this.companies.changeSettings(company.id(), role, policy);
		return new Company(company.id(), company.name(), company.plan(), role, policy.code(), company.createdAt());
	}

}
