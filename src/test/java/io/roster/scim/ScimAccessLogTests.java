package io.roster.scim;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.roster.support.RosterServer;
import io.roster.support.ScimHttp;
import io.roster.support.TestDatabase;
import io.roster.tenant.ScimTokens;

import static io.roster.scim.ScimFixtures.createUser;
import static io.roster.scim.ScimFixtures.userBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The access log of the SCIM endpoint (logger {@code io.roster.scim.access}), read from
 * the console output of a server in this JVM: one INFO line per request with company,
 * method, path template, status, duration and request id, and never a token, a body or a
 * query string. The server logs {@code io.roster.scim} at DEBUG, so that client text in
 * the detail of rejected requests reaches the log too and must not break lines.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
@ExtendWith(OutputCaptureExtension.class)
class ScimAccessLogTests {

	private static final String ACCESS_LOGGER = "io.roster.scim.access";

	private static RosterServer server;

	private static ScimHttp scim;

	private static String companyId;

	@Parameter
	TestDatabase database;

	@BeforeParameterizedClassInvocation
	static void startServer(TestDatabase database) {
		server = RosterServer.start(database, Map.of("logging.level.io.roster.scim", "DEBUG"));
		scim = new ScimHttp(server.scimUrl(), server.demoToken());
		companyId = server.bean(ScimTokens.class)
			.authenticate(server.demoToken())
			.orElseThrow()
			.company()
			.id()
			.toString();
	}

	@AfterParameterizedClassInvocation
	static void stopServer() {
		server.close();
	}

	@Test
	void requestWritesOneAccessLine(CapturedOutput output) {
		String id = createUser(scim, "logged.user@example.com").path("id").asString();

		ScimHttp.Response response = scim.get("/Users/" + id);

		List<String> lines = accessLines(output, response);
		assertThat(lines).hasSize(1);
		String line = lines.get(0);
		assertThat(line).contains(" INFO ");
		assertThat(line).contains(" " + ACCESS_LOGGER + " ");
		assertThat(line).contains("company=" + companyId + " ");
		assertThat(line).contains(" method=GET ");
		assertThat(line).contains(" path=/scim/v2/Users/{id} ");
		assertThat(line).contains(" status=200 ");
		assertThat(line).containsPattern(" duration_ms=\\d+ ");
		assertThat(line).doesNotContain(id);
	}

	@Test
	void rejectedRequestWritesAccessLineWithoutToken(CapturedOutput output) {
		String token = "rst_" + UUID.randomUUID();

		ScimHttp.Response response = scim.post("/Users", userBody("rejected.logged@example.com"), "Authorization",
				"Bearer " + token);

		assertThat(response.status()).isEqualTo(401);
		List<String> lines = accessLines(output, response);
		assertThat(lines).hasSize(1);
		assertThat(lines.get(0)).contains("company=- ");
		assertThat(lines.get(0)).contains(" method=POST ");
		assertThat(lines.get(0)).contains(" path=/scim/v2/Users ");
		assertThat(lines.get(0)).contains(" status=401 ");
		assertThat(output.getAll()).doesNotContain(token);
	}

	@Test
	void createLogsNeitherTokenNorBody(CapturedOutput output) {
		String marker = marker();
		String body = """
				{"schemas": ["%s"], "userName": "%s@example.com", "title": "%s"}""".formatted(ScimFixtures.USER_SCHEMA,
				marker, marker + "Title");

		ScimHttp.Response response = scim.post("/Users", body);

		assertThat(response.status()).isEqualTo(201);
		assertThat(accessLines(output, response)).hasSize(1);
		assertThat(output.getAll()).doesNotContain(server.demoToken());
		assertThat(output.getAll()).doesNotContain("Bearer");
		assertThat(output.getAll()).doesNotContain(marker);
	}

	@Test
	void listLogsPathWithoutQueryString(CapturedOutput output) {
		String marker = marker();

		ScimHttp.Response response = scim
			.get("/Users?filter=" + URLEncoder.encode("title eq \"" + marker + "\"", StandardCharsets.UTF_8));

		assertThat(response.status()).isEqualTo(200);
		List<String> lines = accessLines(output, response);
		assertThat(lines).hasSize(1);
		assertThat(lines.get(0)).contains(" path=/scim/v2/Users ");
		assertThat(output.getAll()).doesNotContain(marker);
		assertThat(output.getAll()).doesNotContain("filter=");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/Users", "/Bulk" })
	void userNameWithLineBreaksNeverSplitsLogLine(String endpoint, CapturedOutput output) {
		String forged = "FORGED company=" + UUID.randomUUID().toString().substring(0, 8) + " method=DELETE";
		String userName = "mallory." + endpoint.substring(1) + "\\r\\n" + forged + "\\n" + forged + "\\u2028" + forged
				+ "\\u0085" + forged;
		String user = """
				{"schemas": ["%s"], "userName": "%s"}""".formatted(ScimFixtures.USER_SCHEMA, userName);
		String body = endpoint.equals("/Users") ? user : """
				{"schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],
				 "Operations": [{"method": "POST", "path": "/Users", "bulkId": "hostile", "data": %s}]}"""
			.formatted(user);
		assertThat(scim.post("/Users", user).status()).isEqualTo(201);

		ScimHttp.Response duplicate = scim.post(endpoint, body);

		assertThat(duplicate.body()).contains("409");
		assertThat(accessLines(output, duplicate)).hasSize(1);
		String[] lines = output.getAll().split("\\R");
		assertThat(Arrays.stream(lines).filter((line) -> line.startsWith("FORGED"))).isEmpty();
		assertThat(Arrays.stream(lines).filter((line) -> line.contains(forged)))
			.allMatch((line) -> line.contains("mallory"));
	}

	/**
	 * Returns the access lines of a request, found by the request id that the response
	 * carries. The server can send the response before it writes the line, so this waits
	 * for the line.
	 */
	private static List<String> accessLines(CapturedOutput output, ScimHttp.Response response) {
		String requestId = response.header("X-Request-Id");
		assertThat(requestId).as("X-Request-Id").isNotBlank();
		await().atMost(Duration.ofSeconds(10)).until(() -> !linesWith(output, requestId).isEmpty());
		return linesWith(output, requestId);
	}

	/** Returns text that appears nowhere unless a request carried it into the log. */
	private static String marker() {
		return "Marker" + UUID.randomUUID().toString().replace("-", "");
	}

	private static List<String> linesWith(CapturedOutput output, String requestId) {
		return output.getAll()
			.lines()
			.filter((line) -> line.contains(" " + ACCESS_LOGGER + " "))
			.filter((line) -> line.endsWith("request_id=" + requestId))
			.toList();
	}

}
