package io.roster.scim;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.roster.support.RosterServer;
import io.roster.support.ScimHttp;
import io.roster.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What reaches the log, with DEBUG on: text from requests never starts a log line of its
 * own, and tokens and passwords appear in no log line, error body or metric.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
@ExtendWith(OutputCaptureExtension.class)
class ScimLoggingTests {

	/** What a forged entry would start with, were a line break to reach the log. */
	private static final String FORGED = "2030-01-01T00:00:00.000Z  INFO forged";

	private static final Pattern LOG_LINE_START = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T");

	private static final String PASSWORD = "Hunter2-Secret-Passw0rd";

	@Parameter
	TestDatabase database;

	@Test
	void hostileTextStaysOnOneLogLine(CapturedOutput output) {
		try (RosterServer server = RosterServer.start(this.database, Map.of("logging.level.io.roster", "DEBUG"))) {
			ScimHttp scim = new ScimHttp(server.scimUrl(), server.demoToken());
			String hostile = "evil\\n" + FORGED + "\\r\\n" + FORGED + "\\u2028" + FORGED;
			String user = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + hostile
					+ "\"}";

			assertThat(scim.post("/Users", user).status()).isEqualTo(201);
			assertThat(scim.post("/Users", user).status()).as("the same userName again").isEqualTo(409);
			assertThat(scim.post("/Groups", "{\"displayName\":\"" + hostile + "\"}").status()).isEqualTo(201);
			assertThat(scim.post("/Groups", "{\"displayName\":\"" + hostile + "\"}").status()).isEqualTo(409);
			assertThat(scim
				.post("/Users",
						"{\"userName\":\"" + hostile + "-long\",\"title\":\"" + "t".repeat(300) + hostile + "\"}")
				.status()).as("a title longer than its column").isEqualTo(400);
			assertThat(scim.get("/Users/x%0A" + FORGED.replace(" ", "%20")).status()).isEqualTo(404);
			assertThat(new ScimHttp(server.scimUrl(), null).get("/x%0D%0A" + FORGED.replace(" ", "%20")).status())
				.isEqualTo(401);

			List<String> lines = output.getAll().lines().filter((line) -> line.contains("forged")).toList();
			assertThat(lines).as("log lines quoting the hostile text").isNotEmpty();
			assertThat(lines).allSatisfy(
					(line) -> assertThat(line).matches(LOG_LINE_START.asPredicate()::test).doesNotStartWith(FORGED));
		}
	}

	@Test
	void secretsStayOutOfLogsAndMetrics(CapturedOutput output) {
		try (RosterServer server = RosterServer.start(this.database, Map.of("logging.level.io.roster", "DEBUG"))) {
			String token = server.demoToken();
			String wrongToken = "rst_" + "W".repeat(43);
			ScimHttp scim = new ScimHttp(server.scimUrl(), token);
			ScimHttp.Response created = scim.post("/Users",
					"{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"p@example.com\","
							+ "\"password\":\"" + PASSWORD + "\"}");
			String id = created.json().path("id").asString();
			ScimHttp.Response patched = scim.patch("/Users/" + id,
					"{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
							+ "\"Operations\":[{\"op\":\"replace\",\"path\":\"password\",\"value\":\"" + PASSWORD
							+ "\"}]}");
			ScimHttp.Response malformed = scim.put("/Users/" + id,
					"{\"userName\":\"p@example.com\",\"password\":" + PASSWORD + "}");
			ScimHttp.Response rejected = new ScimHttp(server.scimUrl(), wrongToken).get("/Users");
			ScimHttp.Response inPath = scim.get("/Users/" + token);
			String metrics = new ScimHttp(server.baseUrl(), null).get("/actuator/prometheus").body();

			assertThat(created.status()).isEqualTo(201);
			assertThat(patched.status()).isEqualTo(200);
			assertThat(malformed.status()).isEqualTo(400);
			assertThat(rejected.status()).isEqualTo(401);
			assertThat(inPath.status()).isEqualTo(404);
			for (String secret : List.of(token, wrongToken, PASSWORD)) {
				assertThat(output.getAll()).as("log").doesNotContain(secret);
				assertThat(metrics).as("metrics").doesNotContain(secret);
				assertThat(List.of(created.body(), patched.body(), malformed.body(), rejected.body()))
					.as("response bodies")
					.noneMatch((body) -> body.contains(secret));
			}
		}
	}

}
