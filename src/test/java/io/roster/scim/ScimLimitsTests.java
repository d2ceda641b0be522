package io.roster.scim;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import io.roster.support.RawConnection;
import io.roster.support.RosterServer;
import io.roster.support.ScimHttp;
import io.roster.support.TestCompany;
import io.roster.support.TestDatabase;
import io.roster.tenant.IdentityProvider;
import io.roster.tenant.Plan;
import io.roster.tenant.ScimTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overload and body limits of the SCIM endpoint, each configured low so that a few
 * requests reach it. Every test uses a company of its own, because rate limits and the
 * concurrency cap count per SCIM connection and per company.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ScimLimitsTests {

	private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";

	private static RosterServer server;

	@Parameter
	TestDatabase database;

	@AfterParameterizedClassInvocation
	static void stop() {
		if (server != null) {
			server.close();
			server = null;
		}
	}

	@Test
	void rateLimitGives429WithRetryAfter() {
		ScimHttp scim = newCompany("Rate");
		for (int i = 0; i < 20; i++) {
			assertThat(scim.get("/Users?count=0").status()).as("request %d of the burst", i + 1).isEqualTo(200);
		}

		ScimHttp.Response limited = scim.get("/Users?count=0");

		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.header("Retry-After")).isEqualTo("1");
		assertThat(limited.json().path("status").asString()).isEqualTo("429");
		assertThat(limited.json().path("detail").asString()).contains("rate limit");
		assertThat(newCompany("Rate, other").get("/Users?count=0").status()).isEqualTo(200);
	}

	@Test
	void rateLimitCoversEveryTokenOfConnection() {
		TestCompany company = server().newCompany("Rotation", Plan.ENTERPRISE, IdentityProvider.OKTA);
		String rotated = server().bean(ScimTokens.class).issue(company.id(), "Rotated token");
		ScimHttp current = company.scim();
		ScimHttp next = new ScimHttp(server().scimUrl(), rotated);
		for (int i = 0; i < 10; i++) {
			assertThat(current.get("/Users?count=0").status()).as("request %d of the current token", i + 1)
				.isEqualTo(200);
			assertThat(next.get("/Users?count=0").status()).as("request %d of the rotated token", i + 1).isEqualTo(200);
		}

		// The rate of 1 request a second may have refilled one request meanwhile, while
		// a limit per token would leave each token 10 more.
		ScimHttp.Response limited = current.get("/Users?count=0");
		if (limited.status() == 200) {
			limited = current.get("/Users?count=0");
		}

		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.header("Retry-After")).isNotNull();
		assertThat(next.get("/Users?count=0").status()).isEqualTo(429);
	}

	@Test
	void concurrencyCapLeavesOtherCompaniesServed() {
		ScimHttp busy = newCompany("Busy");
		String busyToken = this.lastToken;
		ScimHttp other = newCompany("Other");
		String body = userJson("slow.sync@example.com");
		RawConnection first = holdRequest(busyToken, body);
		RawConnection second = holdRequest(busyToken, body.replace("slow.sync", "slow.sync2"));
		try {
			ScimHttp.Response rejected = awaitStatus(busy, 429);
			assertThat(rejected.header("Retry-After")).isEqualTo("1");
			assertThat(rejected.json().path("detail").asString()).contains("2 SCIM requests in progress");

			long start = System.nanoTime();
			ScimHttp.Response served = other.post("/Users", userJson("other.company@example.com"));
			assertThat(served.status()).isEqualTo(201);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));

			first.send(body.substring(1));
			second.send(body.replace("slow.sync", "slow.sync2").substring(1));
			assertThat(first.read(Duration.ofSeconds(10)).status()).isEqualTo(201);
			assertThat(second.read(Duration.ofSeconds(10)).status()).isEqualTo(201);
			assertThat(busy.get("/Users?count=0").status()).isEqualTo(200);
		}
		finally {
			first.close();
			second.close();
		}
	}

	@Test
	void bodyOverSizeLimitGets413() {
		ScimHttp scim = newCompany("Large");
		String large = "{\"schemas\":[\"" + USER + "\"],\"userName\":\"large@example.com\",\"title\":\""
				+ "x".repeat(70_000) + "\"}";

		ScimHttp.Response declared = untilResponse(() -> scim.post("/Users", large));

		assertThat(declared.status()).isEqualTo(413);
		assertThat(declared.json().path("status").asString()).isEqualTo("413");
		assertThat(untilResponse(() -> chunkedPost(large)).statusCode()).as("status of the same body sent chunked")
			.isEqualTo(413);
	}

	/**
	 * Sends a request with a body over the limit until the client reads a response, at
	 * most three times. The server responds 413 and closes the connection without reading
	 * the body, so on a busy machine the client can get a reset while it still writes.
	 */
	private static <T> T untilResponse(Supplier<T> send) {
		for (int attempt = 1;; attempt++) {
			try {
				return send.get();
			}
			catch (UncheckedIOException ex) {
				if (attempt == 3) {
					throw ex;
				}
			}
		}
	}

	@Test
	void deeplyNestedJsonIsRejectedQuickly() {
		ScimHttp scim = newCompany("Deep");
		long start = System.nanoTime();

		ScimHttp.Response deep = scim.post("/Users", "[".repeat(60_000));

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		assertThat(deep.status()).isEqualTo(400);
		assertThat(deep.json().path("scimType").asString()).isEqualTo("invalidSyntax");
		assertThat(deep.json().path("detail").asString()).contains("deeper than 32 levels");
		String nested = "{\"a\":".repeat(32) + "1" + "}".repeat(32);
		ScimHttp.Response inUser = scim.post("/Users",
				"{\"schemas\":[\"" + USER + "\"],\"userName\":\"deep@example.com\",\"x\":" + nested + "}");
		assertThat(inUser.status()).isEqualTo(400);
	}

	@Test
	void arrayOverElementLimitGets413() {
		ScimHttp scim = newCompany("Wide");
		StringBuilder emails = new StringBuilder();
		for (int i = 0; i <= 100; i++) {
			emails.append((i > 0) ? "," : "").append("{\"value\":\"e").append(i).append("@example.com\"}");
		}

		ScimHttp.Response wide = scim.post("/Users",
				"{\"schemas\":[\"" + USER + "\"],\"userName\":\"wide@example.com\",\"emails\":[" + emails + "]}");

		assertThat(wide.status()).isEqualTo(413);
		assertThat(wide.json().path("detail").asString()).contains("more than 100 elements");
	}

	@Test
	void bodyOverTokenLimitGets413() {
		ScimHttp scim = newCompany("Tokens");
		String row = "[" + "1,".repeat(98) + "1]";
		String rows = String.join(",", java.util.Collections.nCopies(60, row));

		ScimHttp.Response many = scim.post("/Users", "{\"rows\":[" + rows + "]}");

		assertThat(many.status()).isEqualTo(413);
		assertThat(many.json().path("detail").asString()).contains("more than 5000 JSON tokens");
	}

	@Test
	void slowBodyGets408() {
		newCompany("Slow");
		String body = userJson("trickle@example.com");
		long start = System.nanoTime();
		try (RawConnection connection = startSlowPost(this.lastToken, body)) {
			RawConnection.Response response = null;
			for (int i = 1; i < body.length() && response == null; i++) {
				connection.send(body.substring(i, i + 1));
				response = readIfAny(connection);
			}

			assertThat(response).as("response while the body trickles in").isNotNull();
			assertThat(response.status()).isEqualTo(408);
			assertThat(response.body()).contains("\"status\":\"408\"");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
		}
	}

	@Test
	void malformedJsonErrorDoesNotQuoteTheBody() {
		ScimHttp scim = newCompany("Malformed");

		ScimHttp.Response malformed = scim.post("/Users",
				"{\"schemas\":[\"" + USER + "\"],\"userName\":\"m@example.com\",\"password\": Hunter2Secret}");

		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().path("scimType").asString()).isEqualTo("invalidSyntax");
		assertThat(malformed.json().path("detail").asString()).contains("line 1").doesNotContain("Hunter2");
	}

	private String lastToken;

	private ScimHttp newCompany(String name) {
		this.lastToken = server().tokenOfNewCompany(name, Plan.ENTERPRISE);
		return new ScimHttp(server().scimUrl(), this.lastToken);
	}

	private RosterServer server() {
		if (server == null) {
			server = RosterServer.start(this.database,
					Map.of("roster.scim.rate-limit.requests-per-second", "1", "roster.scim.rate-limit.burst", "20",
							"roster.scim.max-concurrent-requests-per-company", "2", "roster.scim.body-read-timeout",
							"2s", "roster.scim.max-body-bytes", "65536", "roster.scim.json.max-array-elements", "100",
							"roster.scim.json.max-tokens", "5000"));
		}
		return server;
	}

	/** Sends the headers and the first byte of a POST, and leaves the rest unsent. */
	private RawConnection startSlowPost(String token, String body) {
		RawConnection connection = new RawConnection(server().baseUrl());
		connection.sendHead("POST", "/scim/v2/Users",
				Map.of("Authorization", "Bearer " + token, "Content-Type", "application/scim+json", "Content-Length",
						String.valueOf(body.getBytes(StandardCharsets.UTF_8).length)));
		connection.send(body.substring(0, 1));
		return connection;
	}

	/**
	 * Starts a slow POST and returns once it is in progress on the server, which it is
	 * when no response arrived within a moment; one that came too early for a free permit
	 * and got 429 is sent again.
	 */
	private RawConnection holdRequest(String token, String body) {
		for (int attempt = 0; attempt < 5; attempt++) {
			RawConnection connection = startSlowPost(token, body);
			RawConnection.Response early = readIfAny(connection);
			if (early == null) {
				return connection;
			}
			connection.close();
			assertThat(early.status()).as("early answer to a slow POST").isEqualTo(429);
		}
		throw new AssertionError("No slow POST got a permit in 5 attempts");
	}

	private static ScimHttp.Response awaitStatus(ScimHttp scim, int status) {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		ScimHttp.Response response = scim.get("/Users?count=0");
		while (response.status() != status && System.nanoTime() < deadline) {
			sleep(Duration.ofMillis(100));
			response = scim.get("/Users?count=0");
		}
		return response;
	}

	private static RawConnection.Response readIfAny(RawConnection connection) {
		try {
			return connection.read(Duration.ofMillis(250));
		}
		catch (UncheckedIOException ex) {
			// No response within the read timeout.
			return null;
		}
	}

	private HttpResponse<String> chunkedPost(String body) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(server().scimUrl() + "/Users"))
			.header("Authorization", "Bearer " + this.lastToken)
			.header("Content-Type", "application/scim+json")
			.POST(HttpRequest.BodyPublishers
				.ofInputStream(() -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
			.build();
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String userJson(String userName) {
		return "{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + userName + "\"}";
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
