package io.roster.scim;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import io.roster.support.RosterServer;
import io.roster.support.ScimHttp;
import io.roster.support.TestDatabase;
import io.roster.tenant.Plan;

import tools.jackson.databind.JsonNode;

import static io.roster.scim.ScimAssertions.assertScimError;
import static io.roster.scim.ScimAssertions.assertScimJson;
import static io.roster.scim.ScimFixtures.createUser;
import static io.roster.scim.ScimFixtures.userBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The discovery endpoints (RFC 7644 section 4): ServiceProviderConfig, ResourceTypes and
 * Schemas carry the attributes that RFC 7643 sections 5 to 7 require, each feature they
 * advertise works over HTTP, and every attribute they publish but members.type can be
 * filtered.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ScimDiscoveryTests {

	private static final String SERVICE_PROVIDER_CONFIG = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";

	private static final String RESOURCE_TYPE = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";

	private static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";

	private static final Set<String> TYPES = Set.of("string", "boolean", "decimal", "integer", "dateTime", "reference",
			"complex", "binary");

	private static final Set<String> MUTABILITIES = Set.of("readOnly", "readWrite", "immutable", "writeOnly");

	private static final Set<String> RETURNED = Set.of("always", "never", "default", "request");

	private static final Set<String> UNIQUENESSES = Set.of("none", "server", "global");

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
	void serviceProviderConfigHasRequiredAttributes() {
		ScimHttp.Response response = scim.get("/ServiceProviderConfig");

		assertThat(response.status()).isEqualTo(200);
		assertScimJson(response);
		JsonNode config = response.json();
		assertThat(config.path("schemas").path(0).asString()).isEqualTo(SERVICE_PROVIDER_CONFIG);
		for (String feature : List.of("patch", "bulk", "filter", "changePassword", "sort", "etag")) {
			assertThat(config.path(feature).path("supported").isBoolean()).as("%s.supported", feature).isTrue();
		}
		assertThat(config.path("bulk").path("maxOperations").isIntegralNumber()).isTrue();
		assertThat(config.path("bulk").path("maxPayloadSize").isIntegralNumber()).isTrue();
		assertThat(config.path("filter").path("maxResults").asInt()).isPositive();
		JsonNode schemes = config.path("authenticationSchemes");
		assertThat(schemes.size()).isPositive();
		for (JsonNode scheme : schemes) {
			assertThat(scheme.path("type").asString()).isEqualTo("oauthbearertoken");
			assertThat(scheme.path("name").asString()).isNotBlank();
			assertThat(scheme.path("description").asString()).isNotBlank();
		}
		assertThat(config.path("meta").path("resourceType").asString()).isEqualTo("ServiceProviderConfig");
		assertThat(config.path("meta").path("location").asString())
			.isEqualTo(server.scimUrl() + "/ServiceProviderConfig");
	}

	@Test
	void serviceProviderConfigAdvertisesServedFeatures() {
		JsonNode config = scim.get("/ServiceProviderConfig").json();

		assertThat(config.path("patch").path("supported").booleanValue()).isTrue();
		assertThat(config.path("filter").path("supported").booleanValue()).isTrue();
		assertThat(config.path("etag").path("supported").booleanValue()).isTrue();
		assertThat(config.path("sort").path("supported").booleanValue()).isTrue();
		assertThat(config.path("bulk").path("supported").booleanValue()).isTrue();
		assertThat(config.path("bulk").path("maxOperations").asInt()).isPositive();
		assertThat(config.path("changePassword").path("supported").booleanValue()).isFalse();
	}

	@Test
	void advertisedEtagsMatchVersionsAndPreconditions() {
		String path = "/Users/" + createUser(scim, "etag.user@example.com").path("id").asString();
		ScimHttp.Response current = scim.get(path);
		String etag = current.header("ETag");

		ScimHttp.Response unchanged = scim.get(path, "If-None-Match", etag);

		assertThat(etag).isEqualTo(current.json().path("meta").path("version").asString());
		assertThat(unchanged.status()).isEqualTo(304);
		assertThat(unchanged.header("ETag")).isEqualTo(etag);
	}

	@Test
	void advertisedSortingOrdersUsers() {
		ScimHttp company = new ScimHttp(server.scimUrl(), server.tokenOfNewCompany("Sorted Company", Plan.ENTERPRISE));
		for (String userName : List.of("bravo@example.com", "Delta@example.com", "alpha@example.com",
				"charlie@example.com")) {
			createUser(company, userName);
		}

		JsonNode list = company.get("/Users?sortBy=userName&sortOrder=descending").json();

		List<String> userNames = new ArrayList<>();
		list.path("Resources").forEach((user) -> userNames.add(user.path("userName").asString()));
		assertThat(userNames).containsExactly("Delta@example.com", "charlie@example.com", "bravo@example.com",
				"alpha@example.com");
	}

	@Test
	void advertisedBulkCreatesUser() {
		ScimHttp.Response response = scim.post("/Bulk", """
				{"schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],
				 "Operations": [{"method": "POST", "path": "/Users", "bulkId": "first",
				                 "data": %s}]}""".formatted(userBody("bulk.user@example.com")));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode operation = response.json().path("Operations").path(0);
		assertThat(operation.path("status").asString()).isEqualTo("201");
		String location = operation.path("location").asString();
		assertThat(location).startsWith(server.scimUrl() + "/Users/");
		assertThat(scim.get(location.substring(server.scimUrl().length())).json().path("userName").asString())
			.isEqualTo("bulk.user@example.com");
	}

	@Test
	void resourceTypesDescribeServedEndpoints() {
		ScimHttp.Response response = scim.get("/ResourceTypes");

		assertThat(response.status()).isEqualTo(200);
		assertScimJson(response);
		JsonNode list = response.json();
		assertThat(list.path("totalResults").asInt()).isEqualTo(2);
		Map<String, JsonNode> types = new LinkedHashMap<>();
		list.path("Resources").forEach((type) -> types.put(type.path("id").asString(), type));
		assertThat(types.keySet()).containsExactly("User", "Group");
		assertThat(types.get("User").path("endpoint").asString()).isEqualTo("/Users");
		assertThat(types.get("User").path("schema").asString()).isEqualTo(ScimFixtures.USER_SCHEMA);
		assertThat(types.get("User").path("schemaExtensions").path(0).path("schema").asString())
			.isEqualTo(ScimFixtures.ENTERPRISE_SCHEMA);
		assertThat(types.get("User").path("schemaExtensions").path(0).path("required").isBoolean()).isTrue();
		assertThat(types.get("User").path("schemaExtensions").path(1).path("schema").asString())
			.isEqualTo(ScimFixtures.ROSTER_SCHEMA);
		assertThat(types.get("User").path("schemaExtensions").path(1).path("required").asBoolean()).isFalse();
		assertThat(types.get("Group").path("endpoint").asString()).isEqualTo("/Groups");
		assertThat(types.get("Group").path("schema").asString()).isEqualTo(ScimFixtures.GROUP_SCHEMA);
		for (JsonNode type : types.values()) {
			String name = type.path("id").asString();
			assertThat(type.path("schemas").path(0).asString()).as(name).isEqualTo(RESOURCE_TYPE);
			assertThat(type.path("name").asString()).as(name).isEqualTo(name);
			assertThat(type.path("meta").path("location").asString()).as(name)
				.isEqualTo(server.scimUrl() + "/ResourceTypes/" + name);
			assertThat(scim.get("/ResourceTypes/" + name).json()).as(name).isEqualTo(type);
			assertThat(scim.get(type.path("endpoint").asString()).status()).as(name).isEqualTo(200);
		}
	}

	@Test
	void schemasDescribeEveryAttributeFully() {
		ScimHttp.Response response = scim.get("/Schemas");

		assertThat(response.status()).isEqualTo(200);
		assertScimJson(response);
		JsonNode list = response.json();
		List<String> ids = new ArrayList<>();
		for (JsonNode schema : list.path("Resources")) {
			String id = schema.path("id").asString();
			ids.add(id);
			assertThat(schema.path("schemas").path(0).asString()).as(id).isEqualTo(SCHEMA);
			assertThat(schema.path("name").asString()).as(id).isNotBlank();
			assertThat(schema.path("meta").path("location").asString()).as(id)
				.isEqualTo(server.scimUrl() + "/Schemas/" + id);
			assertThat(scim.get("/Schemas/" + id).json()).as(id).isEqualTo(schema);
			assertThat(schema.path("attributes").size()).as(id).isPositive();
			schema.path("attributes").forEach((attribute) -> assertAttributeDefinition(id, attribute));
		}
		assertThat(ids).containsExactlyInAnyOrder(ScimFixtures.USER_SCHEMA, ScimFixtures.ENTERPRISE_SCHEMA,
				ScimFixtures.ROSTER_SCHEMA, ScimFixtures.GROUP_SCHEMA);
		assertThat(list.path("totalResults").asInt()).isEqualTo(4);
	}

	@Test
	void unknownSchemaIsNotFound() {
		ScimHttp.Response response = scim.get("/Schemas/urn:example:params:scim:schemas:unknown:2.0:Thing");

		assertScimError(response, 404, null, "urn:example:params:scim:schemas:unknown:2.0:Thing");
	}

	@Test
	void everyAdvertisedAttributeCanBeFiltered() {
		Map<String, String> endpoints = new LinkedHashMap<>();
		for (JsonNode type : scim.get("/ResourceTypes").json().path("Resources")) {
			endpoints.put(type.path("schema").asString(), type.path("endpoint").asString());
			type.path("schemaExtensions")
				.forEach((extension) -> endpoints.put(extension.path("schema").asString(),
						type.path("endpoint").asString()));
		}
		List<String> rejected = new ArrayList<>();

		for (JsonNode schema : scim.get("/Schemas").json().path("Resources")) {
			String id = schema.path("id").asString();
			String prefix = (id.equals(ScimFixtures.ENTERPRISE_SCHEMA) || id.equals(ScimFixtures.ROSTER_SCHEMA))
					? id + ":" : "";
			for (String path : leafPaths(schema.path("attributes"))) {
				String filter = URLEncoder.encode(prefix + path + " pr", StandardCharsets.UTF_8);
				if (scim.get(endpoints.get(id) + "?filter=" + filter).status() != 200) {
					rejected.add(prefix + path);
				}
			}
		}

		// members.type is always "User" in Roster and is published for clients to read,
		// but it is not stored, so filters cannot reach it.
		assertThat(rejected).containsExactly("members.type");
	}

	private static void assertAttributeDefinition(String owner, JsonNode attribute) {
		String name = owner + ":" + attribute.path("name").asString();
		assertThat(attribute.path("name").asString()).as(name).isNotBlank();
		assertThat(attribute.path("type").asString()).as(name).isIn(TYPES);
		assertThat(attribute.path("multiValued").isBoolean()).as("%s multiValued", name).isTrue();
		assertThat(attribute.path("required").isBoolean()).as("%s required", name).isTrue();
		assertThat(attribute.path("mutability").asString()).as(name).isIn(MUTABILITIES);
		assertThat(attribute.path("returned").asString()).as(name).isIn(RETURNED);
		if (attribute.path("type").asString().equals("string")) {
			assertThat(attribute.path("caseExact").isBoolean()).as("%s caseExact", name).isTrue();
			assertThat(attribute.path("uniqueness").asString()).as(name).isIn(UNIQUENESSES);
		}
		if (attribute.path("type").asString().equals("complex")) {
			assertThat(attribute.path("subAttributes").size()).as("%s subAttributes", name).isPositive();
			attribute.path("subAttributes").forEach((sub) -> assertAttributeDefinition(name, sub));
		}
	}

	/**
	 * Returns the paths of the attributes that contain values, such as name.givenName.
	 */
	private static List<String> leafPaths(JsonNode attributes) {
		List<String> paths = new ArrayList<>();
		for (JsonNode attribute : attributes) {
			String name = attribute.path("name").asString();
			if (attribute.path("type").asString().equals("complex")) {
				attribute.path("subAttributes").forEach((sub) -> paths.add(name + "." + sub.path("name").asString()));
			}
			else {
				paths.add(name);
			}
		}
		return paths;
	}

}
