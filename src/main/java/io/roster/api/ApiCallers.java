package io.roster.api;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import io.roster.tenant.Company;
import io.roster.tenant.CompanyStore;
import io.roster.tenant.ScimConnections;

/**
 * Resolves the signed-in admin of the current request to an {@link ApiCaller}.
 */
@Component
class ApiCallers {

	private final CompanyStore companies;

	private final ScimConnections connections;

	ApiCallers(CompanyStore companies, ScimConnections connections) {
		this.companies = companies;
		this.connections = connections;
	}

	ApiCaller current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof AdminPrincipal admin)) {
			throw new IllegalStateException("The product API was reached without a signed-in admin");
		}
		Company company = this.companies.find(admin.account().companyId())
			.orElseThrow(() -> new IllegalStateException("The admin's company no longer exists"));
		return ApiCaller.of(admin, company, this.connections.list(company.id()));
	}

}
