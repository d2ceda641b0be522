package io.roster.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.roster.support.ApiHttp;
import io.roster.support.RosterServer;
import io.roster.support.ScimHttp;
import io.roster.support.TestDatabase;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in to the product API, the demo admin, the OpenAPI document, and that Spring
 * Security leaves SCIM and health alone.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
@ExtendWith(OutputCaptureExtension.class)
class ApiSecurityTests {

	private static RosterServer server;

	@Parameter
	TestDatabase database;

	@BeforeParameterizedClassInvocation
	static void start(TestDatabase database) {
		server = RosterServer.start(database);
	}

	@AfterParameterizedClassInvocation
	static void stop() {
		server.close();
	}

	@Test
	void apiWithoutSignInIsUnauthorizedProblem() {
		ApiHttp anonymous = new ApiHttp(server.baseUrl(), null, null);
		ApiHttp wrongPassword = new ApiHttp(server.baseUrl(), "admin@demo.example", "wrong");
		ApiHttp unknownAdmin = new ApiHttp(server.baseUrl(), "nobody@demo.example", "wrong");

		for (ApiHttp api : List.of(anonymous, wrongPassword, unknownAdmin)) {
			ApiHttp.Response response = api.get("colleagues");

			assertThat(response.status()).isEqualTo(401);
			assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
			assertThat(response.json().get("status").asInt()).isEqualTo(401);
			assertThat(response.json().get("detail").asString()).contains("HTTP Basic");
		}
	}

	@Test
	void demoAdminSignsInWithPasswordFromOwnerOnlyFile() throws Exception {
		Path file = server.dataDir().resolve("demo-admin-password");
		ApiHttp demo = new ApiHttp(server.baseUrl(), "Admin@Demo.example", server.demoAdminPassword());

		ApiHttp.Response settings = demo.get("settings");

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(settings.status()).isEqualTo(200);
		assertThat(settings.json().get("company").asString()).isEqualTo("Demo");
		assertThat(settings.json().get("defaultRole").asString()).isEqualTo("light");
		assertThat(settings.json().get("matchingPolicy").asString()).isEqualTo("auto");
	}

	@Test
	void demoAdminPasswordIsNeverLogged(CapturedOutput output) {
		try (RosterServer fresh = RosterServer.start(this.database)) {
			assertThat(output.getAll()).contains("admin@demo.example")
				.contains(fresh.dataDir().resolve("demo-admin-password").toAbsolutePath().normalize().toString())
				.doesNotContain(fresh.demoAdminPassword());
		}
	}

	@Test
	void scimWritesPassWithoutCsrfTokenOrSession() {
		ScimHttp scim = new ScimHttp(server.scimUrl(), server.demoToken());

		ScimHttp.Response post = scim.post("/Users", "{\"userName\": \"csrf@x.test\"}");
		String id = post.json().get("id").asString();
		ScimHttp.Response put = scim.put("/Users/" + id, "{\"userName\": \"csrf@x.test\", \"title\": \"T\"}");
		ScimHttp.Response patch = scim.patch("/Users/" + id,
				"{\"Operations\": [{\"op\": \"replace\", \"path\": \"title\", \"value\": \"U\"}]}");
		ScimHttp.Response delete = scim.delete("/Users/" + id);

		assertThat(post.status()).isEqualTo(201);
		assertThat(put.status()).isEqualTo(200);
		assertThat(patch.status()).isEqualTo(200);
		assertThat(delete.status()).isEqualTo(204);
		assertThat(post.header("Set-Cookie")).isNull();
	}

	@Test
	void scimWithoutTokenKeepsScimErrorBody() {
		ScimHttp.Response response = new ScimHttp(server.scimUrl(), null).post("/Users",
				"{\"userName\": \"x@x.test\"}");

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(response.header("Content-Type")).startsWith("application/scim+json");
		assertThat(response.json().get("schemas").get(0).asString())
			.isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
	}

	@Test
	void healthIsPublicAndApiIsNot() {
		ApiHttp anonymous = new ApiHttp(server.baseUrl(), null, null);

		assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
		assertThat(anonymous.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
		assertThat(anonymous.get("/anything").status()).isEqualTo(404);
		// A path that dodges into the API through /scim is rejected by the firewall or
		// the sign-in, never served.
		assertThat(anonymous.get("/scim/../api/v1/colleagues").status()).isIn(400, 401);
		assertThat(anonymous.get("/scim/v2/../../api/v1/colleagues").status()).isIn(400, 401);
	}

	@Test
	void unknownApiPathIsNotFoundProblem() {
		ApiHttp demo = new ApiHttp(server.baseUrl(), "admin@demo.example", server.demoAdminPassword());

		ApiHttp.Response response = demo.get("nothing-here");
		ApiHttp.Response badId = demo.get("colleagues/not-a-uuid");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(badId.status()).isEqualTo(404);
		assertThat(badId.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void openApiDocumentListsEveryProductEndpoint() {
		ApiHttp.Response response = new ApiHttp(server.baseUrl(), null, null).get("/v3/api-docs");
		JsonNode document = response.json();

		List<String> operations = new ArrayList<>();
		document.get("paths")
			.properties()
			.forEach((path) -> path.getValue()
				.propertyNames()
				.forEach((method) -> operations.add(method.toUpperCase() + " " + path.getKey())));
		assertThat(response.status()).isEqualTo(200);
		assertThat(document.get("openapi").asString()).startsWith("3.");
		assertThat(document.get("info").get("title").asString()).isEqualTo("Roster product API");
		assertThat(document.get("components").get("securitySchemes").get("basic").get("scheme").asString())
			.isEqualTo("basic");
		assertThat(operations).containsExactlyInAnyOrder("GET /api/v1/colleagues", "POST /api/v1/colleagues",
				"GET /api/v1/colleagues/{id}", "PATCH /api/v1/colleagues/{id}",
				"POST /api/v1/colleagues/{id}/deactivate", "POST /api/v1/colleagues/{id}/reactivate",
				"GET /api/v1/colleagues/{id}/history", "GET /api/v1/teams", "POST /api/v1/teams",
				"GET /api/v1/teams/{id}", "PATCH /api/v1/teams/{id}", "PATCH /api/v1/teams/{id}/members",
				"POST /api/v1/teams/{id}/archive", "GET /api/v1/teams/{id}/history", "GET /api/v1/activity",
				"GET /api/v1/activity/export", "GET /api/v1/settings", "PATCH /api/v1/settings",
				"GET /api/v1/scim-connections", "POST /api/v1/scim-connections/{id}/disable",
				"POST /api/v1/scim-connections/{id}/enable");
	}

}
