package io.roster.system;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import io.roster.support.RosterServer;
import io.roster.support.ScimHttp;
import io.roster.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security headers on every kind of response: SCIM success and errors (also those written
 * by filters before any handler runs), actuator endpoints and the container's own error
 * responses.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class SecurityHeadersTests {

	private static final Map<String, String> EXPECTED = Map.of("X-Content-Type-Options", "nosniff", "X-Frame-Options",
			"DENY", "Cache-Control", "no-store", "Referrer-Policy", "no-referrer", "Content-Security-Policy",
			"default-src 'none'; frame-ancestors 'none'");

	@Parameter
	TestDatabase database;

	@Test
	void everyResponseCarriesSecurityHeaders() {
		try (RosterServer server = RosterServer.start(this.database, Map.of("roster.scim.max-body-bytes", "100"))) {
			ScimHttp scim = new ScimHttp(server.scimUrl(), server.demoToken());
			ScimHttp anonymousScim = new ScimHttp(server.scimUrl(), null);
			ScimHttp root = new ScimHttp(server.baseUrl(), null);
			List<ScimHttp.Response> responses = List.of(scim.get("/Users"), scim.get("/ServiceProviderConfig"),
					anonymousScim.get("/Users"), scim.get("/Users/no-such-user"), scim.get("/NoSuchEndpoint"),
					scim.post("/Users", "{\"userName\":\"" + "x".repeat(200) + "\"}"), root.get("/actuator/health"),
					root.get("/actuator/prometheus"), root.get("/no-such-page"));

			assertThat(responses).extracting(ScimHttp.Response::status)
				.containsExactly(200, 200, 401, 404, 404, 413, 200, 200, 404);
			for (ScimHttp.Response response : responses) {
				EXPECTED.forEach((name, value) -> assertThat(response.header(name))
					.as("%s of %s", name, response.http().request().uri())
					.isEqualTo(value));
				assertThat(response.header("Strict-Transport-Security")).as("HSTS over plain HTTP").isNull();
			}
		}
	}

}
