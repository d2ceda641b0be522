package io.roster.scim;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import com.unboundid.scim2.common.utils.JsonUtils;

import io.roster.support.RosterProcess;
import io.roster.support.TestDatabase;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a Roster process with SIGKILL at random moments while several clients provision
 * users and add group members, and starts it again on the same data. Every acknowledged
 * write must have survived, and no user or membership change may be half written. Users
 * carry three emails each, written in the same transaction as the user; each group PATCH
 * adds a batch of members that no other PATCH adds to that group, so a batch must be
 * there entirely or not at all.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ScimCrashTests {

	private static final int CRASHES = 3;

	private static final int CLIENTS = 4;

	private static final int GROUPS = 3;

	private static final int BATCH = 4;

	@Parameter
	TestDatabase database;

	private final Map<String, Set<String>> attemptedEmails = new ConcurrentHashMap<>();

	private final Map<String, String> acknowledgedUsers = new ConcurrentHashMap<>();

	private final List<String> usableMembers = new CopyOnWriteArrayList<>();

	private final Map<String, List<Set<String>>> attemptedBatches = new HashMap<>();

	private final Map<String, List<Set<String>>> acknowledgedBatches = new HashMap<>();

	private final AtomicInteger nextUser = new AtomicInteger();

	private final List<String> failures = new CopyOnWriteArrayList<>();

	@Test
	void sigkillKeepsAcknowledgedWritesWhole() throws Exception {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		try (RosterProcess roster = RosterProcess.start(this.database)) {
			Client client = new Client(roster);
			for (int g = 0; g < GROUPS; g++) {
				String id = client.createGroup("Crash team " + g);
				this.attemptedBatches.put(id, new ArrayList<>());
				this.acknowledgedBatches.put(id, new ArrayList<>());
			}
			for (int crash = 1; crash <= CRASHES; crash++) {
				runLoadAndKill(roster, Duration.ofMillis(random.nextInt(800)), random.nextLong());
				roster.start();

				verify(new Client(roster), "after crash " + crash + " (seed " + seed + ")");
				assertThat(this.failures).as("unexpected responses before crash %d", crash).isEmpty();
			}
		}
	}

	/**
	 * Runs the load until it has provisioned a few more users, then for a random extra
	 * time, and kills the process.
	 */
	private void runLoadAndKill(RosterProcess roster, Duration killAfter, long seed) throws InterruptedException {
		AtomicBoolean killed = new AtomicBoolean();
		List<Thread> clients = new ArrayList<>();
		int before = this.acknowledgedUsers.size();
		for (int c = 0; c < CLIENTS; c++) {
			Random random = new Random(seed + c);
			Client client = new Client(roster);
			Thread thread = new Thread(() -> load(client, random, killed), "crash-load-" + c);
			thread.start();
			clients.add(thread);
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (this.acknowledgedUsers.size() < before + 10 && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(this.acknowledgedUsers.size()).as("users acknowledged within 30 s")
			.isGreaterThanOrEqualTo(before + 10);
		Thread.sleep(killAfter.toMillis());
		roster.kill();
		killed.set(true);
		for (Thread thread : clients) {
			thread.join(Duration.ofSeconds(30).toMillis());
			assertThat(thread.isAlive()).as("a load client still running 30 s after the kill").isFalse();
		}
	}

	/**
	 * Sends requests until the process is killed; an error after the kill ends the
	 * client.
	 */
	private void load(Client client, Random random, AtomicBoolean killed) {
		while (!killed.get()) {
			try {
				if (this.usableMembers.size() < BATCH * 2 || random.nextInt(3) > 0) {
					createUser(client);
				}
				else {
					addBatch(client, random);
				}
			}
			catch (IOException ex) {
				// The process is dying, so the outcome of this request is unknown; the
				// next one fails until the kill is noticed.
				Thread.onSpinWait();
			}
			catch (AssertionError ex) {
				this.failures.add(ex.getMessage());
				return;
			}
		}
	}

	private void createUser(Client client) throws IOException {
		String userName = "crash.user" + this.nextUser.incrementAndGet() + "@example.com";
		Set<String> emails = Set.of("work." + userName, "home." + userName, "other." + userName);
		this.attemptedEmails.put(userName, emails);
		String id = client.createUser(userName, emails);
		this.acknowledgedUsers.put(userName, id);
		this.usableMembers.add(id);
	}

	private void addBatch(Client client, Random random) throws IOException {
		List<String> groups = new ArrayList<>(this.attemptedBatches.keySet());
		String group = groups.get(random.nextInt(groups.size()));
		Set<String> batch = new HashSet<>();
		synchronized (this.attemptedBatches) {
			Set<String> taken = new HashSet<>();
			this.attemptedBatches.get(group).forEach(taken::addAll);
			for (String member : this.usableMembers) {
				if (batch.size() < BATCH && !taken.contains(member)) {
					batch.add(member);
				}
			}
			if (batch.isEmpty()) {
				return;
			}
			this.attemptedBatches.get(group).add(batch);
		}
		client.addMembers(group, batch);
		synchronized (this.attemptedBatches) {
			this.acknowledgedBatches.get(group).add(batch);
		}
	}

	private void verify(Client client, String when) throws IOException {
		Map<String, JsonNode> users = client.listUsers();
		for (Map.Entry<String, String> acknowledged : this.acknowledgedUsers.entrySet()) {
			assertThat(users).as("acknowledged user %s %s", acknowledged.getKey(), when)
				.containsKey(acknowledged.getKey());
		}
		for (Map.Entry<String, JsonNode> user : users.entrySet()) {
			assertThat(emailsOf(user.getValue())).as("emails of %s %s", user.getKey(), when)
				.isEqualTo(this.attemptedEmails.get(user.getKey()));
		}
		for (Map.Entry<String, List<Set<String>>> group : this.attemptedBatches.entrySet()) {
			Set<String> members = client.members(group.getKey());
			Set<String> attempted = new HashSet<>();
			for (Set<String> batch : group.getValue()) {
				attempted.addAll(batch);
				Set<String> present = new HashSet<>(batch);
				present.retainAll(members);
				assertThat(present).as("members of one PATCH batch to group %s %s", group.getKey(), when)
					.satisfiesAnyOf((set) -> assertThat(set).isEmpty(), (set) -> assertThat(set).isEqualTo(batch));
			}
			for (Set<String> batch : this.acknowledgedBatches.get(group.getKey())) {
				assertThat(members).as("acknowledged PATCH batch of group %s %s", group.getKey(), when)
					.containsAll(batch);
			}
			assertThat(attempted).as("members of group %s %s", group.getKey(), when).containsAll(members);
		}
	}

	private static Set<String> emailsOf(JsonNode user) {
		Set<String> emails = new HashSet<>();
		user.path("emails").forEach((email) -> emails.add(email.path("value").asString()));
		return emails;
	}

	/** A small SCIM client whose calls throw {@link IOException} on any failure. */
	private static final class Client {

		private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

		private final String scimUrl;

		private final String token;

		Client(RosterProcess roster) {
			this.scimUrl = roster.scimUrl();
			this.token = roster.demoToken();
		}

		String createUser(String userName, Set<String> emails) throws IOException {
			StringBuilder values = new StringBuilder();
			for (String email : emails) {
				values.append(values.isEmpty() ? "" : ",").append("{\"value\":\"").append(email).append("\"}");
			}
			String body = """
					{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
					 "emails":[%s]}""".formatted(userName, values);
			return send("POST", "/Users", body, 201).get("id").asString();
		}

		String createGroup(String displayName) throws IOException {
			String body = """
					{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"%s"}"""
				.formatted(displayName);
			return send("POST", "/Groups", body, 201).get("id").asString();
		}

		void addMembers(String groupId, Set<String> memberIds) throws IOException {
			StringBuilder values = new StringBuilder();
			for (String id : memberIds) {
				values.append(values.isEmpty() ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
			}
			String body = """
					{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
					 "Operations":[{"op":"add","path":"members","value":[%s]}]}""".formatted(values);
			send("PATCH", "/Groups/" + groupId, body, 204);
		}

		Map<String, JsonNode> listUsers() throws IOException {
			Map<String, JsonNode> users = new HashMap<>();
			for (int start = 1;; start += 500) {
				JsonNode page = send("GET", "/Users?startIndex=" + start + "&count=500", null, 200);
				page.path("Resources").forEach((user) -> users.put(user.get("userName").asString(), user));
				if (page.path("Resources").isEmpty()) {
					return users;
				}
			}
		}

		Set<String> members(String groupId) throws IOException {
			Set<String> members = new HashSet<>();
			send("GET", "/Groups/" + groupId, null, 200).path("members")
				.forEach((member) -> members.add(member.get("value").asString()));
			return members;
		}

		private JsonNode send(String method, String path, String body, int expectedStatus) throws IOException {
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.scimUrl + path))
				.timeout(Duration.ofSeconds(10))
				.header("Authorization", "Bearer " + this.token)
				.header("Content-Type", "application/scim+json")
				.method(method,
						(body != null) ? HttpRequest.BodyPublishers.ofString(body)
								: HttpRequest.BodyPublishers.noBody())
				.build();
			HttpResponse<String> response;
			try {
				response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException(ex);
			}
			if (response.statusCode() != expectedStatus) {
				throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ", not "
						+ expectedStatus + ": " + response.body());
			}
			return response.body().isEmpty() ? JsonUtils.getJsonNodeFactory().objectNode()
					: JsonUtils.getObjectReader().readTree(response.body());
		}

	}

}
