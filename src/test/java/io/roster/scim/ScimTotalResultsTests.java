package io.roster.scim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
import io.roster.support.ScimHttp;
import io.roster.support.TestCompany;
import io.roster.support.TestDatabase;
import io.roster.sync.FirstSync;
import io.roster.tenant.Actor;
import io.roster.tenant.IdentityProvider;
import io.roster.tenant.Plan;

import tools.jackson.databind.JsonNode;

import static io.roster.scim.ScimFixtures.createGroup;
import static io.roster.scim.ScimFixtures.createUser;
import static io.roster.scim.ScimFixtures.userBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * totalResults of unfiltered Users and Groups lists, which comes from the per-company
 * counts that database triggers keep, after every kind of write that links or unlinks a
 * colleague or team. Each test also checks that the counts of every company equal a count
 * of the rows, so a trigger that misses a write fails it.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ScimTotalResultsTests {

	private static final Actor OPERATOR = Actor.operator(UUID.randomUUID(), "support@roster.test");

	private static RosterServer server;

	@Parameter
	TestDatabase database;

	@BeforeParameterizedClassInvocation
	static void startServer(TestDatabase database) {
		server = RosterServer.start(database);
	}

	@AfterParameterizedClassInvocation
	static void stopServer() {
		server.close();
	}

	@Test
	void usersTotalFollowsCreatesDeletesAndRelinks() {
		TestCompany company = server.newCompany("Users", Plan.ENTERPRISE, IdentityProvider.OKTA);
		ScimHttp scim = company.scim();
		String ann = createUser(scim, "ann@users.test").get("id").asString();
		createUser(scim, "bob@users.test");
		createUser(scim, "carl@users.test");
		assertThat(usersTotal(scim)).isEqualTo(3);

		assertThat(company.api().post("colleagues", "{\"email\": \"dora@users.test\"}").status()).isEqualTo(201);
		assertThat(usersTotal(scim)).isEqualTo(3);

		assertThat(scim.delete("/Users/" + ann).status()).isEqualTo(204);
		assertThat(usersTotal(scim)).isEqualTo(2);

		createUser(scim, "ann@users.test");
		assertThat(usersTotal(scim)).isEqualTo(3);

		createUser(scim, "dora@users.test");
		assertThat(usersTotal(scim)).isEqualTo(4);
		assertThat(scim.get("/Users?startIndex=4&count=1").json().path("totalResults").asLong()).isEqualTo(4);
		assertCountsMatchRows();
	}

	@Test
	void groupsTotalFollowsCreatesAndArchives() {
		TestCompany company = server.newCompany("Groups", Plan.ENTERPRISE, IdentityProvider.OKTA);
		ScimHttp scim = company.scim();
		String sales = createGroup(scim, "Sales").get("id").asString();
		createGroup(scim, "Design");
		assertThat(company.api().post("teams", "{\"name\": \"Support\"}").status()).isEqualTo(201);
		assertThat(groupsTotal(scim)).isEqualTo(2);

		assertThat(scim.delete("/Groups/" + sales).status()).isEqualTo(204);
		assertThat(groupsTotal(scim)).isEqualTo(1);

		createGroup(scim, "Sales");
		assertThat(groupsTotal(scim)).isEqualTo(2);
		assertCountsMatchRows();
	}

	@Test
	void firstSyncFinishCountsStagedDirectory() {
		TestCompany company = server.newCompanyInSetup("Staged", IdentityProvider.OKTA);
		assertThat(company.api().post("colleagues", "{\"email\": \"ann@staged.test\"}").status()).isEqualTo(201);
		assertThat(company.api().post("colleagues", "{\"email\": \"gus@staged.test\"}").status()).isEqualTo(201);
		assertThat(company.api().post("teams", "{\"name\": \"Sales\"}").status()).isEqualTo(201);
		ScimHttp scim = company.scim();
		String ann = createUser(scim, "ann@staged.test").get("id").asString();
		String bob = createUser(scim, "bob@staged.test").get("id").asString();
		createUser(scim, "carl@staged.test");
		createGroup(scim, "Sales", ann, bob);
		createGroup(scim, "Design");
		assertThat(usersTotal(scim)).isEqualTo(3);
		assertThat(groupsTotal(scim)).isEqualTo(2);
		assertCountsMatchRows();

		server.bean(FirstSync.class).finish(company.id(), Set.of(), OPERATOR, true);

		assertThat(usersTotal(scim)).isEqualTo(3);
		assertThat(groupsTotal(scim)).isEqualTo(2);
		createUser(scim, "gus@staged.test");
		assertThat(usersTotal(scim)).isEqualTo(4);
		assertCountsMatchRows();
	}

	@Test
	void concurrentCreatesKeepTotalExact() throws Exception {
		TestCompany company = server.newCompany("Concurrent", Plan.ENTERPRISE, IdentityProvider.OKTA);
		ScimHttp scim = company.scim();
		int threads = 6;
		int perThread = 15;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<List<Integer>>> results = new ArrayList<>();
		try {
			for (int t = 0; t < threads; t++) {
				int thread = t;
				results.add(pool.submit(() -> {
					List<Integer> statuses = new ArrayList<>();
					for (int i = 0; i < perThread; i++) {
						String userName = "user" + thread + "." + i + "@concurrent.test";
						statuses.add(scim.post("/Users", userBody(userName)).status());
						if (i % 5 == 0) {
							statuses
								.add(scim.post("/Groups", ScimFixtures.groupBody("Team " + thread + "." + i)).status());
						}
					}
					return statuses;
				}));
			}
			for (Future<List<Integer>> result : results) {
				assertThat(result.get()).containsOnly(201);
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(usersTotal(scim)).isEqualTo(threads * perThread);
		assertThat(groupsTotal(scim)).isEqualTo(threads * 3);
		assertCountsMatchRows();
	}

	@Test
	void filteredListCountsRowsNotCounter() {
		TestCompany company = server.newCompany("Filtered", Plan.ENTERPRISE, IdentityProvider.OKTA);
		ScimHttp scim = company.scim();
		createUser(scim, "ann@filtered.test");
		createUser(scim, "bob@filtered.test");
		JdbcClient jdbc = server.bean(JdbcClient.class);
		// A row the triggers never write, so that the totals show which source they
		// come from.
		jdbc.sql("INSERT INTO directory_count (company_id, slot, colleagues, teams) VALUES (?, 99, 10, 0)")
			.param(company.id())
			.update();
		try {
			JsonNode filtered = scim.get("/Users?filter=userName%20ew%20%22filtered.test%22&count=1").json();

			assertThat(usersTotal(scim)).isEqualTo(12);
			assertThat(filtered.path("totalResults").asLong()).isEqualTo(2);
		}
		finally {
			jdbc.sql("DELETE FROM directory_count WHERE company_id = ? AND slot = 99").param(company.id()).update();
		}
		assertCountsMatchRows();
	}

	/**
	 * Returns totalResults of the Users list, read with {@code count=0} and from a first
	 * page of one user, after checking that the two agree.
	 */
	private static long usersTotal(ScimHttp scim) {
		return total(scim, "/Users");
	}

	private static long groupsTotal(ScimHttp scim) {
		return total(scim, "/Groups");
	}

	private static long total(ScimHttp scim, String endpoint) {
		ScimHttp.Response countOnly = scim.get(endpoint + "?count=0");
		ScimHttp.Response firstPage = scim.get(endpoint + "?startIndex=1&count=1");
		assertThat(countOnly.status()).as("GET %s?count=0: %s", endpoint, countOnly.body()).isEqualTo(200);
		assertThat(firstPage.status()).as("GET %s?count=1: %s", endpoint, firstPage.body()).isEqualTo(200);
		long total = countOnly.json().path("totalResults").asLong();
		assertThat(firstPage.json().path("totalResults").asLong()).as("totalResults of the first page of %s", endpoint)
			.isEqualTo(total);
		return total;
	}

	/** Checks that every company's counts equal a count of its linked rows. */
	private static void assertCountsMatchRows() {
		JdbcClient jdbc = server.bean(JdbcClient.class);
		Map<UUID, List<Long>> counted = new HashMap<>();
		jdbc.sql("""
				SELECT c.id,
				  (SELECT COUNT(*) FROM colleague m WHERE m.company_id = c.id AND m.link_id IS NOT NULL) AS colleagues,
				  (SELECT COUNT(*) FROM team t WHERE t.company_id = c.id AND t.link_id IS NOT NULL) AS teams
				FROM company c""")
			.query((rs, row) -> counted.put(rs.getObject("id", UUID.class),
					List.of(rs.getLong("colleagues"), rs.getLong("teams"))))
			.list();
		Map<UUID, List<Long>> stored = new HashMap<>();
		counted.keySet().forEach((id) -> stored.put(id, List.of(0L, 0L)));
		jdbc.sql("""
				SELECT company_id, SUM(colleagues) AS colleagues, SUM(teams) AS teams
				FROM directory_count GROUP BY company_id""")
			.query((rs, row) -> stored.put(rs.getObject("company_id", UUID.class),
					List.of(rs.getLong("colleagues"), rs.getLong("teams"))))
			.list();

		assertThat(stored).as("directory_count sums by company, as [colleagues, teams]").isEqualTo(counted);
	}

}
