package io.roster.console;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import io.roster.support.ApiHttp;
import io.roster.support.ConsoleHttp;
import io.roster.support.RosterServer;
import io.roster.support.ScimHttp;
import io.roster.support.TestCompany;
import io.roster.support.TestDatabase;
import io.roster.tenant.IdentityProvider;
import io.roster.tenant.Plan;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's defences over plain HTTP: user-supplied text is escaped on every page, a
 * form post without its CSRF token is rejected and changes nothing, and an admin of one
 * company neither sees nor changes anything of another.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ConsoleSafetyTests {

	private static final String SCRIPT = "<script>alert(1)</script>";

	private static final String IMAGE = "\"><img src=x onerror=alert(2)>";

	private static RosterServer server;

	private static TestCompany acme;

	private static TestCompany globex;

	private static String globexUserId;

	private static String globexColleagueId;

	private static String globexTeamId;

	@Parameter
	TestDatabase database;

	@BeforeParameterizedClassInvocation
	static void start(TestDatabase database) {
		server = RosterServer.start(database);
		acme = server.newCompany("Acme", Plan.ENTERPRISE, IdentityProvider.OKTA);
		globex = server.newCompany("Globex", Plan.ENTERPRISE, IdentityProvider.ENTRA);
		ScimHttp.Response user = globex.scim().post("/Users", """
				{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "secret.user@globex.test",
				 "displayName": "Globex Secret", "active": true}""");
		assertThat(user.status()).isEqualTo(201);
		globexUserId = user.json().get("id").asString();
		globexColleagueId = globex.api()
			.get("colleagues?q=secret.user")
			.json()
			.get("items")
			.get(0)
			.get("id")
			.asString();
		ApiHttp.Response team = globex.api().post("teams", "{\"name\": \"Globex Board\"}");
		assertThat(team.status()).as(team.body()).isEqualTo(201);
		globexTeamId = team.json().get("id").asString();
	}

	@AfterParameterizedClassInvocation
	static void stop() {
		server.close();
	}

	@Test
	void everyPageEscapesMarkup() {
		ScimHttp.Response user = acme.scim().post("/Users", """
				{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "markup@acme.test",
				 "displayName": "%s", "title": "%s", "active": true}""".formatted(json(SCRIPT), json(IMAGE)));
		assertThat(user.status()).as(user.body()).isEqualTo(201);
		String colleagueId = acme.api()
			.get("colleagues?q=markup@acme.test")
			.json()
			.get("items")
			.get(0)
			.get("id")
			.asString();
		ApiHttp.Response team = acme.api()
			.post("teams", "{\"name\": \"" + json(SCRIPT + IMAGE) + "\", \"members\": [\"" + colleagueId + "\"]}");
		assertThat(team.status()).as(team.body()).isEqualTo(201);
		String teamId = team.json().get("id").asString();
		// A failed SCIM request puts the client's text into the activity log's error
		// detail.
		acme.scim()
			.post("/Users",
					"{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:User\"], \"userName\": \"" + json(SCRIPT)
							+ "\", \"emails\": [{\"value\": \"" + json(IMAGE) + "\", \"type\": \"" + json(SCRIPT)
							+ "\"}], \"active\": \"" + json(IMAGE) + "\"}");
		ConsoleHttp http = signedIn(acme);
		http.get("/console/scim");
		assertThat(http.post("/console/scim/tokens", "label", SCRIPT + IMAGE).statusCode()).isEqualTo(200);

		for (String path : List.of("/console/colleagues", "/console/colleagues?q=" + "markup",
				"/console/colleagues/" + colleagueId, "/console/teams", "/console/teams/" + teamId, "/console/activity",
				"/console/scim", "/console/colleagues?q=%3Cscript%3E")) {
			HttpResponse<String> page = http.get(path);

			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(page.body()).as(path).doesNotContain("<script").doesNotContain("<img");
		}
		assertThat(http.get("/console/colleagues/" + colleagueId).body())
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;");
		assertThat(http.get("/console/scim").body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
		assertThat(http.get("/console/colleagues?q=markup").body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
		assertThat(http.get("/console/teams/" + teamId).body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;");
	}

	@Test
	void postWithoutCsrfTokenIsRejected() {
		String id = acme.api()
			.post("colleagues", "{\"email\": \"csrf@acme.test\", \"title\": \"Before\"}")
			.json()
			.get("id")
			.asString();
		ConsoleHttp http = signedIn(acme);
		http.get("/console/colleagues/" + id);

		HttpResponse<String> edit = http.postWithoutCsrf("/console/colleagues/" + id, "title", "After");
		HttpResponse<String> deactivate = http.postWithoutCsrf("/console/colleagues/" + id + "/deactivate");
		HttpResponse<String> token = http.postWithoutCsrf("/console/scim/tokens", "label", "Forged");
		HttpResponse<String> wrongToken = http.postWithoutCsrf("/console/colleagues/" + id, "title", "After", "_csrf",
				"not-the-token");

		assertThat(edit.statusCode()).isEqualTo(403);
		assertThat(deactivate.statusCode()).isEqualTo(403);
		assertThat(token.statusCode()).isEqualTo(403);
		assertThat(wrongToken.statusCode()).isEqualTo(403);
		JsonNode stored = acme.api().get("colleagues/" + id).json();
		assertThat(stored.get("title").asString()).isEqualTo("Before");
		assertThat(stored.get("active").asBoolean()).isTrue();
		assertThat(http.get("/console/scim").body()).doesNotContain("Forged");
		assertThat(http.get("/console/colleagues/" + id).statusCode()).isEqualTo(200);
	}

	@Test
	void adminSeesNothingOfAnotherCompany() {
		ConsoleHttp http = signedIn(acme);

		assertThat(http.get("/console/colleagues").body()).doesNotContain("secret.user@globex.test");
		assertThat(http.get("/console/colleagues?q=globex").body()).contains("0 colleagues match");
		assertThat(http.get("/console/teams").body()).doesNotContain("Globex Board");
		assertThat(http.get("/console/colleagues/" + globexColleagueId).statusCode()).isEqualTo(404);
		assertThat(http.get("/console/teams/" + globexTeamId).statusCode()).isEqualTo(404);
		assertThat(http.get("/console/colleagues?team=" + globexTeamId).body()).contains("0 colleagues match");
		assertThat(http.get("/console/activity?colleague=" + globexUserId).body()).contains("No activity matches.")
			.doesNotContain(globexUserId + "</span>");
		assertThat(http.get("/console/activity").body()).doesNotContain(globexUserId);
		assertThat(http.get("/console/activity/export").body()).doesNotContain(globexUserId);
		assertThat(http.get("/console/scim").body()).doesNotContain("Microsoft Entra ID");
	}

	@Test
	void adminCannotChangeAnotherCompany() {
		ConsoleHttp http = signedIn(acme);
		http.get("/console/colleagues");
		String globexTokenId = globexTokenId();

		List<HttpResponse<String>> responses = List.of(
				http.post("/console/colleagues/" + globexColleagueId, "title", "Hacked"),
				http.post("/console/colleagues/" + globexColleagueId + "/deactivate"),
				http.post("/console/teams/" + globexTeamId + "/rename", "name", "Hacked"),
				http.post("/console/teams/" + globexTeamId + "/archive"),
				http.post("/console/teams/" + globexTeamId + "/members", "email", acme.adminEmail()),
				http.post("/console/scim/tokens/" + globexTokenId + "/revoke"),
				http.post("/console/scim/tokens/" + globexTokenId + "/rotate"),
				http.post("/console/scim/tokens/" + globexTokenId + "/expiry", "expires", "2099-01-01"),
				http.post("/console/scim/connections/" + globex.connectionId() + "/disable"));

		for (HttpResponse<String> response : responses) {
			assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(404);
		}
		JsonNode colleague = globex.api().get("colleagues/" + globexColleagueId).json();
		assertThat(colleague.get("active").asBoolean()).isTrue();
		assertThat(colleague.has("title") && !colleague.get("title").isNull()).isFalse();
		JsonNode team = globex.api().get("teams/" + globexTeamId).json();
		assertThat(team.get("name").asString()).isEqualTo("Globex Board");
		assertThat(team.get("archived").asBoolean()).isFalse();
		assertThat(globex.scim().get("/Users?count=1").status()).isEqualTo(200);
		assertThat(globex.api().get("scim-connections").json().get(0).get("state").asString()).isEqualTo("live");
	}

	@Test
	void memberFromAnotherCompanyIsRejected() {
		ApiHttp.Response team = acme.api().post("teams", "{\"name\": \"Acme Crew\"}");
		String teamId = team.json().get("id").asString();
		ConsoleHttp http = signedIn(acme);
		http.get("/console/teams/" + teamId);

		HttpResponse<String> byEmail = http.post("/console/teams/" + teamId + "/members", "email",
				"secret.user@globex.test");
		HttpResponse<String> byId = http.post("/console/teams/" + teamId + "/members/" + globexColleagueId + "/remove");

		assertThat(byEmail.statusCode()).isEqualTo(400);
		assertThat(byEmail.body()).contains("No colleague of this company has the email");
		assertThat(byId.statusCode()).isEqualTo(400);
		assertThat(acme.api().get("teams/" + teamId).json().get("members")).isEmpty();
	}

	private static String globexTokenId() {
		return server.bean(io.roster.tenant.ScimTokens.class).list(globex.id()).get(0).id().toString();
	}

	private static ConsoleHttp signedIn(TestCompany company) {
		ConsoleHttp http = new ConsoleHttp(server.baseUrl());
		HttpResponse<String> signIn = http.signIn("/console/sign-in", company.adminEmail(), company.adminPassword());
		assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/console");
		return http;
	}

	private static String json(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}

}
