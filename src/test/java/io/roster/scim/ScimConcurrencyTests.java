package io.roster.scim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.roster.support.RosterServer;
import io.roster.support.TestCompany;
import io.roster.tenant.ConnectionState;
import io.roster.tenant.IdentityProvider;
import io.roster.tenant.Plan;
import io.roster.tenant.ScimConnection;
import io.roster.tenant.ScimConnections;
import io.roster.tenant.ScimTokens;
import io.roster.support.ScimHttp;
import io.roster.support.TestDatabase;

import tools.jackson.databind.JsonNode;

import static io.roster.scim.ScimFixtures.createGroup;
import static io.roster.scim.ScimFixtures.createUser;
import static io.roster.scim.ScimFixtures.groupBody;
import static io.roster.scim.ScimFixtures.memberIds;
import static io.roster.scim.ScimFixtures.patchBody;
import static io.roster.scim.ScimFixtures.userBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that identity providers send at the same time against one resource: parallel
 * membership PATCHes, conditional writes, creates of one userName and deletes of users
 * who share teams. Each race starts its requests together at a barrier and checks the
 * outcome, not the timing.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ScimConcurrencyTests {

	private static final int STREAMS = 16;

	private static final int PATCHES_PER_STREAM = 4;

	private static final int MEMBERS_PER_PATCH = 5;

	private static final int RACES = 5;

	private static final int SHARED_TEAMS = 10;

	private static final int LEAVERS = 80;

	private static final int DELETERS = 16;

	private static final int FILLER_TEAMS = 1000;

	/** Membership streams that race a replace, an If-Match PATCH or a delete. */
	private static final int MIXED_STREAMS = 12;

	private static RosterServer server;

	private static ScimHttp scim;

	private static ExecutorService executor;

	@Parameter
	TestDatabase database;

	@BeforeParameterizedClassInvocation
	static void startServer(TestDatabase database) {
		// Every stream belongs to one company and they all send at once, so the company's
		// concurrency cap is raised to the number of streams. The tests send more
		// requests than the default rate limit's burst, so the rate limit is raised too.
		server = RosterServer.start(database,
				Map.of("roster.scim.max-concurrent-requests-per-company", String.valueOf(STREAMS),
						"roster.scim.rate-limit.requests-per-second", "1000000", "roster.scim.rate-limit.burst",
						"1000000"));
		scim = new ScimHttp(server.scimUrl(), server.demoToken());
		executor = Executors.newFixedThreadPool(STREAMS);
	}

	@AfterParameterizedClassInvocation
	static void stopServer() {
		executor.shutdownNow();
		server.close();
	}

	@Test
	void parallelPatchStreamsLoseNoMember() throws Exception {
		String group = createGroup(scim, "Parallel streams " + this.database).get("id").asString();
		List<String> users = new ArrayList<>();
		for (int i = 0; i < STREAMS * PATCHES_PER_STREAM * MEMBERS_PER_PATCH; i++) {
			users.add(createUser(scim, "stream." + i + "." + this.database + "@example.com").get("id").asString());
		}
		List<Callable<List<Integer>>> streams = new ArrayList<>();
		CyclicBarrier start = new CyclicBarrier(STREAMS);
		for (int stream = 0; stream < STREAMS; stream++) {
			int first = stream * PATCHES_PER_STREAM * MEMBERS_PER_PATCH;
			streams.add(() -> {
				start.await();
				List<Integer> statuses = new ArrayList<>();
				for (int patch = 0; patch < PATCHES_PER_STREAM; patch++) {
					int from = first + patch * MEMBERS_PER_PATCH;
					statuses
						.add(scim.patch("/Groups/" + group, addMembers(users.subList(from, from + MEMBERS_PER_PATCH)))
							.status());
				}
				return statuses;
			});
		}

		List<Integer> statuses = new ArrayList<>();
		for (Future<List<Integer>> result : executor.invokeAll(streams)) {
			statuses.addAll(result.get());
		}

		assertThat(statuses).containsOnly(204);
		JsonNode members = scim.get("/Groups/" + group + "?attributes=members").json().get("members");
		Set<String> memberIds = new HashSet<>();
		members.forEach((member) -> memberIds.add(member.get("value").asString()));
		assertThat(members.size()).isEqualTo(users.size());
		assertThat(memberIds).containsExactlyInAnyOrderElementsOf(users);
	}

	@Test
	void deletesOfTeamMatesAllSucceed() throws Exception {
		// With this many teams, PostgreSQL 17 plans the removal from all teams as a scan
		// of the user's membership rows, in the order they were added, instead of a scan
		// of the company's teams in id order.
		createGroups(FILLER_TEAMS, "Filler %d " + this.database);
		List<String> teams = new ArrayList<>();
		for (int team = 0; team < SHARED_TEAMS; team++) {
			teams.add(createGroup(scim, "Shared " + team + " " + this.database).get("id").asString());
		}
		List<String> users = new ArrayList<>();
		for (int i = 0; i < LEAVERS; i++) {
			users.add(createUser(scim, "leaver." + i + "." + this.database + "@example.com").get("id").asString());
		}
		// Each user joins the teams in its own order, so that the membership rows of two
		// users list the teams in different orders. In round r every team adds the users
		// whose r-th team it is.
		Random random = new Random(LEAVERS);
		List<List<String>> joinOrders = new ArrayList<>();
		for (int i = 0; i < LEAVERS; i++) {
			List<String> joinOrder = new ArrayList<>(teams);
			Collections.shuffle(joinOrder, random);
			joinOrders.add(joinOrder);
		}
		for (int round = 0; round < SHARED_TEAMS; round++) {
			for (String team : teams) {
				List<String> joining = new ArrayList<>();
				for (int i = 0; i < LEAVERS; i++) {
					if (joinOrders.get(i).get(round).equals(team)) {
						joining.add(users.get(i));
					}
				}
				if (!joining.isEmpty()) {
					assertThat(scim.patch("/Groups/" + team, addMembers(joining)).status()).isEqualTo(204);
				}
			}
		}
		List<Long> versionsBefore = teams.stream().map(ScimConcurrencyTests::groupVersion).toList();
		List<Callable<List<String>>> deleters = new ArrayList<>();
		CyclicBarrier start = new CyclicBarrier(DELETERS);
		for (int deleter = 0; deleter < DELETERS; deleter++) {
			List<String> own = new ArrayList<>();
			for (int i = deleter; i < users.size(); i += DELETERS) {
				own.add(users.get(i));
			}
			deleters.add(() -> {
				start.await();
				List<String> outcomes = new ArrayList<>();
				for (String user : own) {
					ScimHttp.Response response = scim.delete("/Users/" + user);
					outcomes.add(response.status() + " " + response.body());
				}
				return outcomes;
			});
		}

		List<String> outcomes = new ArrayList<>();
		for (Future<List<String>> result : executor.invokeAll(deleters)) {
			outcomes.addAll(result.get());
		}

		assertThat(outcomes).hasSize(LEAVERS).allSatisfy((outcome) -> assertThat(outcome).startsWith("204 "));
		for (int team = 0; team < teams.size(); team++) {
			String path = "/Groups/" + teams.get(team);
			assertThat(ScimFixtures.memberIds(scim, path)).as("members of %s", path).isEmpty();
			assertThat(groupVersion(teams.get(team))).as("version of %s", path)
				.isEqualTo(versionsBefore.get(team) + LEAVERS);
		}
	}

	@Test
	void ifMatchRaceHasOneWinner() throws Exception {
		String id = createUser(scim, "if-match." + this.database + "@example.com").get("id").asString();
		for (int race = 0; race < RACES; race++) {
			String etag = scim.get("/Users/" + id).header("ETag");
			String patch = patchBody(
					"{\"op\": \"replace\", \"path\": \"title\", \"value\": \"Writer %d." + race + "\"}");

			List<Integer> statuses = race(2,
					(writer) -> scim.patch("/Users/" + id, patch.formatted(writer), "If-Match", etag).status());

			assertThat(statuses).as("statuses of race %d", race).containsExactlyInAnyOrder(200, 412);
			assertThat(scim.get("/Users/" + id).header("ETag")).isNotEqualTo(etag);
		}
	}

	@Test
	void userNameRaceCreatesOneColleague() throws Exception {
		for (int race = 0; race < RACES; race++) {
			String userName = "unique." + race + "." + this.database + "@example.com";

			List<Integer> statuses = race(2, (writer) -> scim.post("/Users", userBody(userName)).status());

			assertThat(statuses).as("statuses of race %d", race).containsExactlyInAnyOrder(201, 409);
			JsonNode found = scim.get("/Users?filter=userName%20eq%20%22" + userName + "%22").json();
			assertThat(found.get("totalResults").asInt()).isEqualTo(1);
		}
	}

	@Test
	void overlappingAddsRecordEachJoinOnce() throws Exception {
		String group = createGroup(scim, "Overlapping adds " + this.database).get("id").asString();
		List<String> users = users("overlap", 30);
		long versionBefore = groupVersion(group);
		List<Callable<List<Integer>>> streams = new ArrayList<>();
		for (int stream = 0; stream < MIXED_STREAMS; stream++) {
			// Every PATCH names all the users, each PATCH in an order of its own, so all
			// of them write the same membership rows.
			Random random = new Random(stream);
			streams.add(() -> {
				List<Integer> statuses = new ArrayList<>();
				for (int patch = 0; patch < PATCHES_PER_STREAM; patch++) {
					List<String> shuffled = new ArrayList<>(users);
					Collections.shuffle(shuffled, random);
					statuses.add(scim.patch("/Groups/" + group, addMembers(shuffled)).status());
				}
				return statuses;
			});
		}

		List<Integer> statuses = runTogether(streams);

		assertThat(statuses).containsOnly(204);
		assertThat(memberIds(scim, "/Groups/" + group)).containsExactlyInAnyOrderElementsOf(users);
		assertThat(groupVersion(group)).isEqualTo(versionBefore + MIXED_STREAMS * PATCHES_PER_STREAM);
		for (String user : users) {
			assertThat(joinedEntries(user)).as("joined_team entries of %s", user).isEqualTo(1);
		}
	}

	@Test
	void replaceWaitsForMemberPatches() throws Exception {
		String group = createGroup(scim, "Replace race " + this.database).get("id").asString();
		List<String> users = users("replace", MIXED_STREAMS * PATCHES_PER_STREAM + 3);
		List<String> replacement = users.subList(users.size() - 3, users.size());
		List<Callable<List<Integer>>> writers = new ArrayList<>();
		for (int stream = 0; stream < MIXED_STREAMS; stream++) {
			int first = stream * PATCHES_PER_STREAM;
			writers.add(() -> {
				List<Integer> statuses = new ArrayList<>();
				for (int patch = 0; patch < PATCHES_PER_STREAM; patch++) {
					// Each PATCH also adds the users of the replacement, the rows the PUT
					// writes too.
					List<String> adding = new ArrayList<>(replacement);
					adding.add(users.get(first + patch));
					statuses.add(scim.patch("/Groups/" + group, addMembers(adding)).status());
				}
				return statuses;
			});
		}
		writers.add(() -> List.of(scim
			.put("/Groups/" + group, groupBody("Replace race " + this.database, replacement.toArray(String[]::new)))
			.status()));
		writers.add(() -> {
			String etag = scim.get("/Groups/" + group).header("ETag");
			return List
				.of(scim.patch("/Groups/" + group, addMembers(replacement.subList(0, 1)), "If-Match", etag).status());
		});

		List<Integer> statuses = runTogether(writers);
		Set<String> members = new HashSet<>(memberIds(scim, "/Groups/" + group));

		assertThat(statuses).allMatch((status) -> status == 200 || status == 204 || status == 412);
		assertThat(members).containsAll(replacement);
		assertThat(users).containsAll(members);
	}

	@Test
	void deletedUserLeavesEveryGroup() throws Exception {
		List<String> users = users("leaving", 9);
		String leaving = users.get(0);
		List<String> groups = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			groups.add(createGroup(scim, "Leaving " + i + " " + this.database, leaving).get("id").asString());
		}
		List<Callable<List<Integer>>> writers = new ArrayList<>();
		for (String group : groups) {
			writers.add(() -> {
				List<Integer> statuses = new ArrayList<>();
				for (String user : users.subList(1, users.size())) {
					statuses
						.add(scim.patch("/Groups/" + group,
								patchBody(
										"{\"op\": \"remove\", \"path\": \"members[value eq \\\"" + leaving + "\\\"]\"}",
										"{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"value\": \"" + user
												+ "\"}]}"))
							.status());
				}
				return statuses;
			});
		}
		writers.add(() -> List.of(scim.delete("/Users/" + leaving).status()));

		List<Integer> statuses = runTogether(writers);

		assertThat(statuses).containsOnly(204);
		for (String group : groups) {
			assertThat(memberIds(scim, "/Groups/" + group))
				.containsExactlyInAnyOrderElementsOf(users.subList(1, users.size()));
		}
	}

	@Test
	void newConnectionTakesGroupOverOnce() throws Exception {
		// A company moves to another identity provider: the new connection's first
		// PATCHes to a group of the old one arrive together, and each takes the group
		// over.
		TestCompany company = server.newCompany("Takeover " + this.database, Plan.ENTERPRISE, IdentityProvider.OKTA);
		ScimHttp old = company.scim();
		List<String> groups = new ArrayList<>();
		for (int race = 0; race < RACES; race++) {
			groups.add(createGroup(old, "Taken over " + race + " " + this.database).get("id").asString());
		}
		List<String> users = new ArrayList<>();
		for (int i = 0; i < MIXED_STREAMS; i++) {
			users.add(createUser(old, "takeover." + i + "." + this.database + "@example.com").get("id").asString());
		}
		assertThat(company.api().post("scim-connections/" + company.connectionId() + "/disable", null).status())
			.isEqualTo(200);
		ScimConnection connection = server.bean(ScimConnections.class)
			.open(company.id(), IdentityProvider.ENTRA, ConnectionState.LIVE);
		ScimHttp next = new ScimHttp(server.scimUrl(), server.bean(ScimTokens.class).issue(connection, "Next"));
		for (String group : groups) {
			List<Callable<List<String>>> writers = new ArrayList<>();
			for (String user : users) {
				writers.add(() -> {
					ScimHttp.Response response = next.patch("/Groups/" + group, addMembers(List.of(user)));
					return List.of(response.status() + " " + response.body());
				});
			}

			List<String> outcomes = runTogether(writers);

			assertThat(outcomes).as("outcomes for %s", group)
				.allSatisfy((outcome) -> assertThat(outcome).startsWith("204 "));
			assertThat(memberIds(next, "/Groups/" + group)).containsExactlyInAnyOrderElementsOf(users);
		}
	}

	@Test
	void deleteRacingMemberPatchesSucceeds() throws Exception {
		for (int race = 0; race < RACES; race++) {
			String group = createGroup(scim, "Deleted in a race " + race + " " + this.database).get("id").asString();
			List<String> users = users("deleted." + race, MIXED_STREAMS);
			List<Callable<List<String>>> writers = new ArrayList<>();
			for (String user : users) {
				writers.add(() -> List.of(scim.patch("/Groups/" + group, addMembers(List.of(user))).status() + ""));
			}
			writers.add(() -> {
				ScimHttp.Response response = scim.delete("/Groups/" + group);
				return List.of("DELETE " + response.status() + " " + response.body());
			});

			List<String> outcomes = runTogether(writers);

			// A DELETE without If-Match has no precondition to fail, so it waits for the
			// PATCHes and archives the group. A PATCH after it finds no group.
			assertThat(outcomes).as("outcomes of race %d", race).contains("DELETE 204 ");
			assertThat(outcomes).as("outcomes of race %d", race)
				.allMatch((outcome) -> outcome.startsWith("DELETE ") || outcome.equals("204") || outcome.equals("404"));
			assertThat(scim.get("/Groups/" + group).status()).isEqualTo(404);
		}
	}

	private List<String> users(String prefix, int count) {
		List<String> users = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			users.add(createUser(scim, prefix + "." + i + "." + this.database + "@example.com").get("id").asString());
		}
		return users;
	}

	private static int joinedEntries(String userId) {
		return server.bean(JdbcClient.class)
			.sql("""
					SELECT COUNT(*) FROM history_entry h JOIN colleague c ON c.company_id = h.company_id AND c.id = h.subject_id
					WHERE c.link_id = ? AND h.action = 'joined_team'""")
			.param(userId)
			.query(Integer.class)
			.single();
	}

	/** Starts the writers together and returns all their statuses. */
	private static <T> List<T> runTogether(List<Callable<List<T>>> writers) throws Exception {
		CyclicBarrier start = new CyclicBarrier(writers.size());
		List<Callable<List<T>>> started = writers.stream().<Callable<List<T>>>map((writer) -> () -> {
			start.await();
			return writer.call();
		}).toList();
		List<T> statuses = new ArrayList<>();
		for (Future<List<T>> result : executor.invokeAll(started)) {
			statuses.addAll(result.get());
		}
		return statuses;
	}

	/** Sends {@code writers} requests at once and returns their statuses. */
	private static List<Integer> race(int writers, Writer writer) throws Exception {
		CyclicBarrier start = new CyclicBarrier(writers);
		List<Callable<Integer>> requests = new ArrayList<>();
		for (int i = 0; i < writers; i++) {
			int number = i;
			requests.add(() -> {
				start.await();
				return writer.send(number);
			});
		}
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> result : executor.invokeAll(requests)) {
			statuses.add(result.get());
		}
		return statuses;
	}

	/** Creates Groups without members in one Bulk request. */
	private static void createGroups(int count, String displayNameFormat) {
		List<String> operations = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			operations.add("""
					{"method": "POST", "path": "/Groups", "bulkId": "group%d", "data": %s}""".formatted(i,
					ScimFixtures.groupBody(displayNameFormat.formatted(i))));
		}
		ScimHttp.Response response = scim.post("/Bulk", """
				{"schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"], "Operations": [%s]}"""
			.formatted(String.join(", ", operations)));
		assertThat(response.status()).as("status of the Bulk request").isEqualTo(200);
		List<String> statuses = new ArrayList<>();
		response.json().get("Operations").forEach((operation) -> statuses.add(operation.get("status").asString()));
		assertThat(statuses).as("statuses of the Bulk request").hasSize(count).containsOnly("201");
	}

	/** Returns the version in a Group's ETag, such as 41 in {@code W/"41"}. */
	private static long groupVersion(String id) {
		String etag = scim.get("/Groups/" + id).header("ETag");
		return Long.parseLong(etag.substring(3, etag.length() - 1));
	}

	private static String addMembers(List<String> ids) {
		StringBuilder values = new StringBuilder();
		for (String id : ids) {
			values.append((values.length() > 0) ? ", " : "").append("{\"value\": \"").append(id).append("\"}");
		}
		return patchBody("{\"op\": \"add\", \"path\": \"members\", \"value\": [" + values + "]}");
	}

	private interface Writer {

		int send(int number);

	}

}
