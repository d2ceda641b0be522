package io.roster.tenant;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.roster.support.RosterServer;
import io.roster.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SCIM tokens: random, stored only as hashes, bound to one company, and never logged.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
@ExtendWith(OutputCaptureExtension.class)
class ScimTokensTests {

	@Parameter
	TestDatabase database;

	private static RosterServer server;

	@AfterParameterizedClassInvocation
	static void stop() {
		if (server != null) {
			server.close();
			server = null;
		}
	}

	@Test
	void issuedTokenCarries256RandomBitsAndIsStoredOnlyAsHash(CapturedOutput output) {
		RosterServer roster = server();
		ScimTokens tokens = roster.bean(ScimTokens.class);
		Company company = roster.bean(CompanyStore.class).create("Acme", Plan.ENTERPRISE);

		String token = tokens.issue(company.id(), "Okta");

		assertThat(token).startsWith(ScimTokens.PREFIX);
		assertThat(Base64.getUrlDecoder().decode(token.substring(ScimTokens.PREFIX.length()))).hasSize(32);
		List<String> stored = roster.bean(JdbcClient.class)
			.sql("SELECT token_hash FROM scim_token WHERE company_id = ?")
			.param(company.id())
			.query(String.class)
			.list();
		assertThat(stored).containsExactly(ScimTokens.hash(token));
		assertThat(output.getAll()).doesNotContain(token);
	}

	@Test
	void authenticateReturnsTheTokensCompanyOnly() {
		RosterServer roster = server();
		ScimTokens tokens = roster.bean(ScimTokens.class);
		Company first = roster.bean(CompanyStore.class).create("First", Plan.ENTERPRISE);
		Company second = roster.bean(CompanyStore.class).create("Second", Plan.ENTERPRISE);
		String firstToken = tokens.issue(first.id(), "first");
		String secondToken = tokens.issue(second.id(), "second");

		assertThat(tokens.authenticate(firstToken)).map(ScimAccess::company).map(Company::id).contains(first.id());
		assertThat(tokens.authenticate(secondToken)).map(ScimAccess::company).map(Company::id).contains(second.id());
		assertThat(tokens.authenticate(firstToken.substring(0, firstToken.length() - 1) + "x")).isEmpty();
		assertThat(tokens.authenticate("")).isEmpty();
	}

	@Test
	void demoTokenFileIsOwnerOnlyAndTokenNeverLogged(CapturedOutput output) throws Exception {
		try (RosterServer fresh = RosterServer.start(this.database)) {
			var file = fresh.dataDir().resolve("demo-scim-token");

			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
			assertThat(fresh.bean(ScimTokens.class).authenticate(fresh.demoToken())).map(ScimAccess::company)
				.map(Company::name)
				.contains("Demo");
			assertThat(output.getAll()).contains(file.toAbsolutePath().normalize().toString())
				.contains("/scim/v2")
				.doesNotContain(fresh.demoToken());
		}
	}

	@Test
	void demoCompanyIsNotCreatedWhenDisabled() {
		try (RosterServer fresh = RosterServer.start(this.database, java.util.Map.of("roster.demo.enabled", "false"))) {
			assertThat(Files.exists(fresh.dataDir().resolve("demo-scim-token"))).isFalse();
			assertThat(fresh.bean(CompanyStore.class).count()).isZero();
		}
	}

	private RosterServer server() {
		if (server == null) {
			server = RosterServer.start(this.database);
		}
		return server;
	}

}
