package io.roster.scim;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import io.roster.support.RosterServer;
import io.roster.support.ScimHttp;
import io.roster.support.TestDatabase;
import io.roster.tenant.Company;
import io.roster.tenant.CompanyStore;
import io.roster.tenant.Plan;
import io.roster.tenant.ScimTokens;

import static io.roster.scim.ScimAssertions.assertScimError;
import static io.roster.scim.ScimFixtures.snapshot;
import static io.roster.scim.ScimFixtures.userBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that Roster rejects before it reads any resource: missing or unknown tokens, a
 * company without SCIM, unreadable bodies, unsupported media types and bodies over the
 * size limit. Each rejection is a SCIM error and changes nothing.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ScimRequestErrorTests {

	private static final int MAX_BODY_BYTES = 4096;

	private static RosterServer server;

	private static ScimHttp scim;

	@Parameter
	TestDatabase database;

	@BeforeParameterizedClassInvocation
	static void startServer(TestDatabase database) {
		server = RosterServer.start(database, Map.of("roster.scim.max-body-bytes", MAX_BODY_BYTES));
		scim = new ScimHttp(server.scimUrl(), server.demoToken());
	}

	@AfterParameterizedClassInvocation
	static void stopServer() {
		server.close();
	}

	@Test
	void requestWithoutTokenIsUnauthorized() {
		ScimFixtures.DirectorySnapshot before = snapshot(scim);

		ScimHttp.Response response = scim.post("/Users", userBody("no.token@example.com"), "Authorization", null);

		assertScimError(response, 401, null, "Authorization: Bearer");
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(snapshot(scim)).isEqualTo(before);
	}

	@Test
	void requestWithUnknownTokenIsUnauthorized() {
		ScimFixtures.DirectorySnapshot before = snapshot(scim);

		ScimHttp.Response response = scim.post("/Users", userBody("unknown.token@example.com"), "Authorization",
				"Bearer rst_" + UUID.randomUUID());

		assertScimError(response, 401, null, "bearer token is invalid");
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(snapshot(scim)).isEqualTo(before);
	}

	@Test
	void requestOfCompanyWithoutEnterprisePlanIsForbidden() {
		String token = server.tokenOfNewCompany("Business Company", Plan.BUSINESS);
		ScimHttp business = new ScimHttp(server.scimUrl(), token);

		ScimHttp.Response response = business.post("/Users", userBody("business.user@example.com"));

		assertScimError(response, 403, null, "SCIM provisioning needs the enterprise plan");
		Company company = server.bean(ScimTokens.class).authenticate(token).orElseThrow().company();
		server.bean(CompanyStore.class).changePlan(company.id(), Plan.ENTERPRISE);
		assertThat(business.get("/Users").json().path("totalResults").asLong()).isZero();
	}

	@Test
	void malformedJsonIsInvalidSyntax() {
		ScimFixtures.DirectorySnapshot before = snapshot(scim);

		ScimHttp.Response response = scim.post("/Users", "{\"userName\": \"malformed@example.com\",");

		assertScimError(response, 400, "invalidSyntax", "not valid JSON");
		assertThat(snapshot(scim)).isEqualTo(before);
	}

	@Test
	void bodyThatIsJsonArrayIsInvalidSyntax() {
		ScimFixtures.DirectorySnapshot before = snapshot(scim);

		ScimHttp.Response response = scim.post("/Users", "[" + userBody("array@example.com") + "]");

		assertScimError(response, 400, "invalidSyntax", "must be a JSON object");
		assertThat(snapshot(scim)).isEqualTo(before);
	}

	@Test
	void emptyBodyIsInvalidSyntax() {
		ScimFixtures.DirectorySnapshot before = snapshot(scim);

		ScimHttp.Response response = scim.post("/Users", "");

		assertScimError(response, 400, "invalidSyntax", "body is empty");
		assertThat(snapshot(scim)).isEqualTo(before);
	}

	@Test
	void xmlContentTypeIsUnsupportedMediaType() {
		ScimFixtures.DirectorySnapshot before = snapshot(scim);

		ScimHttp.Response response = scim.post("/Users", "<user><userName>xml@example.com</userName></user>",
				"Content-Type", "text/xml");

		assertScimError(response, 415, null, "text/xml");
		assertThat(snapshot(scim)).isEqualTo(before);
	}

	@Test
	void acceptWithoutJsonIsNotAcceptable() {
		ScimFixtures.DirectorySnapshot before = snapshot(scim);

		ScimHttp.Response response = scim.post("/Users", userBody("html@example.com"), "Accept", "text/html");

		assertScimError(response, 406, null, "Accept");
		assertThat(snapshot(scim)).isEqualTo(before);
	}

	@Test
	void bodyOverSizeLimitIsContentTooLarge() {
		ScimFixtures.DirectorySnapshot before = snapshot(scim);
		String padding = "x".repeat(MAX_BODY_BYTES);
		String body = """
				{"schemas": ["%s"], "userName": "large@example.com", "title": "%s"}"""
			.formatted(ScimFixtures.USER_SCHEMA, padding);

		ScimHttp.Response response = scim.post("/Users", body);

		assertScimError(response, 413, null, String.valueOf(MAX_BODY_BYTES));
		assertThat(snapshot(scim)).isEqualTo(before);
	}

}
