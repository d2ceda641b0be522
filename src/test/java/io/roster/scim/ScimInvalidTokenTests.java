package io.roster.scim;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import io.roster.support.RosterServer;
import io.roster.support.ScimHttp;
import io.roster.support.TestDatabase;
import io.roster.tenant.Plan;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Repeated invalid tokens from one address: after the configured number, that address
 * gets 429 for any token Roster has not seen recently, while a token in use keeps
 * working.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ScimInvalidTokenTests {

	@Parameter
	TestDatabase database;

	@Test
	void addressSendingInvalidTokensIsSlowedDown() {
		try (RosterServer server = RosterServer.start(this.database,
				Map.of("roster.scim.auth-failures.max-per-address", "3", "roster.scim.auth-failures.window", "1m"))) {
			ScimHttp inUse = new ScimHttp(server.scimUrl(), server.demoToken());
			assertThat(inUse.get("/Users?count=0").status()).isEqualTo(200);
			String notYetUsed = server.tokenOfNewCompany("Second", Plan.ENTERPRISE);
			ScimHttp guessing = new ScimHttp(server.scimUrl(), "rst_guessedTokenThatRosterNeverIssued");
			for (int i = 0; i < 3; i++) {
				assertThat(guessing.get("/Users").status()).as("invalid token %d", i + 1).isEqualTo(401);
			}

			ScimHttp.Response throttled = guessing.get("/Users");

			assertThat(throttled.status()).isEqualTo(429);
			assertThat(Integer.parseInt(throttled.header("Retry-After"))).isBetween(1, 60);
			assertThat(throttled.json().path("detail").asString()).contains("invalid token");
			assertThat(inUse.get("/Users?count=0").status()).as("a token in use").isEqualTo(200);
			assertThat(new ScimHttp(server.scimUrl(), notYetUsed).get("/Users?count=0").status())
				.as("a valid token not seen before, from the throttled address")
				.isEqualTo(429);
		}
	}

}
