package io.roster.scim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import io.roster.support.RosterProcess;
import io.roster.support.RosterServer;
import io.roster.support.ScimHttp;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stops PostgreSQL under a provisioning load and starts it again on the same data
 * directory and port, while Roster keeps running: during the outage requests get 503 with
 * {@code Retry-After} and health is down; afterwards service resumes without a restart,
 * and every acknowledged user is there with all its emails. Clients behave as identity
 * providers do and send a request that got 503 again later.
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
		Path pgData = Files.createTempDirectory("roster-outage-pg-");
		int pgPort = RosterProcess.freePort();
		EmbeddedPostgres postgres = startPostgres(pgData, pgPort);
		try (RosterServer roster = RosterServer.start(Map.of("spring.datasource.url",
				postgres.getJdbcUrl("postgres", "postgres"), "spring.datasource.username", "postgres",
				"spring.datasource.password", "", "spring.datasource.hikari.connection-timeout", "1000",
				"roster.scim.unavailable-retry-after", "3s"))) {
			ScimHttp scim = new ScimHttp(roster.scimUrl(), roster.demoToken());
			AtomicBoolean stop = new AtomicBoolean();
			List<Thread> clients = startClients(scim, stop);
			awaitAcknowledged(20);

			postgres.close();
			Thread.sleep(1500);
			int acknowledgedDuringOutage = this.acknowledged.size();
			ScimHttp.Response health = new ScimHttp(roster.baseUrl(), null).get("/actuator/health");
			assertThat(health.status()).isEqualTo(503);
			assertThat(health.json().path("status").asString()).isEqualTo("DOWN");
			Thread.sleep(1500);
			assertThat(this.acknowledged).as("users acknowledged while PostgreSQL was down")
				.hasSize(acknowledgedDuringOutage);

			postgres = startPostgres(pgData, pgPort);
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
		finally {
			postgres.close();
			FileSystemUtils.deleteRecursively(pgData);
		}
	}

	private static EmbeddedPostgres startPostgres(Path dataDir, int port) throws IOException {
		return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port).start();
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
