package io.roster.tenant;

import java.io.IOException;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

import io.roster.system.RosterProperties;

/**
 * Creates the company "Demo" on the enterprise plan, with a live SCIM connection, a SCIM
 * token and the company admin {@code admin@demo.example}, on the first start on an empty
 * database, so that a fresh install can be provisioned and its product API used at once.
 * The token goes to {@code <data dir>/demo-scim-token} and the admin's password to
 * {@code <data dir>/demo-admin-password}, both readable by their owner only, and neither
 * to the log. It runs before the other runners of the demo, which build on "Demo".
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class DemoCompany implements ApplicationRunner {

	static final String TOKEN_FILE = "demo-scim-token";

	static final String ADMIN_PASSWORD_FILE = "demo-admin-password";

	static final String ADMIN_EMAIL = "admin@demo.example";

	private static final Logger logger = LoggerFactory.getLogger(DemoCompany.class);

	private final RosterProperties properties;

	private final CompanyStore companies;

	private final ScimTokens tokens;

	private final ScimConnections connections;

	private final AdminAccounts admins;

	private final TransactionTemplate transaction;

	private final Environment environment;

	DemoCompany(RosterProperties properties, CompanyStore companies, ScimTokens tokens, ScimConnections connections,
			AdminAccounts admins, TransactionTemplate transaction, Environment environment) {
		this.properties = properties;
		this.companies = companies;
		this.tokens = tokens;
		this.connections = connections;
		this.admins = admins;
		this.transaction = transaction;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (!this.properties.demo().enabled() || this.companies.count() > 0) {
			return;
		}
		String[] secrets = this.transaction.execute((status) -> {
			Company demo = this.companies.create("Demo", Plan.ENTERPRISE);
			ScimConnection connection = this.connections.open(demo.id(), IdentityProvider.OTHER, ConnectionState.LIVE);
			return new String[] { this.tokens.issue(connection, "Demo token"),
					this.admins.create(demo.id(), ADMIN_EMAIL) };
		});
		Path tokenFile = OwnerOnlyFiles.write(this.properties.dataDir().resolve(TOKEN_FILE), secrets[0]);
		Path passwordFile = OwnerOnlyFiles.write(this.properties.dataDir().resolve(ADMIN_PASSWORD_FILE), secrets[1]);
		logger.info("Created the company Demo; SCIM base URL {}, bearer token in {}", scimBaseUrl(),
				tokenFile.toAbsolutePath().normalize());
		logger.info("Created the admin {} of Demo for the console and the product API; password in {}", ADMIN_EMAIL,
				passwordFile.toAbsolutePath().normalize());
	}

	private String scimBaseUrl() {
		String base = this.properties.publicBaseUrl();
		if (!StringUtils.hasText(base)) {
			base = "http://localhost:" + this.environment.getProperty("local.server.port", "8080");
		}
		return base.replaceAll("/+$", "") + "/scim/v2";
	}

}
