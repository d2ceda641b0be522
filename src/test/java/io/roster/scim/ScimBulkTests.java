package io.roster.scim;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.bulk.BulkOpType;
import com.unboundid.scim2.common.bulk.BulkOperation;
import com.unboundid.scim2.common.bulk.BulkOperationResult;
import com.unboundid.scim2.common.bulk.BulkResponse;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.types.UserResource;

import io.roster.support.RosterServer;
import io.roster.support.ScimClients;
import io.roster.support.ScimHttp;
import io.roster.support.TestDatabase;
import io.roster.tenant.Plan;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk requests (RFC 7644 section 3.7) over HTTP: bulkId references in any order,
 * failOnErrors, per-operation versions and errors, and the advertised limits, which this
 * server sets low so that tests can exceed them.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ScimBulkTests {

	private static final int MAX_OPERATIONS = 10;

	private static final int MAX_PAYLOAD_BYTES = 8192;

	private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

	private static RosterServer server;

	@Parameter
	TestDatabase database;

	@BeforeParameterizedClassInvocation
	static void start(TestDatabase database) {
		server = RosterServer.start(database, Map.of("roster.scim.bulk-max-operations", MAX_OPERATIONS,
				"roster.scim.bulk-max-payload-bytes", MAX_PAYLOAD_BYTES));
	}

	@AfterParameterizedClassInvocation
	static void stop() {
		server.close();
	}

	@Test
	void bulkCreatesUserAndGroupAndReportsConflict() {
		ScimHttp scim = newCompany();
		createUser(scim, "alice@example.com");

		ScimHttp.Response response = scim.post("/Bulk", """
				{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],
				 "Operations":[
				  {"method":"POST","bulkId":"b1","path":"/Users",
				   "data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"leo@example.com"}},
				  {"method":"POST","bulkId":"b2","path":"/Groups",
				   "data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Night Shift",
				           "members":[{"value":"bulkId:b1"}]}},
				  {"method":"POST","bulkId":"b3","path":"/Users",
				   "data":{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"alice@example.com"}}
				 ]}""");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("application/scim+json");
		JsonNode body = response.json();
		assertThat(body.get("schemas").get(0).asString())
			.isEqualTo("urn:ietf:params:scim:api:messages:2.0:BulkResponse");
		JsonNode operations = body.get("Operations");
		assertThat(operations.isArray()).isTrue();
		assertThat(operations).hasSize(3);

		JsonNode user = operations.get(0);
		assertThat(user.get("method").asString()).isEqualTo("POST");
		assertThat(user.get("bulkId").asString()).isEqualTo("b1");
		assertThat(user.get("status").isString()).isTrue();
		assertThat(user.get("status").asString()).isEqualTo("201");
		assertThat(user.get("version").asString()).isEqualTo("W/\"1\"");
		assertThat(user.has("response")).isFalse();
		String userLocation = user.get("location").asString();
		assertThat(userLocation).startsWith(server.scimUrl() + "/Users/");
		String userId = userLocation.substring(userLocation.lastIndexOf('/') + 1);
		JsonNode storedUser = scim.get("/Users/" + userId).json();
		assertThat(storedUser.get("userName").asString()).isEqualTo("leo@example.com");

		JsonNode group = operations.get(1);
		assertThat(group.get("bulkId").asString()).isEqualTo("b2");
		assertThat(group.get("status").asString()).isEqualTo("201");
		String groupLocation = group.get("location").asString();
		assertThat(groupLocation).startsWith(server.scimUrl() + "/Groups/");
		JsonNode storedGroup = scim.get(groupLocation.substring(server.scimUrl().length())).json();
		assertThat(storedGroup.get("displayName").asString()).isEqualTo("Night Shift");
		assertThat(memberIds(storedGroup)).containsExactly(userId);

		JsonNode conflict = operations.get(2);
		assertThat(conflict.get("bulkId").asString()).isEqualTo("b3");
		assertThat(conflict.get("status").asString()).isEqualTo("409");
		assertThat(conflict.has("location")).isFalse();
		JsonNode error = conflict.get("response");
		assertThat(error.get("schemas").get(0).asString()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
		assertThat(error.get("status").asString()).isEqualTo("409");
		assertThat(error.get("scimType").asString()).isEqualTo("uniqueness");
		assertThat(error.get("detail").asString()).contains("alice@example.com");
		assertThat(countUsers(scim, "alice@example.com")).isEqualTo(1);
	}

	@Test
	void laterBulkIdPostRunsFirst() {
		ScimHttp scim = newCompany();

		JsonNode operations = bulk(scim, null, """
				{"method":"POST","bulkId":"team","path":"/Groups",
				 "data":{"displayName":"Platform","members":[{"value":"bulkId:dev"}]}},
				{"method":"post","bulkId":"dev","path":"/Users",
				 "data":{"userName":"dev@x.test","%s":{"manager":{"value":"bulkId:lead"}}}},
				{"method":"POST","bulkId":"lead","path":"/Users","data":{"userName":"lead@x.test"}}"""
			.formatted(ENTERPRISE));

		assertThat(operations).hasSize(3);
		assertThat(operations.get(0).get("bulkId").asString()).isEqualTo("team");
		assertThat(operations.get(1).get("bulkId").asString()).isEqualTo("dev");
		assertThat(operations.get(1).get("method").asString()).isEqualTo("POST");
		assertThat(operations.get(2).get("bulkId").asString()).isEqualTo("lead");
		for (JsonNode operation : operations) {
			assertThat(operation.get("status").asString()).as(operation.toString()).isEqualTo("201");
		}
		String devId = id(operations.get(1));
		String leadId = id(operations.get(2));
		JsonNode dev = scim.get("/Users/" + devId).json();
		assertThat(dev.get(ENTERPRISE).get("manager").get("value").asString()).isEqualTo(leadId);
		JsonNode team = scim.get("/Groups/" + id(operations.get(0))).json();
		assertThat(memberIds(team)).containsExactly(devId);
	}

	@Test
	void managerAsStringHabitAppliesToBulkData() {
		ScimHttp scim = newCompany();

		JsonNode operations = bulk(scim, null, """
				{"method":"POST","bulkId":"boss","path":"/Users","data":{"userName":"boss@x.test"}},
				{"method":"POST","bulkId":"staff","path":"/Users",
				 "data":{"userName":"staff@x.test","%s":{"manager":"bulkId:boss"}}}""".formatted(ENTERPRISE));

		assertThat(operations.get(1).get("status").asString()).as(operations.toString()).isEqualTo("201");
		JsonNode staff = scim.get("/Users/" + id(operations.get(1))).json();
		assertThat(staff.get(ENTERPRISE).get("manager").get("value").asString()).isEqualTo(id(operations.get(0)));
	}

	@Test
	void failOnErrorsStopsAfterThatManyErrors() {
		ScimHttp scim = newCompany();
		createUser(scim, "taken@x.test");

		JsonNode operations = bulk(scim, 1, """
				{"method":"POST","bulkId":"u1","path":"/Users","data":{"userName":"first@x.test"}},
				{"method":"POST","bulkId":"u2","path":"/Users","data":{"userName":"taken@x.test"}},
				{"method":"POST","bulkId":"u3","path":"/Users","data":{"userName":"third@x.test"}},
				{"method":"DELETE","path":"/Users/no-such-user"}""");

		assertThat(operations).hasSize(2);
		assertThat(operations.get(0).get("status").asString()).isEqualTo("201");
		assertThat(operations.get(1).get("bulkId").asString()).isEqualTo("u2");
		assertThat(operations.get(1).get("status").asString()).isEqualTo("409");
		assertThat(countUsers(scim, "first@x.test")).isEqualTo(1);
		assertThat(countUsers(scim, "third@x.test")).isZero();
	}

	@Test
	void failOnErrorsCountsErrorsBeforeStopping() {
		ScimHttp scim = newCompany();

		JsonNode operations = bulk(scim, 2, """
				{"method":"DELETE","path":"/Users/missing-1"},
				{"method":"POST","bulkId":"u1","path":"/Users","data":{"userName":"between@x.test"}},
				{"method":"DELETE","path":"/Users/missing-2"},
				{"method":"POST","bulkId":"u2","path":"/Users","data":{"userName":"after@x.test"}}""");

		assertThat(operations).hasSize(3);
		assertThat(operations.get(0).get("status").asString()).isEqualTo("404");
		assertThat(operations.get(1).get("status").asString()).isEqualTo("201");
		assertThat(operations.get(2).get("status").asString()).isEqualTo("404");
		assertThat(countUsers(scim, "between@x.test")).isEqualTo(1);
		assertThat(countUsers(scim, "after@x.test")).isZero();
	}

	@Test
	void withoutFailOnErrorsEveryOperationRuns() {
		ScimHttp scim = newCompany();
		createUser(scim, "taken@x.test");
		String groupId = createGroup(scim, "Support");
		String memberId = createUser(scim, "member@x.test");

		JsonNode operations = bulk(scim, null, """
				{"method":"POST","bulkId":"dup","path":"/Users","data":{"userName":"taken@x.test"}},
				{"method":"POST","bulkId":"ok1","path":"/Users","data":{"userName":"ok1@x.test"}},
				{"method":"PATCH","path":"/Groups/%s","data":{"Operations":[
				  {"op":"add","path":"members","value":[{"value":"%s"},{"value":"no-such-user"}]}]}},
				{"method":"POST","bulkId":"ok2","path":"/Users","data":{"userName":"ok2@x.test"}}""".formatted(groupId,
				memberId));

		assertThat(operations).hasSize(4);
		assertThat(operations.get(0).get("status").asString()).isEqualTo("409");
		assertThat(operations.get(1).get("status").asString()).isEqualTo("201");
		assertThat(operations.get(2).get("status").asString()).isEqualTo("400");
		assertThat(operations.get(2).get("location").asString()).isEqualTo(server.scimUrl() + "/Groups/" + groupId);
		assertThat(operations.get(2).get("response").get("scimType").asString()).isEqualTo("invalidValue");
		assertThat(operations.get(2).get("response").get("detail").asString()).contains("no-such-user");
		assertThat(operations.get(3).get("status").asString()).isEqualTo("201");
		assertThat(countUsers(scim, "ok1@x.test")).isEqualTo(1);
		assertThat(countUsers(scim, "ok2@x.test")).isEqualTo(1);
		assertThat(memberIds(scim.get("/Groups/" + groupId).json())).isEmpty();
	}

	@Test
	void putPatchAndDeleteBehaveLikeSingleRequests() {
		ScimHttp scim = newCompany();
		String replacedId = createUser(scim, "replaced@x.test");
		String patchedId = createUser(scim, "patched@x.test");
		String deletedId = createUser(scim, "deleted@x.test");
		String groupId = createGroup(scim, "Builders");
		String removedGroupId = createGroup(scim, "Retired");

		JsonNode operations = bulk(scim, null,
				"""
						{"method":"PUT","path":"/Users/%s","data":{"userName":"replaced@x.test","title":"Director"}},
						{"method":"PATCH","path":"/Users/%s","data":{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
						 "Operations":[{"op":"replace","path":"title","value":"Engineer"}]}},
						{"method":"DELETE","path":"/Users/%s"},
						{"method":"POST","bulkId":"hire","path":"/Users","data":{"userName":"hire@x.test"}},
						{"method":"PUT","path":"/Users/bulkId:hire","data":{"userName":"hire@x.test","title":"Analyst"}},
						{"method":"PATCH","path":"/Groups/%s","data":{"Operations":[
						 {"op":"add","path":"members","value":[{"value":"bulkId:hire"},{"value":"%s"}]}]}},
						{"method":"DELETE","path":"/Groups/%s"}"""
					.formatted(replacedId, patchedId, deletedId, groupId, patchedId, removedGroupId));

		assertThat(operations).hasSize(7);
		JsonNode put = operations.get(0);
		assertThat(put.get("method").asString()).isEqualTo("PUT");
		assertThat(put.get("status").asString()).isEqualTo("200");
		assertThat(put.get("location").asString()).isEqualTo(server.scimUrl() + "/Users/" + replacedId);
		assertThat(put.get("version").asString()).isEqualTo("W/\"2\"");
		JsonNode patch = operations.get(1);
		assertThat(patch.get("status").asString()).isEqualTo("200");
		assertThat(patch.get("version").asString()).isEqualTo("W/\"2\"");
		JsonNode delete = operations.get(2);
		assertThat(delete.get("status").asString()).isEqualTo("204");
		assertThat(delete.get("location").asString()).isEqualTo(server.scimUrl() + "/Users/" + deletedId);
		assertThat(delete.has("version")).isFalse();
		String hireId = id(operations.get(3));
		JsonNode putByBulkId = operations.get(4);
		assertThat(putByBulkId.get("status").asString()).isEqualTo("200");
		assertThat(putByBulkId.get("location").asString()).isEqualTo(server.scimUrl() + "/Users/" + hireId);
		JsonNode groupPatch = operations.get(5);
		assertThat(groupPatch.get("status").asString()).isEqualTo("204");
		assertThat(groupPatch.get("version").asString()).isEqualTo("W/\"2\"");
		assertThat(operations.get(6).get("status").asString()).isEqualTo("204");

		assertThat(scim.get("/Users/" + replacedId).json().get("title").asString()).isEqualTo("Director");
		assertThat(scim.get("/Users/" + patchedId).json().get("title").asString()).isEqualTo("Engineer");
		assertThat(scim.get("/Users/" + deletedId).status()).isEqualTo(404);
		assertThat(scim.get("/Users/" + hireId).json().get("title").asString()).isEqualTo("Analyst");
		assertThat(memberIds(scim.get("/Groups/" + groupId).json())).containsExactlyInAnyOrder(hireId, patchedId);
		assertThat(scim.get("/Groups/" + removedGroupId).status()).isEqualTo(404);
	}

	@Test
	void bulkIdInPatchFilterResolves() {
		ScimHttp scim = newCompany();
		String groupId = createGroup(scim, "Rotation");

		JsonNode operations = bulk(scim, null, """
				{"method":"POST","bulkId":"a","path":"/Users","data":{"userName":"a@x.test"}},
				{"method":"POST","bulkId":"b","path":"/Users","data":{"userName":"b@x.test"}},
				{"method":"PATCH","path":"/Groups/%s","data":{"Operations":[
				 {"op":"add","path":"members","value":[{"value":"bulkId:a"},{"value":"bulkId:b"}]}]}},
				{"method":"PATCH","path":"/Groups/%s","data":{"Operations":[
				 {"op":"remove","path":"members[value eq \\"bulkId:a\\"]"}]}}""".formatted(groupId, groupId));

		assertThat(operations).hasSize(4);
		for (JsonNode operation : operations) {
			assertThat(operation.get("status").asString()).as(operation.toString()).startsWith("2");
		}
		assertThat(memberIds(scim.get("/Groups/" + groupId).json())).containsExactly(id(operations.get(1)));
	}

	@Test
	void versionMismatchFailsOnlyThatOperation() {
		ScimHttp scim = newCompany();
		String staleId = createUser(scim, "stale@x.test");
		String currentId = createUser(scim, "current@x.test");
		String keptId = createUser(scim, "kept@x.test");

		JsonNode operations = bulk(scim, null, """
				{"method":"PATCH","path":"/Users/%s","version":"W/\\"7\\"",
				 "data":{"Operations":[{"op":"replace","path":"title","value":"Stale"}]}},
				{"method":"PATCH","path":"/Users/%s","version":"W/\\"1\\"",
				 "data":{"Operations":[{"op":"replace","path":"title","value":"Current"}]}},
				{"method":"DELETE","path":"/Users/%s","version":"W/\\"3\\""},
				{"method":"PUT","path":"/Users/%s","version":"not-an-etag","data":{"userName":"kept@x.test"}}"""
			.formatted(staleId, currentId, keptId, keptId));

		assertThat(operations).hasSize(4);
		assertThat(operations.get(0).get("status").asString()).isEqualTo("412");
		assertThat(operations.get(0).get("response").get("status").asString()).isEqualTo("412");
		assertThat(operations.get(1).get("status").asString()).isEqualTo("200");
		assertThat(operations.get(1).get("version").asString()).isEqualTo("W/\"2\"");
		assertThat(operations.get(2).get("status").asString()).isEqualTo("412");
		assertThat(operations.get(3).get("status").asString()).isEqualTo("412");
		assertThat(operations.get(3).get("response").get("detail").asString()).contains("not-an-etag");
		assertThat(scim.get("/Users/" + staleId).json().has("title")).isFalse();
		assertThat(scim.get("/Users/" + currentId).json().get("title").asString()).isEqualTo("Current");
		assertThat(scim.get("/Users/" + keptId).status()).isEqualTo(200);
	}

	@Test
	void unknownBulkIdIsInvalidValue() {
		ScimHttp scim = newCompany();

		JsonNode operations = bulk(scim, null, """
				{"method":"POST","bulkId":"g","path":"/Groups",
				 "data":{"displayName":"Orphans","members":[{"value":"bulkId:nobody"}]}},
				{"method":"DELETE","path":"/Users/bulkId:ghost"}""");

		assertThat(operations).hasSize(2);
		JsonNode group = operations.get(0);
		assertThat(group.get("status").asString()).isEqualTo("400");
		assertThat(group.get("response").get("scimType").asString()).isEqualTo("invalidValue");
		assertThat(group.get("response").get("detail").asString()).contains("bulkId:nobody");
		JsonNode delete = operations.get(1);
		assertThat(delete.get("status").asString()).isEqualTo("400");
		assertThat(delete.get("response").get("detail").asString()).contains("bulkId:ghost");
		assertThat(scim.get("/Groups").json().get("totalResults").asInt()).isZero();
	}

	@Test
	void circularReferenceIsConflict() {
		ScimHttp scim = newCompany();

		JsonNode operations = bulk(scim, null, """
				{"method":"POST","bulkId":"ann","path":"/Users",
				 "data":{"userName":"ann@x.test","%1$s":{"manager":{"value":"bulkId:bob"}}}},
				{"method":"POST","bulkId":"bob","path":"/Users",
				 "data":{"userName":"bob@x.test","%1$s":{"manager":{"value":"bulkId:ann"}}}},
				{"method":"POST","bulkId":"self","path":"/Users",
				 "data":{"userName":"self@x.test","%1$s":{"manager":{"value":"bulkId:self"}}}},
				{"method":"POST","bulkId":"free","path":"/Users","data":{"userName":"free@x.test"}}"""
			.formatted(ENTERPRISE));

		assertThat(operations).hasSize(4);
		for (int i = 0; i < 3; i++) {
			JsonNode operation = operations.get(i);
			assertThat(operation.get("status").asString()).as(operation.toString()).isEqualTo("409");
			assertThat(operation.get("response").get("detail").asString()).as(operation.toString())
				.contains("Circular bulkId reference");
		}
		assertThat(operations.get(0).get("response").get("detail").asString()).contains("ann -> bob -> ann");
		assertThat(operations.get(2).get("response").get("detail").asString()).contains("self -> self");
		assertThat(operations.get(3).get("status").asString()).isEqualTo("201");
		assertThat(scim.get("/Users").json().get("totalResults").asInt()).isEqualTo(1);
	}

	@Test
	void referenceToFailedPostIsConflict() {
		ScimHttp scim = newCompany();
		createUser(scim, "taken@x.test");

		JsonNode operations = bulk(scim, null, """
				{"method":"POST","bulkId":"dup","path":"/Users","data":{"userName":"taken@x.test"}},
				{"method":"POST","bulkId":"g","path":"/Groups",
				 "data":{"displayName":"Waiting","members":[{"value":"bulkId:dup"}]}}""");

		assertThat(operations.get(0).get("status").asString()).isEqualTo("409");
		JsonNode group = operations.get(1);
		assertThat(group.get("status").asString()).isEqualTo("409");
		assertThat(group.get("response").get("detail").asString()).contains("bulkId:dup").contains("failed");
		assertThat(scim.get("/Groups").json().get("totalResults").asInt()).isZero();
	}

	@Test
	void tooManyOperationsIs413AndChangesNothing() {
		ScimHttp scim = newCompany();
		List<String> posts = new ArrayList<>();
		for (int i = 0; i <= MAX_OPERATIONS; i++) {
			posts.add("{\"method\":\"POST\",\"bulkId\":\"u" + i + "\",\"path\":\"/Users\",\"data\":{\"userName\":\"u"
					+ i + "@x.test\"}}");
		}

		ScimHttp.Response response = scim.post("/Bulk", "{\"Operations\":[" + String.join(",", posts) + "]}");

		assertThat(response.status()).isEqualTo(413);
		assertThat(response.json().get("status").asString()).isEqualTo("413");
		assertThat(response.json().get("detail").asString()).contains("maxOperations")
			.contains(String.valueOf(MAX_OPERATIONS));
		assertThat(scim.get("/Users").json().get("totalResults").asInt()).isZero();
	}

	@Test
	void payloadOverLimitIs413AndChangesNothing() {
		ScimHttp scim = newCompany();
		String title = "x".repeat(MAX_PAYLOAD_BYTES / 2);
		String body = """
				{"Operations":[
				 {"method":"POST","bulkId":"a","path":"/Users","data":{"userName":"a@x.test","title":"%s"}},
				 {"method":"POST","bulkId":"b","path":"/Users","data":{"userName":"b@x.test","title":"%s"}}]}"""
			.formatted(title, title);

		ScimHttp.Response response = scim.post("/Bulk", body);

		assertThat(body.length()).isGreaterThan(MAX_PAYLOAD_BYTES);
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.json().get("status").asString()).isEqualTo("413");
		assertThat(response.json().get("detail").asString()).contains("maxPayloadSize")
			.contains(String.valueOf(MAX_PAYLOAD_BYTES));
		assertThat(scim.get("/Users").json().get("totalResults").asInt()).isZero();
	}

	@Test
	void malformedRequestIs400() {
		ScimHttp scim = newCompany();
		String duplicateBulkIds = """
				{"Operations":[{"method":"DELETE","bulkId":"x","path":"/Users/1"},
				               {"method":"DELETE","bulkId":"x","path":"/Users/2"}]}""";
		Map<String, String> scimTypes = Map.ofEntries(Map.entry("[]", "invalidSyntax"),
				Map.entry("{\"Operations\":[", "invalidSyntax"), Map.entry("{}", "invalidSyntax"),
				Map.entry("{\"Operations\":{}}", "invalidSyntax"),
				Map.entry("{\"failOnErrors\":0,\"Operations\":[]}", "invalidValue"),
				Map.entry("{\"failOnErrors\":\"1\",\"Operations\":[]}", "invalidValue"),
				Map.entry(duplicateBulkIds, "invalidValue"));

		for (Map.Entry<String, String> entry : scimTypes.entrySet()) {
			ScimHttp.Response response = scim.post("/Bulk", entry.getKey());

			assertThat(response.status()).as(entry.getKey()).isEqualTo(400);
			assertThat(response.json().get("scimType").asString()).as(entry.getKey()).isEqualTo(entry.getValue());
			assertThat(response.json().get("detail").asString()).as(entry.getKey()).isNotBlank();
		}
	}

	@Test
	void malformedOperationFailsAlone() {
		ScimHttp scim = newCompany();

		JsonNode operations = bulk(scim, null, """
				"not an operation",
				{"method":"GET","path":"/Users/1"},
				{"method":"POST","bulkId":"s","path":"/Schemas","data":{}},
				{"method":"POST","bulkId":"n","path":"/Users"},
				{"method":"PATCH","path":"/Users/1"},
				{"method":"POST","path":"/Users","data":{"userName":"nobulkid@x.test"}},
				{"method":"PUT","path":"/Users","data":{"userName":"noid@x.test"}},
				{"method":"POST","bulkId":"p","path":"/Users/1","data":{"userName":"withid@x.test"}},
				{"method":"POST","bulkId":"d","path":"/Users","data":[]},
				{"method":"POST","bulkId":"ok","path":"/Users","data":{"userName":"ok@x.test"}}""");

		assertThat(operations).hasSize(10);
		List<String> scimTypes = List.of("invalidSyntax", "invalidValue", "invalidPath", "invalidValue", "invalidValue",
				"invalidValue", "invalidPath", "invalidPath", "invalidSyntax");
		for (int i = 0; i < scimTypes.size(); i++) {
			JsonNode operation = operations.get(i);
			assertThat(operation.get("status").asString()).as(operation.toString()).isEqualTo("400");
			assertThat(operation.get("response").get("scimType").asString()).as(operation.toString())
				.isEqualTo(scimTypes.get(i));
			assertThat(operation.get("response").get("detail").asString()).as(operation.toString())
				.contains("Operations[" + i + "]");
		}
		assertThat(operations.get(1).get("method").asString()).isEqualTo("GET");
		assertThat(operations.get(9).get("status").asString()).isEqualTo("201");
		assertThat(scim.get("/Users").json().get("totalResults").asInt()).isEqualTo(1);
	}

	@Test
	void serviceProviderConfigAdvertisesBulkLimits() {
		ScimHttp scim = newCompany();

		JsonNode bulk = scim.get("/ServiceProviderConfig").json().get("bulk");

		assertThat(bulk.get("supported").asBoolean()).isTrue();
		assertThat(bulk.get("maxOperations").asInt()).isEqualTo(MAX_OPERATIONS);
		assertThat(bulk.get("maxPayloadSize").asInt()).isEqualTo(MAX_PAYLOAD_BYTES);
	}

	@Test
	void scimClientReadsBulkResponse() throws Exception {
		String token = server.tokenOfNewCompany("Bulk client " + System.nanoTime(), Plan.ENTERPRISE);
		ScimService client = ScimClients.connect(server.scimUrl(), token);
		UserResource user = new UserResource().setUserName("sdk@x.test");
		GroupResource group = new GroupResource().setDisplayName("SDK")
			.setMembers(List.of(new Member().setValue("bulkId:sdk-user")));

		BulkResponse response = client.bulkRequest()
			.append(BulkOperation.post("/Users", user).setBulkId("sdk-user"),
					BulkOperation.post("/Groups", group).setBulkId("sdk-group"),
					BulkOperation.delete("/Users/no-such-user"))
			.invoke();

		List<BulkOperationResult> results = response.getOperations();
		assertThat(results).hasSize(3);
		assertThat(results.get(0).getMethod()).isEqualTo(BulkOpType.POST);
		assertThat(results.get(0).getStatusInt()).isEqualTo(201);
		assertThat(results.get(1).getStatusInt()).isEqualTo(201);
		assertThat(results.get(2).getStatusInt()).isEqualTo(404);
		assertThat(results.get(2).getResponse().get("detail").asString()).contains("no-such-user");
		String userId = results.get(0).getLocation().substring(results.get(0).getLocation().lastIndexOf('/') + 1);
		String groupId = results.get(1).getLocation().substring(results.get(1).getLocation().lastIndexOf('/') + 1);
		GroupResource stored = client.retrieve("Groups", groupId, GroupResource.class);
		assertThat(stored.getMembers()).extracting(Member::getValue).containsExactly(userId);
	}

	private static ScimHttp newCompany() {
		return new ScimHttp(server.scimUrl(), server.tokenOfNewCompany("Bulk " + System.nanoTime(), Plan.ENTERPRISE));
	}

	/**
	 * Sends a BulkRequest with the given operations, checks that its status is 200, and
	 * returns its {@code Operations}.
	 */
	private static JsonNode bulk(ScimHttp scim, Integer failOnErrors, String operations) {
		String limit = (failOnErrors != null) ? "\"failOnErrors\":" + failOnErrors + "," : "";
		ScimHttp.Response response = scim.post("/Bulk",
				"{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"]," + limit + "\"Operations\":["
						+ operations + "]}");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode result = response.json().get("Operations");
		assertThat(result.isArray()).as(response.body()).isTrue();
		return result;
	}

	private static String createUser(ScimHttp scim, String userName) {
		ScimHttp.Response response = scim.post("/Users", "{\"userName\":\"" + userName + "\"}");
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	private static String createGroup(ScimHttp scim, String displayName) {
		ScimHttp.Response response = scim.post("/Groups", "{\"displayName\":\"" + displayName + "\"}");
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	private static int countUsers(ScimHttp scim, String userName) {
		String filter = URLEncoder.encode("userName eq \"" + userName + "\"", StandardCharsets.UTF_8);
		return scim.get("/Users?filter=" + filter).json().get("totalResults").asInt();
	}

	/** Returns the id at the end of an operation result's {@code location}. */
	private static String id(JsonNode result) {
		String location = result.get("location").asString();
		return location.substring(location.lastIndexOf('/') + 1);
	}

	private static List<String> memberIds(JsonNode group) {
		List<String> ids = new ArrayList<>();
		if (group.has("members")) {
			group.get("members").forEach((member) -> ids.add(member.get("value").asString()));
		}
		return ids;
	}

}
