package io.roster.tenant;

import java.io.IOException;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import io.roster.system.RosterProperties;

/**
 * Creates the operator {@code support@roster.example} when the demo is enabled and no
 * operator exists yet, so that a fresh install can use the support console at once. The
 * password goes to {@code <data dir>/demo-operator-password}, readable by its owner only,
 * and never to the log.
 */
@Component
class DemoOperator implements ApplicationRunner {

	static final String PASSWORD_FILE = "demo-operator-password";

	static final String EMAIL = "support@roster.example";

	private static final Logger logger = LoggerFactory.getLogger(DemoOperator.class);

	private final RosterProperties properties;

	private final OperatorAccounts operators;

	DemoOperator(RosterProperties properties, OperatorAccounts operators) {
		this.properties = properties;
		this.operators = operators;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (!this.properties.demo().enabled() || this.operators.count() > 0) {
			return;
		}
		String password;
		try {
			password = this.operators.create(EMAIL);
		}
		catch (DuplicateKeyException ex) {
			// Another instance on the same database created it first.
			return;
		}
		Path file = OwnerOnlyFiles.write(this.properties.dataDir().resolve(PASSWORD_FILE), password);
		logger.info("Created the operator {} for the support console; password in {}", EMAIL,
				file.toAbsolutePath().normalize());
	}

}
