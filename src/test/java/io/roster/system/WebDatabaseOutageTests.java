package io.roster.system;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.roster.support.ApiHttp;
import io.roster.support.ConsoleHttp;
import io.roster.support.RosterServer;
import io.roster.support.StoppablePostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stops PostgreSQL and starts it again on the same data directory and port while Roster
 * keeps running, and checks that the product API and the console respond to the outage
 * with 503 and {@code Retry-After}, both when the outage is already known and when a
 * request is the first to meet it in the sign-in lookup, the session lookup or a write.
 * Once PostgreSQL is back, the same credentials and the same session get 200, and the
 * write sent during the outage changed nothing.
 */
class WebDatabaseOutageTests {

	private static final String ADMIN = "admin@demo.example";

	private static final String WRITTEN_DURING_OUTAGE = "outage.write@example.com";

	@Test
	void apiAndConsoleGet503ThenResume() throws Exception {
		// One failed sign-in blocks the address, so an outage counted as a failure shows.
		try (StoppablePostgres postgres = new StoppablePostgres();
				RosterServer roster = postgres
					.startRoster(Map.of("roster.console.sign-in-failures.max-per-address", "1"))) {
			ApiHttp api = new ApiHttp(roster.baseUrl(), ADMIN, roster.demoAdminPassword());
			ConsoleHttp console = new ConsoleHttp(roster.baseUrl());
			assertThat(console.signIn("/console/sign-in", ADMIN, roster.demoAdminPassword())
				.headers()
				.firstValue("Location")
				.orElse("")).as("redirect after sign-in").doesNotContain("error");
			assertThat(api.get("colleagues").status()).isEqualTo(200);
			assertThat(console.get("/console").statusCode()).isEqualTo(200);

			postgres.stop();
			// The first request meets the outage in the HTTP Basic user lookup.
			assertApiUnavailable(api.get("colleagues"));
			// The outage is known now, so these get 503 without waiting the 1 s
			// connection timeout.
			assertConsoleUnavailable(fast(() -> console.get("/console")));
			assertApiUnavailable(fast(() -> api.get("colleagues")));
			assertConsoleUnavailable(fast(() -> new ConsoleHttp(roster.baseUrl()).get("/support/sign-in")));
			assertConsoleUnavailable(fast(() -> new ConsoleHttp(roster.baseUrl()).get("/setup/anything")));
			// After the probe interval, each request is a probe that meets the outage
			// again: in the session lookup, in a write, and in a form sign-in.
			Thread.sleep(1200);
			assertConsoleUnavailable(console.get("/console"));
			Thread.sleep(1200);
			assertApiUnavailable(api.post("colleagues", "{\"email\": \"" + WRITTEN_DURING_OUTAGE + "\"}"));
			Thread.sleep(1200);
			ConsoleHttp signingIn = new ConsoleHttp(roster.baseUrl());
			assertConsoleUnavailable(signingIn.post("/console/sign-in", "email", ADMIN, "password", "wrong"));

			postgres.restart();
			awaitOk(() -> api.get("colleagues").status());
			assertThat(api.get("colleagues").header("Retry-After")).isNull();
			assertThat(console.get("/console").statusCode()).as("console page in the session of before the outage")
				.isEqualTo(200);
			assertThat(api.get("colleagues?q=" + WRITTEN_DURING_OUTAGE).json().path("total").asInt())
				.as("colleagues created by the write sent during the outage")
				.isZero();
			HttpResponse<String> signIn = signingIn.signIn("/console/sign-in", ADMIN, roster.demoAdminPassword());
			assertThat(signIn.headers().firstValue("Location").orElse(""))
				.as("redirect of a sign-in after an outage in the user lookup, with one failure allowed")
				.doesNotContain("blocked")
				.doesNotContain("error");
		}
	}

	private static void assertApiUnavailable(ApiHttp.Response response) {
		assertThat(response.status()).as("status, with body %s", response.body()).isEqualTo(503);
		assertThat(response.header("Retry-After")).isEqualTo("3");
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().path("status").asInt()).isEqualTo(503);
		assertThat(response.json().path("detail").asString()).contains("database is unavailable");
		assertThat(response.body()).doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("sql");
	}

	private static void assertConsoleUnavailable(HttpResponse<String> response) {
		assertThat(response.statusCode()).as("status, with body %s", response.body()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(response.body()).contains("briefly unavailable");
		assertThat(response.body()).doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("sql");
	}

	/** Sends a request and checks that its response came in less than 1 s. */
	private static <T> T fast(Supplier<T> request) {
		long start = System.nanoTime();
		T response = request.get();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time to the response")
			.isLessThan(Duration.ofSeconds(1));
		return response;
	}

	/**
	 * Repeats a request until it gets 200, for at most 30 s; until then 503 is allowed.
	 */
	private static void awaitOk(IntSupplier request) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		int status = request.getAsInt();
		while (status != 200 && System.nanoTime() < deadline) {
			assertThat(status).as("status while PostgreSQL starts").isEqualTo(503);
			Thread.sleep(200);
			status = request.getAsInt();
		}
		assertThat(status).as("status 30 s after PostgreSQL started").isEqualTo(200);
	}

}
