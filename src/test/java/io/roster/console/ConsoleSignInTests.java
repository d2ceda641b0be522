package io.roster.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.roster.support.Browser;
import io.roster.support.ConsoleHttp;
import io.roster.support.RosterServer;
import io.roster.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Form sign-in of company admins and operators in real Chromium, and the sessions behind
 * it: kept in the database, shared by instances, with a safe cookie, and a throttle on
 * failed sign-ins.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleSignInTests {

	private static final int MAX_FAILURES = 4;

	private static RosterServer server;

	private static Browser browser;

	@Parameter
	TestDatabase database;

	@BeforeAll
	static void startBrowser() {
		browser = Browser.start();
	}

	@AfterAll
	static void stopBrowser() {
		browser.close();
	}

	@BeforeEach
	void signedOut() {
		browser.driver().manage().deleteAllCookies();
	}

	@BeforeParameterizedClassInvocation
	static void start(TestDatabase database) {
		// Tomcat trusts X-Forwarded-Proto from 127.0.0.1 with this strategy, as it would
		// from a proxy that ends TLS.
		server = RosterServer.start(database, Map.of("roster.console.sign-in-failures.max-per-address",
				String.valueOf(MAX_FAILURES), "server.forward-headers-strategy", "native"));
	}

	@AfterParameterizedClassInvocation
	static void stop() {
		server.close();
	}

	@Test
	void adminSignsInAndOut() {
		browser.open(server.baseUrl() + "/console");
		assertThat(browser.path()).isEqualTo("/console/sign-in");

		browser.signIn(server.baseUrl() + "/console/sign-in", "admin@demo.example", server.demoAdminPassword());

		assertThat(browser.path()).as(browser.text()).isEqualTo("/console");
		assertThat(browser.heading()).isEqualTo("Demo");
		assertThat(browser.text()).contains("Signed in as admin@demo.example");

		browser.signOut();

		assertThat(browser.path()).isEqualTo("/console/sign-in");
		assertThat(browser.text()).contains("You are signed out.");
		browser.open(server.baseUrl() + "/console");
		assertThat(browser.path()).isEqualTo("/console/sign-in");
	}

	@Test
	void adminWithWrongPasswordIsRejected() {
		browser.signIn(server.baseUrl() + "/console/sign-in", "admin@demo.example", "not-the-password");

		assertThat(browser.path()).isEqualTo("/console/sign-in");
		assertThat(browser.text()).contains("Wrong email or password.");
		browser.open(server.baseUrl() + "/console");
		assertThat(browser.path()).isEqualTo("/console/sign-in");
	}

	@Test
	void operatorSignsInToSupportOnly() {
		browser.signIn(server.baseUrl() + "/support/sign-in", "Support@Roster.example", server.demoOperatorPassword());

		assertThat(browser.path()).isEqualTo("/support");
		assertThat(browser.heading()).isEqualTo("Support");
		assertThat(browser.text()).contains("Signed in as support@roster.example");
		browser.open(server.baseUrl() + "/console");
		assertThat(browser.path()).isEqualTo("/console/sign-in");

		browser.open(server.baseUrl() + "/support");
		browser.signOut();
		assertThat(browser.path()).isEqualTo("/support/sign-in");
	}

	@Test
	void adminCannotSignInToSupport() {
		browser.signIn(server.baseUrl() + "/support/sign-in", "admin@demo.example", server.demoAdminPassword());

		assertThat(browser.path()).isEqualTo("/support/sign-in");
		assertThat(browser.text()).contains("Wrong email or password.");
	}

	@Test
	void demoOperatorPasswordFileIsOwnerOnly() throws Exception {
		Path file = server.dataDir().resolve("demo-operator-password");

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	@Test
	void sessionCookieIsHttpOnlyAndLax() {
		ConsoleHttp http = new ConsoleHttp(server.baseUrl());

		HttpResponse<String> page = http.get("/console/sign-in");

		String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(cookie).startsWith("SESSION=");
		assertThat(cookie).contains("HttpOnly");
		assertThat(cookie).contains("SameSite=Lax");
		assertThat(cookie).doesNotContain("Secure");
		assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("style-src 'self'")
			.doesNotContain("script-src");
	}

	@Test
	void sessionCookieIsSecureOverHttps() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/console/sign-in"))
			.header("X-Forwarded-Proto", "https")
			.build();

		HttpResponse<String> page = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

		String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(cookie).startsWith("SESSION=");
		assertThat(cookie).contains("Secure");
		assertThat(cookie).contains("HttpOnly");
		assertThat(page.headers().firstValue("Strict-Transport-Security")).isPresent();
	}

	@Test
	void sessionServedByAnotherInstance() {
		ConsoleHttp http = new ConsoleHttp(server.baseUrl());
		HttpResponse<String> signIn = http.signIn("/console/sign-in", "admin@demo.example", server.demoAdminPassword());
		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/console");

		long sessions = server.bean(JdbcClient.class)
			.sql("SELECT COUNT(*) FROM spring_session_attributes"
					+ " WHERE attribute_name = 'ROSTER_ADMIN_SECURITY_CONTEXT'")
			.query(Long.class)
			.single();
		assertThat(sessions).isPositive();

		try (RosterServer other = RosterServer.startBeside(server)) {
			HttpResponse<String> page = http.get(other.baseUrl() + "/console");

			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("admin@demo.example");
		}
	}

	@Test
	void formPostWithoutCsrfTokenIsRejected() {
		ConsoleHttp http = new ConsoleHttp(server.baseUrl());
		http.get("/console/sign-in");

		HttpResponse<String> signIn = http.postWithoutCsrf("/console/sign-in", "email", "admin@demo.example",
				"password", server.demoAdminPassword());

		assertThat(signIn.statusCode()).isEqualTo(403);
		assertThat(http.get("/console").statusCode()).isEqualTo(302);
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void repeatedFailuresBlockTheAddress() {
		ConsoleHttp http = new ConsoleHttp(server.baseUrl());
		// Earlier tests of this class may have failed a sign-in from this address too.
		for (int i = 0; i < MAX_FAILURES; i++) {
			HttpResponse<String> failed = http.signIn("/console/sign-in", "admin@demo.example", "wrong-" + i);
			assertThat(failed.headers().firstValue("Location").orElseThrow())
				.matches(".*/console/sign-in\\?(error|blocked)");
		}

		HttpResponse<String> blocked = http.signIn("/console/sign-in", "admin@demo.example",
				server.demoAdminPassword());

		assertThat(blocked.headers().firstValue("Location").orElseThrow()).endsWith("/console/sign-in?blocked");
		assertThat(http.get("/console").statusCode()).isEqualTo(302);
	}

}
