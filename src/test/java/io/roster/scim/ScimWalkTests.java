package io.roster.scim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import io.roster.support.RosterServer;
import io.roster.support.ScimHttp;
import io.roster.support.TestDatabase;

import tools.jackson.databind.JsonNode;

import static io.roster.scim.ScimFixtures.createUser;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full walks of a company's Users, as Okta's imports (startIndex) and RFC 9865 clients
 * (cursor) make them, while another client creates and deletes users. Users that exist
 * for the whole walk must each appear exactly once.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ScimWalkTests {

	private static final int STABLE_USERS = 60;

	private static final int PAGE = 7;

	private static final int MAX_CHANGES = 200;

	private static RosterServer server;

	private static ScimHttp scim;

	@Parameter
	TestDatabase database;

	@BeforeParameterizedClassInvocation
	static void startServer(TestDatabase database) {
		server = RosterServer.start(database);
		scim = new ScimHttp(server.scimUrl(), server.demoToken());
	}

	@AfterParameterizedClassInvocation
	static void stopServer() {
		server.close();
	}

	@Test
	void startIndexWalkAcrossChangesSkipsNone() throws Exception {
		Set<String> stable = createUsers("index");

		List<String> seen = walkWhileChanging("index", () -> new IndexWalk());

		assertThat(seen).doesNotHaveDuplicates();
		assertThat(seen).containsAll(stable);
		JsonNode after = scim.get("/Users?count=0").json();
		assertThat(after.get("totalResults").asInt()).isEqualTo(countAll());
	}

	@Test
	void cursorWalkAcrossChangesSkipsNone() throws Exception {
		Set<String> stable = createUsers("cursor");

		List<String> seen = walkWhileChanging("cursor", () -> new CursorWalk());

		assertThat(seen).doesNotHaveDuplicates();
		assertThat(seen).containsAll(stable);
	}

	private Set<String> createUsers(String prefix) {
		Set<String> ids = new LinkedHashSet<>();
		for (int i = 0; i < STABLE_USERS; i++) {
			ids.add(createUser(scim, prefix + ".stable." + i + "@example.com").get("id").asString());
		}
		return ids;
	}

	/**
	 * Walks all Users page by page while another thread creates one user and deletes
	 * another created during the walk, between the walk's pages.
	 */
	private List<String> walkWhileChanging(String prefix, java.util.function.Supplier<Walk> walks) throws Exception {
		AtomicBoolean walking = new AtomicBoolean(true);
		ExecutorService changer = Executors.newSingleThreadExecutor();
		Future<Integer> changes = changer.submit(() -> {
			List<String> created = new ArrayList<>();
			int count = 0;
			while (walking.get() && count < MAX_CHANGES) {
				created.add(createUser(scim, prefix + ".churn." + count + "@example.com").get("id").asString());
				if (created.size() > 1) {
					assertThat(scim.delete("/Users/" + created.remove(0)).status()).isEqualTo(204);
				}
				count++;
			}
			return count;
		});
		List<String> seen = new ArrayList<>();
		Walk walk = walks.get();
		try {
			JsonNode page;
			while ((page = walk.next()) != null) {
				page.get("Resources").forEach((user) -> seen.add(user.get("id").asString()));
				Thread.sleep(5);
			}
		}
		finally {
			walking.set(false);
			changer.shutdown();
		}
		assertThat(changer.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		assertThat(changes.get()).as("creates and deletes during the walk").isPositive();
		return seen;
	}

	private static int countAll() {
		Set<String> ids = new HashSet<>();
		CursorWalk walk = new CursorWalk();
		JsonNode page;
		while ((page = walk.next()) != null) {
			page.get("Resources").forEach((user) -> ids.add(user.get("id").asString()));
		}
		return ids.size();
	}

	private interface Walk {

		/** Returns the next page, or {@code null} after the last. */
		JsonNode next();

	}

	private static final class IndexWalk implements Walk {

		private int startIndex = 1;

		private boolean done;

		@Override
		public JsonNode next() {
			if (this.done) {
				return null;
			}
			JsonNode page = read("/Users?startIndex=" + this.startIndex + "&count=" + PAGE);
			assertThat(page.get("startIndex").asInt()).isEqualTo(this.startIndex);
			int items = page.get("Resources").size();
			this.startIndex += items;
			this.done = items < PAGE;
			return page;
		}

	}

	private static final class CursorWalk implements Walk {

		private String cursor = "";

		@Override
		public JsonNode next() {
			if (this.cursor == null) {
				return null;
			}
			JsonNode page = read("/Users?cursor=" + this.cursor + "&count=" + PAGE);
			JsonNode next = page.get("nextCursor");
			this.cursor = (next != null) ? next.asString() : null;
			return page;
		}

	}

	private static JsonNode read(String path) {
		ScimHttp.Response response = scim.get(path);
		assertThat(response.status()).as("status of GET %s: %s", path, response.body()).isEqualTo(200);
		return response.json();
	}

}
