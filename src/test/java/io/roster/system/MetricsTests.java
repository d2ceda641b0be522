package io.roster.system;

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
 * The Prometheus endpoint: every request is timed by method, route and status, and Spring
 * Security's per-filter observations are off.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class MetricsTests {

	@Parameter
	TestDatabase database;

	@Test
	void requestsAreTimedWithoutSecurityObservations() {
		try (RosterServer server = RosterServer.start(this.database, Map.of())) {
			ScimHttp scim = new ScimHttp(server.scimUrl(), server.demoToken());
			assertThat(scim.get("/Users").status()).isEqualTo(200);
			assertThat(new ScimHttp(server.scimUrl(), null).get("/Users").status()).isEqualTo(401);

			String metrics = new ScimHttp(server.baseUrl(), null).get("/actuator/prometheus").body();

			assertThat(metrics).containsPattern(
					"http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*" + "uri=\"/scim/v2/Users\"[^}]*} 1");
			assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"401\"");
			assertThat(metrics).doesNotContain("spring_security_");
		}
	}

}
