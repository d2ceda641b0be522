package io.roster.sync;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.unboundid.scim2.common.utils.JsonUtils;

import io.roster.support.ScimHttp;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fixed run of SCIM requests whose responses, with ids replaced by the order they
 * appeared in and timestamps and versions left out, must be the same for two companies
 * that start with the same directory.
 */
final class TwinScript {

	private static final String PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

	private final ScimHttp scim;

	private final Map<String, String> placeholders = new LinkedHashMap<>();

	private final List<String> responses = new ArrayList<>();

	private TwinScript(ScimHttp scim) {
		this.scim = scim;
	}

	/** Sends the requests and returns each response as its status and normalized body. */
	static List<String> run(ScimHttp scim) {
		TwinScript script = new TwinScript(scim);
		script.send();
		return script.responses;
	}

	private void send() {
		String ann = created(this.scim.post("/Users", """
				{"userName": "ann@twin.test", "name": {"givenName": "Ann", "familyName": "Lee"}, "title": "Lead",
				 "emails": [{"value": "ann@twin.test", "type": "work", "primary": true}]}"""));
		String eve = created(this.scim.post("/Users", "{\"userName\": \"eve@twin.test\", \"externalId\": \"e-1\"}"));
		record(this.scim.post("/Users", "{\"userName\": \"EVE@twin.test\"}"));
		record(this.scim.get("/Users/" + ann));
		record(this.scim.get("/Users?filter=userName%20eq%20%22ANN@twin.test%22"));
		record(this.scim.patch("/Users/" + eve, """
				{"schemas": ["%s"], "Operations": [{"op": "replace", "path": "title", "value": "Clerk"}]}"""
			.formatted(PATCH)));
		record(this.scim.put("/Users/" + eve, """
				{"userName": "eve@twin.test", "externalId": "e-2", "displayName": "Eve",
				 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "Ops"}}"""));
		String sales = created(
				this.scim.post("/Groups", "{\"displayName\": \"sales\", \"members\": [{\"value\": \"" + ann + "\"}]}"));
		record(this.scim.patch("/Groups/" + sales, """
				{"schemas": ["%s"], "Operations": [{"op": "add", "path": "members", "value": [{"value": "%s"}]}]}"""
			.formatted(PATCH, eve)));
		record(this.scim.get("/Groups/" + sales));
		record(this.scim.delete("/Users/" + eve));
		record(this.scim.get("/Users/" + eve));
		record(this.scim.get("/Groups/" + sales));
		ScimHttp.Response bulk = this.scim.post("/Bulk", """
				{"schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"], "Operations": [
				 {"method": "POST", "path": "/Groups", "bulkId": "g",
				  "data": {"displayName": "Ops", "members": [{"value": "bulkId:k"}]}},
				 {"method": "POST", "path": "/Users", "bulkId": "k", "data": {"userName": "kim@twin.test"}}]}""");
		for (JsonNode operation : bulk.json().get("Operations")) {
			String location = operation.get("location").asString();
			placeholder(location.substring(location.lastIndexOf('/') + 1));
		}
		record(bulk);
		record(this.scim.get("/Users?filter=userName%20sw%20%22k%22"));
		record(this.scim.get("/Groups?excludedAttributes=members&sortBy=displayName"));
		record(this.scim.delete("/Groups/" + sales));
		record(this.scim.get("/Users?count=0"));
		record(this.scim.get("/?filter=displayName%20pr&sortBy=displayName"));
	}

	private String created(ScimHttp.Response response) {
		String id = response.json().get("id").asString();
		placeholder(id);
		record(response);
		return id;
	}

	private void placeholder(String id) {
		this.placeholders.putIfAbsent(id, "<id" + (this.placeholders.size() + 1) + ">");
	}

	private void record(ScimHttp.Response response) {
		String body = response.body();
		for (Map.Entry<String, String> id : this.placeholders.entrySet()) {
			body = body.replace(id.getKey(), id.getValue());
		}
		String normalized = body;
		if (!body.isEmpty()) {
			JsonNode json = JsonUtils.getObjectReader().readTree(body);
			normalize(json);
			normalized = json.toString();
		}
		this.responses.add(response.status() + " " + normalized);
	}

	/** Leaves out timestamps and versions, and orders members by their placeholder. */
	private static void normalize(JsonNode node) {
		if (node instanceof ObjectNode object) {
			if (object.get("meta") instanceof ObjectNode meta) {
				meta.remove(List.of("created", "lastModified", "version"));
			}
			if (object.get("members") instanceof ArrayNode members) {
				List<JsonNode> sorted = new ArrayList<>();
				members.forEach(sorted::add);
				sorted.sort(Comparator.comparing(JsonNode::toString));
				members.removeAll();
				sorted.forEach(members::add);
			}
			object.forEach(TwinScript::normalize);
		}
		else if (node instanceof ArrayNode array) {
			array.forEach(TwinScript::normalize);
		}
	}

}
