package io.roster.tenant;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

import io.roster.system.RosterProperties;

/**
 * Creates the company "Demo" on the enterprise plan with a SCIM token on the first start
 * on an empty database, so that a fresh install can be provisioned at once. The token
 * goes to {@code <data dir>/demo-scim-token}, readable by its owner only, and never to
 * the log.
 */
@Component
class DemoCompany implements ApplicationRunner {

	static final String TOKEN_FILE = "demo-scim-token";

	private static final Logger logger = LoggerFactory.getLogger(DemoCompany.class);

	private final RosterProperties properties;

	private final CompanyStore companies;

	private final ScimTokens tokens;

	private final TransactionTemplate transaction;

	private final Environment environment;

	DemoCompany(RosterProperties properties, CompanyStore companies, ScimTokens tokens, TransactionTemplate transaction,
			Environment environment) {
		this.properties = properties;
		this.companies = companies;
		this.tokens = tokens;
		this.transaction = transaction;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (!this.properties.demo().enabled() || this.companies.count() > 0) {
			return;
		}
		String token = this.transaction.execute((status) -> {
			Company demo = this.companies.create("Demo", Plan.ENTERPRISE);
			return this.tokens.issue(demo.id(), "Demo token");
		});
		Path file = writeOwnerOnly(this.properties.dataDir().resolve(TOKEN_FILE), token);
		logger.info("Created the company Demo; SCIM base URL {}, bearer token in {}", scimBaseUrl(),
				file.toAbsolutePath().normalize());
	}

	private String scimBaseUrl() {
		String base = this.properties.publicBaseUrl();
		if (!StringUtils.hasText(base)) {
			base = "http://localhost:" + this.environment.getProperty("local.server.port", "8080");
		}
		return base.replaceAll("/+$", "") + "/scim/v2";
	}

	private static Path writeOwnerOnly(Path file, String content) throws IOException {
		Files.createDirectories(file.getParent());
		Files.deleteIfExists(file);
		Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.writeString(file, content + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
		return file;
	}

}
