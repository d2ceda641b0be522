package io.roster.scim;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import io.roster.scim.ReferenceFilter.Attribute;
import io.roster.scim.ReferenceFilter.Comparison;
import io.roster.scim.ReferenceFilter.Operator;
import io.roster.support.PropertyTries;
import io.roster.support.RosterServer;
import io.roster.support.ScimHttp;
import io.roster.support.TestDatabase;
import io.roster.tenant.Plan;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties for hostile input: every invalid filter, PATCH or resource body gets a 4xx
 * SCIM error (Error schema, status as a string), never a 5xx or a 2xx, and a batch of
 * them changes no user or group. Filter values that mean something to SQL match
 * literally. Each batch runs in a new company. Replay a failing batch with the seed it
 * names.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class HostileInputPropertyTests {

	private static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

	private static final int BATCHES = 3;

	private static final int REQUESTS_PER_BATCH = 60;

	/** Levels of parentheses that every filter may nest, whatever Roster's limit. */
	private static final int MIN_NESTING = 40;

	/** Characters that every filter may have, whatever Roster's limit. */
	private static final int MIN_FILTER_LENGTH = 4000;

	/**
	 * Comparisons on multi-valued attributes that every filter may have, whatever
	 * Roster's limit.
	 */
	private static final int MIN_MULTI_VALUED_COMPARISONS = 20;

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
	void invalidFiltersAreRejected() {
		PropertyTries.check("Invalid filters", BATCHES, (random) -> {
			RandomCompany company = RandomCompany.create(random);
			Map<String, String> before = company.directory().snapshot();
			for (int i = 0; i < REQUESTS_PER_BATCH; i++) {
				boolean users = random.nextBoolean();
				String valid = ReferenceFilter.render(company.filters(users).next(2), random);
				String filter = HostileInputs.invalidFilter(random, users, valid);
				String endpoint = users ? "/Users" : "/Groups";
				ScimHttp.Response response = company.scim().get(endpoint + "?filter=" + encode(filter));
				String request = "GET " + endpoint + " with filter " + filter;
				assertScimError(response, request);
				assertThat(response.status()).as("status of %s", request).isEqualTo(400);
				assertThat(response.json().path("scimType").toString()).as("scimType of %s", request)
					.isEqualTo("\"invalidFilter\"");
			}
			assertThat(company.directory().snapshot()).isEqualTo(before);
		});
	}

	@Test
	void hostileFilterValuesMatchLiterally() {
		PropertyTries.check("Hostile filter values", BATCHES, (random) -> {
			RandomCompany company = RandomCompany.create(random);
			Map<String, String> before = company.directory().snapshot();
			for (int i = 0; i < REQUESTS_PER_BATCH; i++) {
				boolean users = random.nextBoolean();
				List<JsonNode> resources = users ? company.users() : company.groups();
				List<Attribute> attributes = HostileInputs
					.strings(users ? ReferenceFilter.USER_ATTRIBUTES : ReferenceFilter.GROUP_ATTRIBUTES);
				Operator operator = Operator.values()[random.nextInt(Operator.PR.ordinal())];
				String value = HostileInputs.hostileValue(random);
				Comparison comparison = new Comparison(HostileInputs.pick(random, attributes), operator,
						JsonNodeFactory.instance.stringNode(value));
				String text = ReferenceFilter.render(comparison, random);
				HostileInputs.Nested nested = random.nextBoolean() ? HostileInputs.nested(random, text)
						: new HostileInputs.Nested(text, 0, 1);
				text = nested.text();
				String endpoint = users ? "/Users" : "/Groups";
				String request = "GET " + endpoint + " with filter " + abbreviate(text);
				ScimHttp.Response response = company.scim().get(endpoint + "?count=1000&filter=" + encode(text));
				if (value.indexOf('\u0000') >= 0) {
					// No stored value can contain NUL, and PostgreSQL rejects it in a
					// query.
					assertScimError(response, request);
					assertThat(response.status()).as("status of %s", request).isEqualTo(400);
					continue;
				}
				boolean beyondLimits = nested.depth() > MIN_NESTING || text.length() > MIN_FILTER_LENGTH
						|| (comparison.attribute().multiValued() && nested.copies() > MIN_MULTI_VALUED_COMPARISONS);
				if (response.status() == 400 && beyondLimits) {
					// Roster may limit nesting and length, but must report the limit in a
					// SCIM error.
					assertScimError(response, request);
					continue;
				}
				assertThat(response.status()).as("status of %s: %s", request, response.body()).isEqualTo(200);
				Set<String> expected = new TreeSet<>();
				resources.stream()
					.filter((resource) -> ReferenceFilter.matches(comparison, resource))
					.forEach((resource) -> expected.add(resource.get("id").stringValue()));
				Set<String> actual = new TreeSet<>();
				response.json().get("Resources").forEach((resource) -> actual.add(resource.get("id").stringValue()));
				assertThat(actual).as("ids returned for %s", request).isEqualTo(expected);
			}
			assertThat(company.directory().snapshot()).isEqualTo(before);
		});
	}

	@Test
	void malformedPatchesAreRejected() {
		PropertyTries.check("Malformed PATCH requests", BATCHES, (random) -> {
			RandomCompany company = RandomCompany.create(random);
			Map<String, String> before = company.directory().snapshot();
			List<String> userIds = company.ids(company.users());
			for (int i = 0; i < REQUESTS_PER_BATCH; i++) {
				boolean user = random.nextBoolean();
				String endpoint = user ? "/Users/" : "/Groups/";
				String id = HostileInputs.pick(random, user ? userIds : company.ids(company.groups()));
				int choice = random.nextInt(10);
				ScimHttp.Response response;
				String request;
				if (choice == 0) {
					String body = HostileInputs.validPatch(random, user, userIds);
					request = "PATCH " + endpoint + "no-such-id with " + body;
					response = company.scim().patch(endpoint + "no-such-id", body);
					assertScimError(response, request);
					assertThat(response.status()).as("status of %s", request).isEqualTo(404);
				}
				else if (choice == 1) {
					String body = HostileInputs.validPatch(random, user, userIds);
					request = "PATCH " + endpoint + id + " with a stale If-Match and " + body;
					response = company.scim().patch(endpoint + id, body, "If-Match", "W/\"999999\"");
					assertScimError(response, request);
					assertThat(response.status()).as("status of %s", request).isEqualTo(412);
				}
				else {
					String body = HostileInputs.invalidPatch(random, user, userIds);
					request = "PATCH " + endpoint + id + " with " + abbreviate(body);
					response = company.scim().patch(endpoint + id, body);
					assertScimError(response, request);
				}
			}
			assertThat(company.directory().snapshot()).isEqualTo(before);
		});
	}

	@Test
	void invalidResourceBodiesAreRejected() {
		PropertyTries.check("Invalid resource bodies", BATCHES, (random) -> {
			RandomCompany company = RandomCompany.create(random);
			Map<String, String> before = company.directory().snapshot();
			List<String> userIds = company.ids(company.users());
			for (int i = 0; i < REQUESTS_PER_BATCH; i++) {
				boolean user = random.nextBoolean();
				String endpoint = user ? "/Users" : "/Groups";
				List<JsonNode> existing = user ? company.users() : company.groups();
				String id = HostileInputs.pick(random, company.ids(existing));
				int choice = random.nextInt(10);
				String method = "POST";
				String path = endpoint;
				String body;
				if (choice == 0) {
					// The name of an existing resource in another case: a conflict.
					JsonNode conflicting = HostileInputs.pick(random, existing);
					String name = conflicting.get(user ? "userName" : "displayName").stringValue();
					body = validResource(user, RandomText.shuffleCase(name, random), null);
				}
				else if (choice == 1) {
					method = "PUT";
					path = endpoint + "/" + id;
					body = validResource(user, "renamed." + random.nextLong(), "not-" + id);
				}
				else if (choice == 2) {
					method = "PUT";
					path = endpoint + "/no-such-id";
					body = validResource(user, "renamed." + random.nextLong(), null);
				}
				else {
					method = random.nextBoolean() ? "POST" : "PUT";
					path = method.equals("PUT") ? endpoint + "/" + id : endpoint;
					body = HostileInputs.invalidResource(random, user, userIds);
				}
				ScimHttp.Response response = company.scim().send(method, path, body);
				assertScimError(response, method + " " + path + " with " + abbreviate(body));
			}
			String oversized = "{\"userName\": \"" + "x".repeat(10 * 1024 * 1024) + "\"}";
			ScimHttp.Response tooLarge = company.scim().post("/Users", oversized);
			assertScimError(tooLarge, "POST /Users with a body over 10 MiB");
			assertThat(tooLarge.status()).isEqualTo(413);
			assertThat(company.directory().snapshot()).isEqualTo(before);
		});
	}

	/**
	 * Inputs that the properties above once found Roster to accept or to fail on with a
	 * 500, replayed on every run.
	 */
	@Test
	void knownHostileInputsAreRejected() {
		RandomCompany company = RandomCompany.create(new Random(1));
		Map<String, String> before = company.directory().snapshot();
		String user = "/Users/" + company.ids(company.users()).get(0);
		String group = "/Groups/" + company.ids(company.groups()).get(0);
		List<String> filters = List.of("(title pr) and emails[type pr])", "userName eq \"x\"\u0000 or title pr",
				"not (".repeat(60) + "title pr" + ")".repeat(60), "(".repeat(2000) + "title pr" + ")".repeat(2000),
				ReferenceFilter.ENTERPRISE + ":userName eq \"x\"", ReferenceFilter.USER + ":department eq \"x\"",
				String.join(" and ", Collections.nCopies(21, "emails pr")), "title eq \"a\\u0000\"");
		for (String filter : filters) {
			ScimHttp.Response response = company.scim().get("/Users?filter=" + encode(filter));
			String request = "GET /Users with filter " + abbreviate(filter);
			assertScimError(response, request);
			assertThat(response.status()).as("status of %s", request).isEqualTo(400);
		}
		List<String> patches = List.of(patch("{\"op\": \"remove\", \"path\": \"]\", \"value\": \"x\"}"),
				patch("{\"op\": \"replace\", \"path\": \"emails[type eq \\\"work\\\"]value\", \"value\": \"x\"}"),
				patch("{\"op\": \"replace\", \"path\": \"title\", \"value\": 5},"
						+ " {\"op\": \"replace\", \"path\": \"title\", \"value\": \"Engineer\"}"));
		for (String body : patches) {
			ScimHttp.Response response = company.scim().patch(user, body);
			assertScimError(response, "PATCH " + user + " with " + body);
		}
		String groupPatch = patch("{\"op\": \"replace\", \"path\": \"displayName\", \"value\": {\"x\": 1}},"
				+ " {\"op\": \"replace\", \"path\": \"displayName\", \"value\": \"Renamed\"}");
		assertScimError(company.scim().patch(group, groupPatch), "PATCH " + group + " with " + groupPatch);
		String nul = "{\"userName\": \"nul\\u0000@example.com\"}";
		assertScimError(company.scim().post("/Users", nul), "POST /Users with " + nul);
		assertThat(company.directory().snapshot()).isEqualTo(before);
	}

	private static String patch(String operations) {
		return "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"], \"Operations\": [" + operations
				+ "]}";
	}

	private static String validResource(boolean user, String name, String id) {
		ObjectNode resource = JsonNodeFactory.instance.objectNode();
		resource.putArray("schemas").add(user ? ReferenceFilter.USER : ReferenceFilter.GROUP);
		if (id != null) {
			resource.put("id", id);
		}
		resource.put(user ? "userName" : "displayName", name);
		return RandomDirectory.write(resource);
	}

	/**
	 * Checks that a response is a SCIM error of RFC 7644 section 3.12 with a 4xx status.
	 */
	private static void assertScimError(ScimHttp.Response response, String request) {
		assertThat(response.status()).as("status of %s: %s", request, response.body()).isBetween(400, 499);
		assertThat(response.header("Content-Type")).as("Content-Type of %s", request)
			.startsWith("application/scim+json");
		JsonNode body = response.json();
		assertThat(body.path("schemas").toString()).as("schemas of %s", request).isEqualTo("[\"" + ERROR + "\"]");
		assertThat(body.path("status").toString()).as("status in the body of %s", request)
			.isEqualTo("\"" + response.status() + "\"");
	}

	private static String encode(String filter) {
		return URLEncoder.encode(filter, StandardCharsets.UTF_8);
	}

	private static String abbreviate(String text) {
		return (text.length() > 300) ? text.substring(0, 300) + "... (" + text.length() + " characters)" : text;
	}

	/** A new company with a small random directory. */
	private record RandomCompany(ScimHttp scim, RandomDirectory directory, List<JsonNode> users, List<JsonNode> groups,
			Random random) {

		static RandomCompany create(Random random) {
			String token = server.tokenOfNewCompany("Hostile " + random.nextInt(1_000_000), Plan.ENTERPRISE);
			ScimHttp scim = new ScimHttp(server.scimUrl(), token);
			RandomDirectory directory = RandomDirectory.populate(scim, random, 8, 4);
			return new RandomCompany(scim, directory, directory.users(), directory.groups(), random);
		}

		RandomFilters filters(boolean users) {
			return new RandomFilters(this.random,
					users ? ReferenceFilter.USER_ATTRIBUTES : ReferenceFilter.GROUP_ATTRIBUTES,
					users ? this.users : this.groups);
		}

		List<String> ids(List<JsonNode> resources) {
			return resources.stream().map((resource) -> resource.get("id").stringValue()).toList();
		}

	}

}
