package io.roster.bench;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A load benchmark of Roster's SCIM API that replays what identity providers send. Its
 * phases are an initial sync, lookups by userName before creates, full startIndex and
 * cursor walks, membership PATCHes into teams of growing size, parallel PATCH streams
 * into one team, deactivation and deletion. It prints throughput and p50/p99 latency per
 * phase, and the throughput of {@code GET /actuator/info} (a constant body, no database
 * access, no SCIM authentication) from the same server as the ceiling the SCIM phases
 * compare with. On PostgreSQL the sync and the ceiling each begin once autovacuum has
 * finished with the tables that the phases before them changed ({@link AutovacuumWait}).
 * <p>
 * Run it with {@code ./mvnw -B -Pbench package -DskipTests}; the system properties
 * {@code bench.colleagues}, {@code bench.clients}, {@code bench.database} ({@code h2} or
 * {@code postgresql}), {@code bench.heap}, {@code bench.changes}, {@code bench.warm-up}
 * and {@code bench.phase-seconds} set its size, {@code bench.postgres-config} adds
 * PostgreSQL settings, and {@code bench.seed=sql} inserts the colleagues in SQL in place
 * of the sync phase (see {@code docs/benchmarks.md}). It starts the packaged jar on
 * 127.0.0.1 and sends requests only there.
 */
public final class LoadBenchmark {

	private static final String DEACTIVATE = """
			{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
			 "Operations": [{"op": "replace", "path": "active", "value": false}]}""";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int PAGE = 100;

	private static final int STREAMS = 16;

	private static final int STREAM_ROUNDS = 4;

	private final BenchClient client;

	private final LoadDriver driver;

	private final int colleagues;

	private final int clients;

	private final int changes;

	private final String[] ids;

	/** The server's PostgreSQL database, or null on H2. */
	private final DataSource postgres;

	private final Duration limit;

	private final List<PhaseResult> results = new ArrayList<>();

	private LoadBenchmark(BenchClient client, LoadDriver driver, DataSource postgres, Duration limit, int colleagues,
			int clients, int changes) {
		this.client = client;
		this.driver = driver;
		this.postgres = postgres;
		this.limit = limit;
		this.colleagues = colleagues;
		this.clients = clients;
		this.changes = changes;
		this.ids = new String[colleagues];
	}

	public static void main(String[] args) throws Exception {
		int colleagues = Integer.getInteger("bench.colleagues", 10_000);
		int clients = Integer.getInteger("bench.clients", 8);
		int changes = Integer.getInteger("bench.changes", Math.min(colleagues, 10_000));
		int warmUp = Integer.getInteger("bench.warm-up", 10_000);
		String database = System.getProperty("bench.database", "h2").toLowerCase(Locale.ROOT);
		String heap = System.getProperty("bench.heap", "256m");
		Duration limit = Duration.ofSeconds(Long.getLong("bench.phase-seconds", 900));
		Path jar = Path.of(System.getProperty("bench.jar", "target/roster.jar"));
		boolean seed = System.getProperty("bench.seed", "http").equals("sql");
		if (colleagues < 4_000) {
			throw new IllegalArgumentException("bench.colleagues must be at least 4000, not " + colleagues);
		}
		printSetup(colleagues, clients, database, heap);
		try (BenchServer server = BenchServer.start(jar, database, heap)) {
			requireLoopback(server.baseUrl());
			System.out.println("server data directory and log: " + server.dataDir());
			LoadBenchmark benchmark = new LoadBenchmark(new BenchClient(server.baseUrl(), server.token()),
					new LoadDriver(limit, new CpuMeter(server::cpuNanos)), server.postgresDatabase(), limit, colleagues,
					clients, changes);
			if (seed) {
				long start = System.nanoTime();
				String[] ids = (server.postgresDatabase() != null)
						? DirectorySeed.insert(server.postgresDatabase(), colleagues)
						: server.whileStopped((dataDir) -> DirectorySeed.insertH2(dataDir, colleagues));
				System.arraycopy(ids, 0, benchmark.ids, 0, colleagues);
				System.out.printf(Locale.ROOT, "seeded %d colleagues in SQL in %.0f s; initial sync not measured%n%n",
						colleagues, (System.nanoTime() - start) / 1e9);
			}
			benchmark.runAll(warmUp, !seed);
			boolean outOfMemory = Files.readString(server.log()).contains("OutOfMemoryError");
			System.out.printf(Locale.ROOT, "%nserver alive at the end: %s; OutOfMemoryError in its log: %s%n",
					server.isAlive(), outOfMemory);
			Path h2File = server.dataDir().resolve("roster.mv.db");
			if (Files.exists(h2File)) {
				System.out.printf(Locale.ROOT, "H2 database file at the end: %.0f MB%n", Files.size(h2File) / 1e6);
			}
		}
	}

	private void runAll(int warmUp, boolean sync) throws Exception {
		System.out.println(PhaseResult.HEADER);
		AutovacuumWait autovacuum = startAutovacuumWait((warmUp > 0) ? "the warm-up" : "the run");
		if (warmUp > 0) {
			warmUp(warmUp);
		}
		if (sync) {
			awaitAutovacuum(autovacuum);
			autovacuum = startAutovacuumWait("the sync");
			record(sync());
		}
		awaitAutovacuum(autovacuum);
		record(ceiling());
		record(lookups());
		record(walk("startIndex walk", false));
		record(walk("cursor walk", true));
		membership();
		record(parallelStreams());
		record(deactivate());
		record(delete());
	}

	private AutovacuumWait startAutovacuumWait(String phase) throws SQLException {
		return (this.postgres != null) ? AutovacuumWait.start(this.postgres, phase) : null;
	}

	private void awaitAutovacuum(AutovacuumWait autovacuum) throws SQLException, InterruptedException {
		if (autovacuum != null) {
			autovacuum.await(this.limit);
			System.out.println(PhaseResult.HEADER);
		}
	}

	private void record(PhaseResult result) {
		this.results.add(result);
		System.out.println(result.line());
	}

	private PhaseResult sync() throws Exception {
		return this.driver.run("initial sync (POST /Users)", this.colleagues, this.clients, "", (n) -> {
			HttpResponse<String> response = this.client.scim("POST", "/Users", userBody(n));
			if (response.statusCode() != 201) {
				return false;
			}
			this.ids[n] = JSON.readTree(response.body()).get("id").asString();
			return true;
		});
	}

	/**
	 * Creates and looks up users outside the measured range, adds them to a team in
	 * PATCHes of 20 and 100 and reads it, then deletes the users and the team. A last
	 * round sends creates, lookups, reads, team PATCHes, deactivations and deletes at
	 * once. So the server's JIT has compiled the SCIM paths before the first measured
	 * phase, as in a server that has been running. The users' userNames and externalIds
	 * differ from those of the sync, so no later create matches them.
	 */
	private void warmUp(int users) throws Exception {
		String[] warmIds = new String[users];
		record(this.driver.run("warm-up users (not measured)", users, this.clients, "create, look up", (n) -> {
			String userName = "warm-up." + n + "@bench.example.com";
			HttpResponse<String> created = this.client.scim("POST", "/Users", userBody(userName, "warm-up-" + n, n));
			if (created.statusCode() != 201) {
				return false;
			}
			warmIds[n] = JSON.readTree(created.body()).get("id").asString();
			String filter = BenchClient.encode("userName eq \"" + userName + "\"");
			return this.client.scim("GET", "/Users?filter=" + filter, null).statusCode() == 200;
		}));
		String team = createTeam("Warm-up");
		int smallPatch = 20;
		int largePatch = PAGE;
		int half = users / 2;
		int smallPatches = (half + smallPatch - 1) / smallPatch;
		int patches = smallPatches + (users - half + largePatch - 1) / largePatch;
		record(this.driver.run("warm-up teams (not measured)", patches, this.clients,
				"PATCHes of " + smallPatch + " and " + largePatch + ", reads", (n) -> {
					boolean small = n < smallPatches;
					int from = small ? n * smallPatch : half + (n - smallPatches) * largePatch;
					int to = small ? Math.min(half, from + smallPatch) : Math.min(users, from + largePatch);
					return addMembers(team, warmIds, from, to) == 204
							&& this.client.scim("GET", "/Groups/" + team + "?excludedAttributes=members", null)
								.statusCode() == 200;
				}));
		record(this.driver.run("warm-up deletes (not measured)", users, this.clients, "",
				(n) -> this.client.scim("DELETE", "/Users/" + warmIds[n], null).statusCode() == 204));
		deleteTeam(team, "Warm-up");
		record(warmUpMix(Math.max(1, users / 5)));
	}

	/**
	 * Runs a last warm-up round in which each task creates a user, looks it up, reads it,
	 * adds it to a team, deactivates it and deletes it, so with several clients all these
	 * kinds of request arrive at once. The phases before each send one or two kinds.
	 * Without this round, the JIT compiled code for the last of them and compiled it
	 * again early in the sync. In JFR profiles at 10 000 colleagues on PostgreSQL,
	 * compilations of more than 100 ms took 3.4 s of the sync's 10 s of server time
	 * before this round and 0.8 s with it (docs/benchmarks.md).
	 */
	private PhaseResult warmUpMix(int users) throws Exception {
		String team = createTeam("Warm-up mix");
		PhaseResult result = this.driver.run("warm-up mix (not measured)", users, this.clients,
				"create, look up, read, add to team, deactivate, delete", (n) -> {
					String userName = "warm-up-mix." + n + "@bench.example.com";
					HttpResponse<String> created = this.client.scim("POST", "/Users",
							userBody(userName, "warm-up-mix-" + n, n));
					if (created.statusCode() != 201) {
						return false;
					}
					String id = JSON.readTree(created.body()).get("id").asString();
					String filter = BenchClient.encode("userName eq \"" + userName + "\"");
					boolean served = this.client.scim("GET", "/Users?filter=" + filter, null).statusCode() == 200
							&& this.client.scim("GET", "/Users/" + id, null).statusCode() == 200
							&& addMembers(team, new String[] { id }, 0, 1) == 204
							&& this.client.scim("PATCH", "/Users/" + id, DEACTIVATE).statusCode() == 200;
					// The user is deleted even after a failed step, so that no warm-up
					// user is left for the walks to count.
					boolean deletedUser = this.client.scim("DELETE", "/Users/" + id, null).statusCode() == 204;
					return served && deletedUser;
				});
		deleteTeam(team, "Warm-up mix");
		return result;
	}

	private PhaseResult ceiling() throws Exception {
		return this.driver.run("ceiling (GET /actuator/info)", 20_000, this.clients, "constant body",
				(n) -> this.client.plainGet("/actuator/info") == 200);
	}

	private PhaseResult lookups() throws Exception {
		int requests = Math.min(this.colleagues * 2, 20_000);
		return this.driver.run("lookup by userName", requests, this.clients, "80 % hits, 20 % misses", (n) -> {
			boolean hit = n % 5 != 4;
			String userName = hit ? userName(spread(n)) : "missing." + n + "@bench.example.com";
			String filter = BenchClient.encode("userName eq \"" + userName + "\"");
			HttpResponse<String> response = this.client.scim("GET", "/Users?filter=" + filter, null);
			return response.statusCode() == 200
					&& JSON.readTree(response.body()).get("totalResults").asInt() == (hit ? 1 : 0);
		});
	}

	/** Walks all Users from one client, page after page, as an import does. */
	private PhaseResult walk(String name, boolean cursor) throws Exception {
		int pages = (this.colleagues + PAGE - 1) / PAGE;
		Set<String> seen = new TreeSet<>();
		long[] totals = new long[1];
		String[] next = { "" };
		PhaseResult result = this.driver.run(name, pages, 1, "", (n) -> {
			if (next[0] == null) {
				return true;
			}
			String query = cursor ? "cursor=" + next[0] : "startIndex=" + (n * PAGE + 1);
			HttpResponse<String> response = this.client.scim("GET", "/Users?count=" + PAGE + "&" + query, null);
			JsonNode page = JSON.readTree(response.body());
			page.get("Resources").forEach((user) -> seen.add(user.get("id").asString()));
			totals[0] = page.get("totalResults").asLong();
			JsonNode nextCursor = page.get("nextCursor");
			next[0] = cursor ? ((nextCursor != null) ? nextCursor.asString() : null)
					: (page.get("Resources").size() < PAGE ? null : "");
			return response.statusCode() == 200;
		});
		String note = String.format(Locale.ROOT,
				"pages of %d; first 10 pages p50 %.2f ms, last 10 p50 %.2f ms; totalResults %d, distinct ids %d", PAGE,
				medianMillis(result.latencies(), 0, 10),
				medianMillis(result.latencies(), result.latencies().length - 11, 10), totals[0], seen.size());
		return result.withNote(result.note() + note);
	}

	/**
	 * Fills teams of several sizes in PATCHes of 100, then times adds and reads on each.
	 */
	private void membership() throws Exception {
		int half = this.colleagues / 2;
		TreeSet<Integer> sizes = new TreeSet<>(List.of(10, Math.min(10_000, half), Math.min(100_000, half)));
		List<String> teams = new ArrayList<>();
		List<int[]> fills = new ArrayList<>();
		for (int size : sizes) {
			String team = createTeam("Team of " + size);
			teams.add(team);
			for (int from = 0; from < size; from += PAGE) {
				fills.add(new int[] { teams.size() - 1, from, Math.min(size, from + PAGE) });
			}
		}
		PhaseResult fill = this.driver.run("membership fill (PATCH of <=100)", fills.size(), this.clients,
				"teams of " + sizes, (n) -> {
					int[] range = fills.get(n);
					return addMembers(teams.get(range[0]), range[1], range[2]) == 204;
				});
		int members = sizes.stream().mapToInt(Integer::intValue).sum();
		record(fill.withNote(
				String.format(Locale.ROOT, "%.0f members/s; teams of %s", members / (fill.wallNanos() / 1e9), sizes)));
		int index = 0;
		for (int size : sizes) {
			String team = teams.get(index++);
			int base = Math.max(size, half);
			record(this.driver.run("add 100 to team of " + size, 20, 1, "one client, 100 new members each",
					(n) -> addMembers(team, base + n * PAGE, base + (n + 1) * PAGE) == 204));
			record(this.driver.run("read team of " + size, 200, this.clients, "excludedAttributes=members",
					(n) -> this.client.scim("GET", "/Groups/" + team + "?excludedAttributes=members", null)
						.statusCode() == 200));
		}
		String largest = BenchClient.encode("displayName eq \"Team of " + sizes.last() + "\"");
		record(this.driver.run("find team of " + sizes.last() + " by name", 200, this.clients,
				"filter, excludedAttributes=members",
				(n) -> this.client.scim("GET", "/Groups?excludedAttributes=members&filter=" + largest, null)
					.statusCode() == 200));
	}

	/**
	 * Sends 16 parallel streams of PATCHes into one team and checks that no member is
	 * lost. The phase repeats this with a new team {@link #STREAM_ROUNDS} times, so it
	 * lasts long enough for a steady rate while each team gets the same members as in a
	 * single round.
	 */
	private PhaseResult parallelStreams() throws Exception {
		int perRound = STREAMS * 25;
		int perPatch = Math.min(20, this.colleagues / perRound);
		List<String> teams = new ArrayList<>();
		for (int round = 0; round < STREAM_ROUNDS; round++) {
			teams.add(createTeam("Parallel streams " + round));
		}
		PhaseResult result = this.driver.run("16 parallel PATCH streams", STREAM_ROUNDS * perRound, STREAMS, "",
				(n) -> {
					int inRound = n % perRound;
					return addMembers(teams.get(n / perRound), inRound * perPatch, (inRound + 1) * perPatch) == 204;
				});
		List<Integer> found = new ArrayList<>();
		for (String team : teams) {
			HttpResponse<String> read = this.client.scim("GET", "/Groups/" + team + "?attributes=members", null);
			JsonNode members = JSON.readTree(read.body()).get("members");
			found.add((members != null) ? members.size() : 0);
		}
		String note = String.format(Locale.ROOT,
				"%d teams one after another, %d members per PATCH; members expected %d per team, found %s",
				STREAM_ROUNDS, perPatch, perRound * perPatch, found);
		return result.withNote(result.note() + note);
	}

	private PhaseResult deactivate() throws Exception {
		return this.driver.run("deactivate (PATCH active=false)", this.changes, this.clients, "",
				(n) -> this.client.scim("PATCH", "/Users/" + this.ids[n], DEACTIVATE).statusCode() == 200);
	}

	private PhaseResult delete() throws Exception {
		return this.driver.run("delete (DELETE /Users)", this.changes, this.clients, "",
				(n) -> this.client.scim("DELETE", "/Users/" + this.ids[n], null).statusCode() == 204);
	}

	private String createTeam(String name) throws Exception {
		String body = """
				{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "%s"}""".formatted(name);
		HttpResponse<String> response = this.client.scim("POST", "/Groups", body);
		if (response.statusCode() != 201) {
			throw new IllegalStateException("Creating team " + name + " failed with " + response.statusCode());
		}
		return JSON.readTree(response.body()).get("id").asString();
	}

	private void deleteTeam(String team, String name) throws Exception {
		int status = this.client.scim("DELETE", "/Groups/" + team, null).statusCode();
		if (status != 204) {
			throw new IllegalStateException("Deleting team " + name + " failed with status " + status);
		}
	}

	/** Adds the colleagues with numbers from {@code from} (inclusive) to {@code to}. */
	private int addMembers(String team, int from, int to) throws Exception {
		return addMembers(team, this.ids, from, to);
	}

	/** Adds the colleagues {@code ids[from]} to {@code ids[to - 1]} to the team. */
	private int addMembers(String team, String[] ids, int from, int to) throws Exception {
		StringBuilder values = new StringBuilder();
		for (int i = from; i < to; i++) {
			values.append((i > from) ? "," : "").append("{\"value\":\"").append(ids[i]).append("\"}");
		}
		String body = """
				{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations": [{"op": "add", "path": "members", "value": [%s]}]}""".formatted(values);
		return this.client.scim("PATCH", "/Groups/" + team, body).statusCode();
	}

	/** Maps a request number onto a colleague number, spread over the whole range. */
	private int spread(int n) {
		return (int) ((n * 7919L) % this.colleagues);
	}

	private static String userName(int n) {
		return "user." + n + "@bench.example.com";
	}

	private static String userBody(int n) {
		return userBody(userName(n), "ext-" + n, n);
	}

	private static String userBody(String userName, String externalId, int n) {
		return """
				{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "%s", "externalId": "%s",
				 "name": {"givenName": "Given%d", "familyName": "Family%d"}, "active": true,
				 "emails": [{"value": "%s", "type": "work", "primary": true}]}""".formatted(userName, externalId, n, n,
				userName);
	}

	private static double medianMillis(long[] latencies, int from, int count) {
		int start = Math.max(0, from);
		long[] slice = Arrays.copyOfRange(latencies, start, Math.min(latencies.length, start + count));
		if (slice.length == 0) {
			return Double.NaN;
		}
		Arrays.sort(slice);
		return slice[slice.length / 2] / 1e6;
	}

	private static void requireLoopback(String url) {
		String host = URI.create(url).getHost();
		if (!host.equals("127.0.0.1")) {
			throw new IllegalStateException("The benchmark sends requests only to 127.0.0.1, not " + host);
		}
	}

	private static void printSetup(int colleagues, int clients, String database, String heap) {
		Runtime runtime = Runtime.getRuntime();
		System.out.printf(Locale.ROOT,
				"Roster load benchmark: %d colleagues, %d clients, database %s, server heap -Xmx%s%n"
						+ "machine: %d cores, Java %s (%s), %s %s%n",
				colleagues, clients, database, heap, runtime.availableProcessors(), System.getProperty("java.version"),
				System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.arch"));
		if (database.equals("postgresql")) {
			System.out.println("PostgreSQL settings: " + BenchServer.postgresConfig());
		}
		System.out.println();
	}

}
