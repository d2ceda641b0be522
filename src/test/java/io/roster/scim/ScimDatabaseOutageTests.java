package io.roster.scim;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.roster.support.RosterServer;
import io.roster.support.ScimHttp;
import io.roster.support.StoppablePostgres;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stops PostgreSQL under a provisioning load and starts it again on the same data
 * directory and port, while Roster keeps running: during the outage requests get 503 with
 * {@code Retry-After} and health is down; afterwards service resumes without a restart,
 * and every acknowledged user is there with all its emails. A Bulk request that the
 * outage interrupts keeps the operations that ran before it and none after it. Clients
 * behave as identity providers do and send a request that got 503 again later.
 */
class ScimDatabaseOutageTests {

	private static final int CLIENTS = 3;

	private final Map<String, Set<String>> emails = new ConcurrentHashMap<>();

	private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

	private final Deque<String> retries = new ConcurrentLinkedDeque<>();

	private final List<Long> unavailableMillis = new CopyOnWriteArrayList<>();

	private final List<String> failures = new CopyOnWriteArrayList<>();

	private final AtomicInteger nextUser = new AtomicInteger();

	@Test
	void postgresRestartGives503ThenResumes() throws Exception {
		try (StoppablePostgres postgres = new StoppablePostgres();
				RosterServer roster = postgres.startRoster(Map.of())) {
			ScimHttp scim = new ScimHttp(roster.scimUrl(), roster.demoToken());
			AtomicBoolean stop = new AtomicBoolean();
			List<Thread> clients = startClients(scim, stop);
			awaitAcknowledged(20);

			postgres.stop();
			Thread.sleep(1500);
			int acknowledgedDuringOutage = this.acknowledged.size();
			ScimHttp.Response health = new ScimHttp(roster.baseUrl(), null).get("/actuator/health");
			assertThat(health.status()).isEqualTo(503);
			assertThat(health.json().path("status").asString()).isEqualTo("DOWN");
			Thread.sleep(1500);
			assertThat(this.acknowledged).as("users acknowledged while PostgreSQL was down")
				.hasSize(acknowledgedDuringOutage);

			postgres.restart();
			awaitAcknowledged(acknowledgedDuringOutage + 20);
			stop.set(true);
			for (Thread client : clients) {
				client.join(Duration.ofSeconds(30).toMillis());
			}

			assertThat(this.failures).as("responses other than 201 and 503").isEmpty();
			assertThat(this.unavailableMillis).as("503 responses during the outage").isNotEmpty();
			assertThat(this.unavailableMillis.stream().mapToLong(Long::longValue).max().getAsLong())
				.as("slowest 503, in ms")
				.isLessThan(3000);
			assertThat(new ScimHttp(roster.baseUrl(), null).get("/actuator/health").status()).isEqualTo(200);
			assertEveryAcknowledgedUserIsStored(scim);
		}
	}

	/**
	 * Stops PostgreSQL while a Bulk request waits for a row lock that the test holds, so
	 * that the outage hits the request between two operations. Then sends a Bulk request
	 * during the outage, and another after PostgreSQL is back.
	 */
	@Test
	void bulkDuringOutageGets503ThenResumes() throws Exception {
		try (StoppablePostgres postgres = new StoppablePostgres();
				RosterServer roster = postgres.startRoster(Map.of())) {
			ScimHttp scim = new ScimHttp(roster.scimUrl(), roster.demoToken());
			String lockedId = scim.post("/Users", userJson("locked@example.com")).json().path("id").asString();
			Connection lock = postgres.connect();
			lock.setAutoCommit(false);
			try (PreparedStatement select = lock
				.prepareStatement("SELECT id FROM colleague WHERE link_id = ? FOR UPDATE")) {
				select.setString(1, lockedId);
				select.executeQuery().close();
			}
			CompletableFuture<ScimHttp.Response> interrupted = CompletableFuture
				.supplyAsync(
						() -> scim
							.post("/Bulk",
									bulkJson(postOperation("before", "bulk.before@example.com"),
											"""
													{"method":"PATCH","path":"/Users/%s","data":{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
													 "Operations":[{"op":"replace","path":"title","value":"Changed"}]}}"""
												.formatted(lockedId),
											postOperation("after", "bulk.after@example.com"))));
			awaitLockWait(lock);
			// The waiting operation's connection ends while the row is still locked. A
			// shutdown alone could end the lock's holder first and let the operation
			// commit before its own connection ends.
			try (PreparedStatement terminate = lock.prepareStatement(
					"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
							+ " AND pid <> pg_backend_pid()")) {
				terminate.executeQuery().close();
			}
			postgres.stop();
			closeQuietly(lock);
			ScimHttp.Response cut = interrupted.get(30, TimeUnit.SECONDS);

			assertThat(cut.status()).isEqualTo(200);
			assertThat(cut.header("Retry-After")).isEqualTo("3");
			JsonNode operations = cut.json().path("Operations");
			assertThat(operations).hasSize(3);
			assertThat(operations.get(0).path("status").asString()).isEqualTo("201");
			assertThat(operations.get(1).path("status").asString()).isEqualTo("503");
			assertThat(operations.get(1).path("response").path("status").asString()).isEqualTo("503");
			assertThat(operations.get(2).path("status").asString()).isEqualTo("503");

			ScimHttp.Response duringOutage = scim.post("/Bulk",
					bulkJson(postOperation("down", "bulk.down@example.com")));
			assertThat(duringOutage.status()).isEqualTo(503);
			assertThat(isUnavailableError(duringOutage))
				.as("503 with Retry-After and a SCIM error: %s", duringOutage.body())
				.isTrue();

			postgres.restart();
			ScimHttp.Response recovered = awaitBulk(scim, bulkJson(postOperation("back", "bulk.back@example.com")));
			assertThat(recovered.json().path("Operations").get(0).path("status").asString()).isEqualTo("201");
			assertThat(recovered.header("Retry-After")).isNull();

			assertThat(countUsers(scim, "bulk.before@example.com")).as("users of the operation before the outage")
				.isEqualTo(1);
			assertThat(countUsers(scim, "bulk.after@example.com")).as("users of the operation after the outage")
				.isZero();
			assertThat(countUsers(scim, "bulk.down@example.com")).as("users of the Bulk request during the outage")
				.isZero();
			assertThat(countUsers(scim, "bulk.back@example.com")).as("users of the Bulk request after the outage")
				.isEqualTo(1);
			assertThat(scim.get("/Users/" + lockedId).json().path("title").isMissingNode())
				.as("title of the user the interrupted PATCH named")
				.isTrue();
		}
	}

	/** Waits until a backend other than {@code lock}'s waits for a lock. */
	private static void awaitLockWait(Connection lock) throws SQLException, InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			try (PreparedStatement waiting = lock.prepareStatement(
					"SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()");
					ResultSet result = waiting.executeQuery()) {
				result.next();
				if (result.getInt(1) > 0) {
					return;
				}
			}
			Thread.sleep(50);
		}
		throw new AssertionError("No Bulk operation waited for the locked row within 30 s");
	}

	private static void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			// The server is stopped, so the connection is gone already.
		}
	}

	/** Sends a Bulk request until it gets 200, for at most 30 s. */
	private static ScimHttp.Response awaitBulk(ScimHttp scim, String body) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		ScimHttp.Response response = scim.post("/Bulk", body);
		while (response.status() != 200 && System.nanoTime() < deadline) {
			assertThat(response.status()).as("status of a Bulk request while PostgreSQL starts").isEqualTo(503);
			Thread.sleep(200);
			response = scim.post("/Bulk", body);
		}
		assertThat(response.status()).as("status of a Bulk request 30 s after PostgreSQL started").isEqualTo(200);
		return response;
	}

	private static int countUsers(ScimHttp scim, String userName) {
		return scim.get("/Users?filter=userName%20eq%20%22" + userName + "%22").json().path("totalResults").asInt();
	}

	private static String userJson(String userName) {
		return """
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s"}""".formatted(userName);
	}

	private static String postOperation(String bulkId, String userName) {
		return """
				{"method":"POST","path":"/Users","bulkId":"%s","data":%s}""".formatted(bulkId, userJson(userName));
	}

	private static String bulkJson(String... operations) {
		return """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[%s]}"""
			.formatted(String.join(",", operations));
	}

	private List<Thread> startClients(ScimHttp scim, AtomicBoolean stop) {
		List<Thread> clients = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			Thread client = new Thread(() -> {
				long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
				try {
					while (!stop.get() && System.nanoTime() < deadline) {
						provisionOne(scim);
					}
				}
				catch (RuntimeException ex) {
					this.failures.add(ex.toString());
				}
			}, "outage-load-" + c);
			client.start();
			clients.add(client);
		}
		return clients;
	}

	/**
	 * Sends a user that got 503 earlier, or else a new one. A 409 for a user sent again
	 * means its earlier request was committed although its response was lost.
	 */
	private void provisionOne(ScimHttp scim) {
		String retry = this.retries.poll();
		String userName = (retry != null) ? retry : "outage.user" + this.nextUser.incrementAndGet() + "@example.com";
		List<String> userEmails = List.of("work." + userName, "home." + userName);
		this.emails.putIfAbsent(userName, Set.copyOf(userEmails));
		long start = System.nanoTime();
		ScimHttp.Response response = scim.post("/Users", """
				{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
				 "emails":[{"value":"%s"},{"value":"%s"}]}""".formatted(userName, userEmails.get(0),
				userEmails.get(1)));
		long millis = (System.nanoTime() - start) / 1_000_000;
		if (response.status() == 201 || (retry != null && response.status() == 409)) {
			this.acknowledged.add(userName);
		}
		else if (response.status() == 503 && isUnavailableError(response)) {
			this.unavailableMillis.add(millis);
			this.retries.add(userName);
			sleep(Duration.ofMillis(50));
		}
		else {
			this.failures.add(response.status() + " " + response.header("Retry-After") + " " + response.body());
			this.retries.add(userName);
		}
	}

	private static boolean isUnavailableError(ScimHttp.Response response) {
		String retryAfter = response.header("Retry-After");
		return "3".equals(retryAfter) && response.json().path("status").asString().equals("503")
				&& response.json()
					.path("schemas")
					.get(0)
					.asString()
					.equals("urn:ietf:params:scim:api:messages:2.0:Error");
	}

	private void awaitAcknowledged(int count) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (this.acknowledged.size() < count && System.nanoTime() < deadline && this.failures.isEmpty()) {
			Thread.sleep(20);
		}
		assertThat(this.failures).as("failures of the load").isEmpty();
		assertThat(this.acknowledged.size()).as("users acknowledged within 30 s").isGreaterThanOrEqualTo(count);
	}

	private void assertEveryAcknowledgedUserIsStored(ScimHttp scim) {
		for (String userName : this.acknowledged) {
			ScimHttp.Response found = scim.get("/Users?filter=userName%20eq%20%22" + userName + "%22");
			assertThat(found.json().path("totalResults").asInt()).as("stored copies of %s", userName).isEqualTo(1);
			Set<String> stored = new java.util.HashSet<>();
			found.json()
				.path("Resources")
				.get(0)
				.path("emails")
				.forEach((email) -> stored.add(email.path("value").asString()));
			assertThat(stored).as("emails of %s", userName).isEqualTo(this.emails.get(userName));
		}
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
