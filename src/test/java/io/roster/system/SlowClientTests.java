package io.roster.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.roster.support.ApiHttp;
import io.roster.support.RawConnection;
import io.roster.support.RosterServer;
import io.roster.support.ScimHttp;
import io.roster.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that trickle a request body, one byte every {@link #TRICKLE_INTERVAL}, against
 * a Roster with a single request thread, a 1 s connection timeout and a 1 s body-read
 * timeout. Each test checks that Roster responds, closes the connection while the client
 * still has most of its declared body to send, and then serves another request, which it
 * can do only once the single request thread is free. Without a bound on how much unread
 * body Tomcat drains after the response, the thread would keep reading the trickle.
 * <p>
 * These tests run on H2 only: the behaviour under test is the servlet container's and the
 * request filters', which touch no stored data beyond the token lookup and the sign-in.
 */
class SlowClientTests {

	private static final Duration TRICKLE_INTERVAL = Duration.ofMillis(50);

	/** Maximum time a test trickles before it counts the connection as held open. */
	private static final Duration TRICKLE_LIMIT = Duration.ofSeconds(8);

	private static final int DECLARED_BYTES = 50_000;

	private static RosterServer server;

	@BeforeAll
	static void start() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("server.tomcat.threads.max", "1");
		properties.put("server.tomcat.threads.min-spare", "1");
		properties.put("server.tomcat.connection-timeout", "1s");
		properties.put("roster.scim.body-read-timeout", "1s");
		properties.put("roster.scim.max-body-bytes", "65536");
		properties.put("roster.api.body-read-timeout", "1s");
		properties.put("roster.api.max-body-bytes", "65536");
		server = RosterServer.start(TestDatabase.H2, properties);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void invalidTokenWithTrickledBodyIsCutOff() {
		try (RawConnection connection = startPost("Bearer rst_not-a-token",
				Map.of("Content-Length", String.valueOf(DECLARED_BYTES)))) {
			RawConnection.Response response = connection.read(Duration.ofSeconds(5));

			assertThat(response.status()).isEqualTo(401);
			assertThat(response.headers().get("connection")).isEqualTo("close");
			assertClosedWhileTrickling(connection);
		}
		assertThreadIsFree();
	}

	@Test
	void chunkedBodyOfInvalidTokenIsCutOff() {
		try (RawConnection connection = startPost("Bearer rst_not-a-token", Map.of("Transfer-Encoding", "chunked"))) {
			RawConnection.Response response = connection.read(Duration.ofSeconds(5));

			assertThat(response.status()).isEqualTo(401);
			assertClosedWhileTrickling(connection, "1\r\n \r\n");
		}
		assertThreadIsFree();
	}

	@Test
	void declaredOversizeBodyIsCutOff() {
		try (RawConnection connection = startPost("Bearer " + server.demoToken(),
				Map.of("Content-Length", String.valueOf(10 * 1024 * 1024)))) {
			RawConnection.Response response = connection.read(Duration.ofSeconds(5));

			assertThat(response.status()).isEqualTo(413);
			assertThat(response.headers().get("connection")).isEqualTo("close");
			assertClosedWhileTrickling(connection);
		}
		assertThreadIsFree();
	}

	@Test
	void trickledBodyGets408AndIsCutOff() {
		try (RawConnection connection = startPost("Bearer " + server.demoToken(),
				Map.of("Content-Length", String.valueOf(DECLARED_BYTES)))) {
			RawConnection.Response response = awaitResponseWhileTrickling(connection);

			assertThat(response.status()).isEqualTo(408);
			assertThat(response.headers().get("connection")).isEqualTo("close");
			assertClosedWhileTrickling(connection);
		}
		assertThreadIsFree();
	}

	@Test
	void apiTrickledBodyGets408AndIsCutOff() {
		try (RawConnection connection = startApiPost(Map.of("Content-Length", String.valueOf(DECLARED_BYTES)))) {
			RawConnection.Response response = awaitResponseWhileTrickling(connection);

			assertThat(response.status()).isEqualTo(408);
			assertThat(response.headers().get("connection")).isEqualTo("close");
			assertThat(response.body()).contains("did not arrive within 1 s");
			assertClosedWhileTrickling(connection);
		}
		assertThreadIsFree();
	}

	@Test
	void apiDeclaredOversizeBodyIsCutOff() {
		try (RawConnection connection = startApiPost(Map.of("Content-Length", String.valueOf(10 * 1024 * 1024)))) {
			RawConnection.Response response = connection.read(Duration.ofSeconds(5));

			assertThat(response.status()).isEqualTo(413);
			assertThat(response.headers().get("connection")).isEqualTo("close");
			assertThat(response.body()).contains("larger than the limit of 65536 bytes");
			assertClosedWhileTrickling(connection);
		}
		assertThreadIsFree();
	}

	@Test
	void apiUndeclaredOversizeBodyGets413() {
		String large = "{\"email\":\"large@example.com\",\"title\":\"" + "x".repeat(70_000) + "\"}";
		try (RawConnection connection = startApiPost(Map.of("Transfer-Encoding", "chunked"))) {
			connection.send(Integer.toHexString(large.length() - 1) + "\r\n" + large.substring(1) + "\r\n0\r\n\r\n");
			RawConnection.Response response = connection.read(Duration.ofSeconds(5));

			assertThat(response.status()).isEqualTo(413);
			assertThat(response.body()).contains("larger than the limit of 65536 bytes");
		}
		ApiHttp api = new ApiHttp(server.baseUrl(), "admin@demo.example", server.demoAdminPassword());
		assertThat(api.get("/api/v1/colleagues?q=large@example.com").json().path("items")).isEmpty();
	}

	/**
	 * Opens a connection and sends the head of a SCIM POST and the start of a JSON body,
	 * as the first chunk when the body is chunked.
	 */
	private static RawConnection startPost(String authorization, Map<String, String> framing) {
		return startPost("/scim/v2/Users", authorization, "application/scim+json", framing);
	}

	/** Opens a connection and sends the head of a product API POST of a colleague. */
	private static RawConnection startApiPost(Map<String, String> framing) {
		String credentials = "admin@demo.example:" + server.demoAdminPassword();
		String authorization = "Basic "
				+ Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
		return startPost("/api/v1/colleagues", authorization, "application/json", framing);
	}

	private static RawConnection startPost(String path, String authorization, String contentType,
			Map<String, String> framing) {
		RawConnection connection = new RawConnection(server.baseUrl());
		Map<String, String> headers = new LinkedHashMap<>(framing);
		headers.put("Authorization", authorization);
		headers.put("Content-Type", contentType);
		connection.sendHead("POST", path, headers);
		boolean chunked = framing.containsKey("Transfer-Encoding");
		connection.send(chunked ? "1\r\n{\r\n" : "{");
		return connection;
	}

	/**
	 * Keeps sending one piece of the body, such as a byte or a chunk of one byte, every
	 * {@link #TRICKLE_INTERVAL} until the server closes the connection or
	 * {@link #TRICKLE_LIMIT} passes.
	 */
	private static void assertClosedWhileTrickling(RawConnection connection) {
		assertClosedWhileTrickling(connection, " ");
	}

	private static void assertClosedWhileTrickling(RawConnection connection, String piece) {
		long deadline = System.nanoTime() + TRICKLE_LIMIT.toNanos();
		boolean closed = false;
		int sent = 0;
		while (!closed && System.nanoTime() < deadline) {
			closed = !connection.trySend(piece) || connection.isClosedByServer(TRICKLE_INTERVAL);
			sent++;
		}
		assertThat(closed)
			.as("server closed the connection within %s after %d more pieces of the body", TRICKLE_LIMIT, sent)
			.isTrue();
	}

	/**
	 * Checks that the single request thread serves a request within a few seconds, so no
	 * earlier request still uses it.
	 */
	private static void assertThreadIsFree() {
		long start = System.nanoTime();
		ScimHttp.Response health = new ScimHttp(server.baseUrl(), null).get("/actuator/health");

		assertThat(health.status()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
	}

	/**
	 * Sends a byte of the body every {@link #TRICKLE_INTERVAL} until a response arrives,
	 * for at most {@link #TRICKLE_LIMIT}.
	 */
	private static RawConnection.Response awaitResponseWhileTrickling(RawConnection connection) {
		RawConnection.Response response = null;
		long deadline = System.nanoTime() + TRICKLE_LIMIT.toNanos();
		while (response == null && System.nanoTime() < deadline) {
			assertThat(connection.trySend(" ")).as("a byte of the body sent before the response").isTrue();
			response = readIfAny(connection);
		}
		assertThat(response).as("response while the body trickles in").isNotNull();
		return response;
	}

	private static RawConnection.Response readIfAny(RawConnection connection) {
		try {
			return connection.read(TRICKLE_INTERVAL);
		}
		catch (java.io.UncheckedIOException ex) {
			// No response within the interval.
			return null;
		}
	}

}
