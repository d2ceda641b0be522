package io.roster.setup;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.roster.directory.AppColleagues;
import io.roster.system.RosterProperties;
import io.roster.tenant.Actor;
import io.roster.tenant.Company;
import io.roster.tenant.CompanyStore;
import io.roster.tenant.Plan;

/**
 * Creates the company "Demo Setup" beside "Demo" on the first start of the demo: on the
 * enterprise plan, with three app-managed colleagues and no SCIM connection, so that an
 * operator can try the whole SCIM setup. It runs after the runner that creates "Demo",
 * and only while "Demo" is the one company.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class DemoSetupCompany implements ApplicationRunner {

	static final String NAME = "Demo Setup";

	private static final List<Map<String, @Nullable String>> COLLEAGUES = List.of(
			Map.of("email", "grace@demo-setup.example", "givenName", "Grace", "familyName", "Hopper", "title",
					"Engineering Manager"),
			Map.of("email", "alan@demo-setup.example", "givenName", "Alan", "familyName", "Turing", "title",
					"Researcher"),
			Map.of("email", "hedy@demo-setup.example", "givenName", "Hedy", "familyName", "Lamarr", "title",
					"Inventor"));

	private static final Logger logger = LoggerFactory.getLogger(DemoSetupCompany.class);

	private final RosterProperties properties;

	private final CompanyStore companies;

	private final AppColleagues colleagues;

	private final TransactionTemplate transaction;

	DemoSetupCompany(RosterProperties properties, CompanyStore companies, AppColleagues colleagues,
			TransactionTemplate transaction) {
		this.properties = properties;
		this.companies = companies;
		this.colleagues = colleagues;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.properties.demo().enabled() || this.companies.count() != 1
				|| !this.companies.search("Demo", 0, 2)
					.stream()
					.allMatch((found) -> found.company().name().equals("Demo"))) {
			return;
		}
		this.transaction.executeWithoutResult((status) -> {
			Company company = this.companies.create(NAME, Plan.ENTERPRISE);
			for (Map<String, @Nullable String> fields : COLLEAGUES) {
				this.colleagues.create(Actor.SYSTEM, company, fields);
			}
		});
		logger.info("Created the company {} on the enterprise plan without a SCIM connection, for trying the SCIM"
				+ " setup from the support console", NAME);
	}

}
