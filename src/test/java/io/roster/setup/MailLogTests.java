package io.roster.setup;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.roster.support.ConsoleHttp;
import io.roster.support.RosterServer;
import io.roster.support.TestDatabase;
import io.roster.system.Mailer;
import io.roster.tenant.Company;
import io.roster.tenant.CompanyStore;
import io.roster.tenant.ConnectionState;
import io.roster.tenant.IdentityProvider;
import io.roster.tenant.Plan;
import io.roster.tenant.ScimConnections;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mail in the default run, without an SMTP host: it goes to the log, and a configuration
 * link logged that way works.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
@ExtendWith(OutputCaptureExtension.class)
class MailLogTests {

	private static final Pattern LOGGED_LINK = Pattern.compile("\\| (http://\\S+/setup/link/rcl_[A-Za-z0-9_-]{43})");

	@Parameter
	TestDatabase database;

	@Test
	void loggedMailLinkOpensWizard(CapturedOutput output) {
		try (RosterServer server = RosterServer.start(this.database)) {
			assertThat(server.bean(Mailer.class).sendsMail()).isFalse();
			Company company = server.bean(CompanyStore.class).create("Logged Co", Plan.ENTERPRISE);
			server.bean(ScimConnections.class).open(company.id(), IdentityProvider.OTHER, ConnectionState.SETUP);
			String recipient = "it-" + UUID.randomUUID() + "@logged.test";

			server.bean(ConfigurationLinks.class)
				.send(company.id(), recipient, server.baseUrl(), "support@roster.example");

			assertThat(output.getAll()).contains("Mail to " + recipient
					+ " with subject \"Connect Logged Co to Roster with SCIM\" (no SMTP host is configured");
			Matcher link = LOGGED_LINK.matcher(output.getAll());
			assertThat(link.find()).as("a logged link").isTrue();
			ConsoleHttp browser = new ConsoleHttp(server.baseUrl());
			assertThat(browser.get(link.group(1)).statusCode()).isEqualTo(200);
			assertThat(browser.post(link.group(1)).statusCode()).isEqualTo(302);
			assertThat(browser.get("/setup/provider").statusCode()).isEqualTo(200);
		}
	}

}
