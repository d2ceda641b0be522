package io.roster.scim;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import io.roster.support.PropertyTries;
import io.roster.support.RosterServer;
import io.roster.support.ScimHttp;
import io.roster.support.TestDatabase;
import io.roster.tenant.Plan;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: for random valid filters over random users and groups, {@code GET ?filter=}
 * returns exactly the resources that {@link ReferenceFilter} selects from the same
 * resources as GET serves them. Each try fills a new company. Replay a failing try with
 * the seed it names.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class FilterPropertyTests {

	private static final int COMPANIES = 3;

	private static final int USERS = 20;

	private static final int GROUPS = 7;

	private static final int FILTERS_PER_COMPANY = 150;

	private static final int MAX_DEPTH = 4;

	private static RosterServer server;

	@Parameter
	TestDatabase database;

	@BeforeParameterizedClassInvocation
	static void startRoster(TestDatabase database) {
		server = RosterServer.start(database);
	}

	@AfterParameterizedClassInvocation
	static void stopRoster() {
		server.close();
	}

	@Test
	void userFiltersMatchReferenceEvaluation() {
		PropertyTries.check("User filters", COMPANIES, (random) -> {
			ScimHttp scim = newCompany(random);
			List<JsonNode> users = RandomDirectory.populate(scim, random, USERS, GROUPS).users();
			checkFilters(scim, "/Users", ReferenceFilter.USER_ATTRIBUTES, users, random);
		});
	}

	@Test
	void groupFiltersMatchReferenceEvaluation() {
		PropertyTries.check("Group filters", COMPANIES, (random) -> {
			ScimHttp scim = newCompany(random);
			List<JsonNode> groups = RandomDirectory.populate(scim, random, USERS, GROUPS).groups();
			checkFilters(scim, "/Groups", ReferenceFilter.GROUP_ATTRIBUTES, groups, random);
		});
	}

	private static void checkFilters(ScimHttp scim, String endpoint, List<ReferenceFilter.Attribute> attributes,
			List<JsonNode> resources, Random random) {
		RandomFilters filters = new RandomFilters(random, attributes, resources);
		for (int i = 0; i < FILTERS_PER_COMPANY; i++) {
			ReferenceFilter.Node filter = filters.next(random.nextInt(MAX_DEPTH + 1));
			String text = ReferenceFilter.render(filter, random);
			Set<String> expected = new TreeSet<>();
			for (JsonNode resource : resources) {
				if (ReferenceFilter.matches(filter, resource)) {
					expected.add(resource.get("id").stringValue());
				}
			}
			ScimHttp.Response response = scim
				.get(endpoint + "?count=1000&filter=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
			if (exceedsMultiValuedLimit(response)) {
				// The reference evaluation has no limit on multi-valued comparisons;
				// Roster rejects such filters.
				continue;
			}
			assertThat(response.status()).as("GET %s filter %s: %s", endpoint, text, response.body()).isEqualTo(200);
			Set<String> actual = new TreeSet<>();
			response.json().get("Resources").forEach((resource) -> actual.add(resource.get("id").stringValue()));
			assertThat(actual).as("ids returned for filter %s%nover %s", text, differing(resources, expected, actual))
				.isEqualTo(expected);
			assertThat(response.json().get("totalResults").asInt()).as("totalResults for filter %s", text)
				.isEqualTo(expected.size());
		}
	}

	/**
	 * Returns the resources in one set of ids but not the other, for failure messages.
	 */
	private static List<String> differing(List<JsonNode> resources, Set<String> expected, Set<String> actual) {
		List<String> differing = new ArrayList<>();
		for (JsonNode resource : resources) {
			String id = resource.get("id").stringValue();
			if (expected.contains(id) != actual.contains(id)) {
				differing.add((expected.contains(id) ? "expected, missing: " : "unexpected: ") + resource);
			}
		}
		return differing;
	}

	private static ScimHttp newCompany(Random random) {
		String token = server.tokenOfNewCompany("Filters " + random.nextInt(1_000_000), Plan.ENTERPRISE);
		return new ScimHttp(server.scimUrl(), token);
	}

	private static boolean exceedsMultiValuedLimit(ScimHttp.Response response) {
		return response.status() == 400
				&& response.body().contains("more than " + FilterCompiler.MAX_MULTI_VALUED_COMPARISONS + " times");
	}

}
