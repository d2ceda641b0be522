package io.roster.activity;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import io.roster.support.ApiHttp;
import io.roster.support.RosterServer;
import io.roster.support.ScimHttp;
import io.roster.support.TestCompany;
import io.roster.support.TestDatabase;
import io.roster.tenant.IdentityProvider;
import io.roster.tenant.Plan;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The activity log over HTTP: one entry per SCIM request with its connection, method,
 * resource, outcome, changed attributes, client habits and error, consistent with the
 * data, readable and exportable by company admins.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ActivityTests {

	private static RosterServer server;

	@Parameter
	TestDatabase database;

	@BeforeParameterizedClassInvocation
	static void start(TestDatabase database) {
		server = RosterServer.start(database);
	}

	@AfterParameterizedClassInvocation
	static void stop() {
		server.close();
	}

	@Test
	void everyScimRequestLeavesOneEntry() {
		TestCompany company = newCompany();
		ScimHttp scim = company.scim();

		String id = scim.post("/Users", "{\"userName\": \"ann@x.test\", \"title\": \"Dev\"}")
			.json()
			.get("id")
			.asString();
		scim.get("/Users/" + id);
		scim.patch("/Users/" + id,
				"{\"Operations\": [{\"op\": \"Replace\", \"path\": \"title\", \"value\": \"Lead\"}]}");
		scim.get("/Users?filter=userName%20eq%20%22ann@x.test%22");
		scim.delete("/Users/" + id);
		List<JsonNode> entries = entries(company.api());

		assertThat(entries).extracting((e) -> e.get("method").asString() + " " + e.get("status").asInt())
			.containsExactly("DELETE 204", "GET 200", "PATCH 200", "GET 200", "POST 201");
		JsonNode post = entries.get(4);
		assertThat(post.get("connectionId").asString()).isEqualTo(company.connectionId().toString());
		assertThat(post.get("identityProvider").asString()).isEqualTo("Okta");
		assertThat(post.get("resourceType").asString()).isEqualTo("User");
		assertThat(post.get("resourceId").asString()).isEqualTo(id);
		assertThat(post.get("outcome").asString()).isEqualTo("success");
		assertThat(post.get("changedAttributes")).extracting(JsonNode::asString)
			.contains("userName", "title", "active", "urn:ietf:params:scim:schemas:extension:roster:2.0:User:role");
		JsonNode patch = entries.get(2);
		assertThat(patch.get("changedAttributes")).extracting(JsonNode::asString).containsExactly("title");
		assertThat(patch.get("habits")).extracting(JsonNode::asString).containsExactly("capitalized-patch-op");
		assertThat(entries.get(3).get("resourceId").asString()).isEqualTo(id);
		assertThat(entries.get(1).get("changedAttributes")).isEmpty();
		assertThat(entries.get(1).get("resourceId").isNull()).isTrue();
		assertThat(entries.get(0).get("changedAttributes")).extracting(JsonNode::asString).contains("active");
	}

	@Test
	void failedRequestRecordsErrorAndChangesNothing() {
		TestCompany company = newCompany();
		ScimHttp scim = company.scim();
		String id = scim.post("/Users", "{\"userName\": \"bo@x.test\", \"title\": \"Dev\"}")
			.json()
			.get("id")
			.asString();

		ScimHttp.Response stale = scim.patch("/Users/" + id,
				"{\"Operations\": [{\"op\": \"replace\", \"path\": \"title\", \"value\": \"Boss\"}]}", "If-Match",
				"W/\"7\"");
		ScimHttp.Response invalid = scim.post("/Users", "{\"userName\": 42}");
		List<JsonNode> entries = entries(company.api());

		assertThat(stale.status()).isEqualTo(412);
		assertThat(invalid.status()).isEqualTo(400);
		JsonNode rejected = entries.get(0);
		assertThat(rejected.get("status").asInt()).isEqualTo(400);
		assertThat(rejected.get("outcome").asString()).isEqualTo("failure");
		assertThat(rejected.get("errorType").asString()).isEqualTo("invalidValue");
		assertThat(rejected.get("errorDetail").asString()).contains("userName");
		JsonNode preconditionFailed = entries.get(1);
		assertThat(preconditionFailed.get("status").asInt()).isEqualTo(412);
		assertThat(preconditionFailed.get("resourceId").asString()).isEqualTo(id);
		assertThat(preconditionFailed.get("changedAttributes")).isEmpty();
		assertThat(preconditionFailed.get("errorDetail").asString()).contains("version");
		assertThat(scim.get("/Users/" + id).json().get("title").asString()).isEqualTo("Dev");
	}

	@Test
	void createOutcomesLeaveOneEntryEach() {
		TestCompany company = newCompany();
		ScimHttp scim = company.scim();
		String first = scim.post("/Users", "{\"userName\": \"cy@x.test\", \"externalId\": \"cy-1\"}")
			.json()
			.get("id")
			.asString();
		scim.delete("/Users/" + first);

		ScimHttp.Response rehired = scim.post("/Users",
				"{\"userName\": \"CY@x.test\", \"externalId\": \"cy-1\", \"title\": \"Back\"}");
		ScimHttp.Response conflict = scim.post("/Users", "{\"userName\": \"cy@X.test\"}");
		List<JsonNode> entries = entries(company.api());

		assertThat(rehired.status()).isEqualTo(201);
		assertThat(conflict.status()).isEqualTo(409);
		String rehiredId = rehired.json().get("id").asString();
		assertThat(entries)
			.extracting((e) -> e.get("method").asString() + " " + e.get("status").asInt() + " "
					+ e.get("resourceId").asString(""))
			.containsExactly("POST 409 ", "POST 201 " + rehiredId, "DELETE 204 " + first, "POST 201 " + first);
		assertThat(entries.get(1).get("changedAttributes")).extracting(JsonNode::asString).contains("title");
	}

	@Test
	void groupRequestsRecordMembersAsChanged() {
		TestCompany company = newCompany();
		ScimHttp scim = company.scim();
		String user = scim.post("/Users", "{\"userName\": \"m@x.test\"}").json().get("id").asString();
		String group = scim.post("/Groups", "{\"displayName\": \"G\"}").json().get("id").asString();

		scim.patch("/Groups/" + group,
				"{\"Operations\": [{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"value\": \"" + user
						+ "\"}]}]}");
		JsonNode patch = entries(company.api()).get(0);

		assertThat(patch.get("resourceType").asString()).isEqualTo("Group");
		assertThat(patch.get("resourceId").asString()).isEqualTo(group);
		assertThat(patch.get("status").asInt()).isEqualTo(204);
		assertThat(patch.get("changedAttributes")).extracting(JsonNode::asString).containsExactly("members");
	}

	@Test
	void bulkOperationsEachLeaveEntry() {
		TestCompany company = newCompany();

		ScimHttp.Response bulk = company.scim().post("/Bulk", """
				{"schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"], "Operations": [
				  {"method": "POST", "path": "/Users", "bulkId": "a", "data": {"userName": "b1@x.test"}},
				  {"method": "POST", "path": "/Users", "bulkId": "b", "data": {"userName": "b1@x.test"}}]}""");
		List<JsonNode> entries = entries(company.api());

		assertThat(bulk.status()).isEqualTo(200);
		assertThat(entries).extracting((e) -> e.get("resourceType").asString() + " " + e.get("status").asInt())
			.containsExactlyInAnyOrder("Bulk 200", "User 201", "User 409");
	}

	@Test
	void disabledConnectionTokenIsUnauthorizedAndRecorded() {
		TestCompany company = newCompany();
		String connection = "scim-connections/" + company.connectionId();

		ApiHttp.Response disabled = company.api().post(connection + "/disable", null);
		ScimHttp.Response rejected = company.scim().get("/Users");
		ApiHttp.Response enabled = company.api().post(connection + "/enable", null);
		ScimHttp.Response accepted = company.scim().get("/Users");

		assertThat(disabled.json().get("state").asString()).isEqualTo("disabled");
		assertThat(rejected.status()).isEqualTo(401);
		assertThat(rejected.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(rejected.json().get("schemas").get(0).asString())
			.isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
		assertThat(rejected.json().get("detail").asString()).contains("disabled");
		assertThat(enabled.json().get("state").asString()).isEqualTo("live");
		assertThat(accepted.status()).isEqualTo(200);
		assertThat(entries(company.api())).extracting((e) -> e.get("status").asInt()).containsExactly(200, 401);
	}

	@Test
	void pagesWalkFromNewestToOldest() {
		TestCompany company = newCompany();
		for (int i = 0; i < 5; i++) {
			company.scim().get("/Users");
		}

		JsonNode first = company.api().get("activity?limit=3").json();
		JsonNode second = company.api().get("activity?limit=3&before=" + first.get("nextBefore").asLong()).json();

		assertThat(first.get("items")).hasSize(3);
		assertThat(second.get("items")).hasSize(2);
		assertThat(second.get("nextBefore").isNull()).isTrue();
		assertThat(first.get("items").get(2).get("seq").asLong())
			.isGreaterThan(second.get("items").get(0).get("seq").asLong());
	}

	@Test
	void exportWritesJsonAndCsv() {
		TestCompany company = newCompany();
		company.scim().post("/Users", "{\"userName\": \"=cmd@x.test\"}");
		company.scim().post("/Users", "{\"userName\": \"=cmd@x.test\"}");

		ApiHttp.Response json = company.api().get("activity/export?format=json");
		ApiHttp.Response csv = company.api().get("activity/export?format=csv");
		ApiHttp.Response bad = company.api().get("activity/export?format=xml");
		ApiHttp.Response badTime = company.api().get("activity/export?from=yesterday");

		assertThat(json.status()).isEqualTo(200);
		assertThat(json.json()).hasSize(2);
		assertThat(json.json().get(0).get("status").asInt()).isEqualTo(201);
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		String[] lines = csv.body().split("\r\n");
		assertThat(lines).hasSize(3);
		assertThat(lines[0]).isEqualTo(ActivityCsv.HEADER);
		assertThat(lines[1]).contains(",POST,User,").contains(",201,success,");
		assertThat(lines[2]).contains(",409,failure,").contains("uniqueness");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("field").asString()).isEqualTo("format");
		assertThat(badTime.status()).isEqualTo(400);
	}

	@Test
	void exportEscapesCsvFieldsAndFormulas() {
		assertThat(ActivityCsv.field("plain")).isEqualTo("plain");
		assertThat(ActivityCsv.field("a,b")).isEqualTo("\"a,b\"");
		assertThat(ActivityCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(ActivityCsv.field("=SUM(A1)")).isEqualTo("'=SUM(A1)");
		assertThat(ActivityCsv.field("@cmd")).isEqualTo("'@cmd");
		assertThat(ActivityCsv.field("line\nbreak")).isEqualTo("\"line\nbreak\"");
	}

	private static TestCompany newCompany() {
		return server.newCompany("Acme", Plan.ENTERPRISE, IdentityProvider.OKTA);
	}

	/** Returns the company's activity entries, newest first. */
	static List<JsonNode> entries(ApiHttp api) {
		ApiHttp.Response response = api.get("activity?limit=1000");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		List<JsonNode> entries = new ArrayList<>();
		response.json().get("items").forEach(entries::add);
		return entries;
	}

}
