package io.roster.scim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.unboundid.scim2.common.utils.JsonUtils;

import io.roster.support.ScimHttp;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A company's directory filled with random users and groups over SCIM: attributes in
 * mixed case, some missing or empty, emails and roles with random types and primary flags
 * (roles are product roles, with one primary among several), managers, and groups with
 * random members. Some users are changed afterwards, one user is deleted and one group
 * archived, so that timestamps differ and removed resources must stay out of every
 * result.
 */
final class RandomDirectory {

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	private final ScimHttp scim;

	private RandomDirectory(ScimHttp scim) {
		this.scim = scim;
	}

	static RandomDirectory populate(ScimHttp scim, Random random, int users, int groups) {
		RandomDirectory directory = new RandomDirectory(scim);
		List<String> userIds = new ArrayList<>();
		for (int i = 0; i < users; i++) {
			userIds.add(directory.create("/Users", user(random, i, userIds)));
		}
		List<String> groupIds = new ArrayList<>();
		for (int g = 0; g < groups; g++) {
			groupIds.add(directory.create("/Groups", group(random, g, userIds)));
		}
		for (int i = 0; i < users / 4; i++) {
			String id = userIds.get(random.nextInt(userIds.size()));
			ObjectNode patch = JSON.objectNode();
			patch.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:PatchOp");
			ObjectNode operation = patch.putArray("Operations").addObject();
			operation.put("op", "replace").put("path", "title").put("value", RandomText.token(random));
			ScimHttp.Response response = scim.patch("/Users/" + id, write(patch));
			assertThat(response.status()).as(response.body()).isEqualTo(200);
		}
		ScimHttp.Response deleted = scim.delete("/Users/" + userIds.get(random.nextInt(userIds.size())));
		assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
		ScimHttp.Response archived = scim.delete("/Groups/" + groupIds.get(random.nextInt(groupIds.size())));
		assertThat(archived.status()).as(archived.body()).isEqualTo(204);
		return directory;
	}

	/** Returns every user as GET serves it. */
	List<JsonNode> users() {
		return list("/Users");
	}

	/** Returns every group as GET serves it. */
	List<JsonNode> groups() {
		return list("/Groups");
	}

	/** Returns every user and group as GET serves them, by endpoint and id. */
	Map<String, String> snapshot() {
		Map<String, String> all = new LinkedHashMap<>();
		users().forEach((user) -> all.put("Users/" + user.get("id").stringValue(), user.toString()));
		groups().forEach((group) -> all.put("Groups/" + group.get("id").stringValue(), group.toString()));
		return all;
	}

	private List<JsonNode> list(String endpoint) {
		ScimHttp.Response response = this.scim.get(endpoint + "?count=1000");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		List<JsonNode> resources = new ArrayList<>();
		response.json().get("Resources").forEach(resources::add);
		assertThat(response.json().get("totalResults").asInt()).isEqualTo(resources.size());
		return resources;
	}

	private String create(String endpoint, ObjectNode resource) {
		ScimHttp.Response response = this.scim.post(endpoint, write(resource));
		assertThat(response.status()).as("POST %s %s: %s", endpoint, resource, response.body()).isEqualTo(201);
		return response.json().get("id").stringValue();
	}

	private static ObjectNode user(Random random, int index, List<String> earlierIds) {
		ObjectNode user = JSON.objectNode();
		user.putArray("schemas").add(ReferenceFilter.USER).add(ReferenceFilter.ENTERPRISE);
		user.put("userName", RandomText.shuffleCase(RandomText.word(random) + "." + index + "@Example.com", random));
		putSometimes(user, "externalId", RandomText.shuffleCase("HR-" + index + RandomText.word(random), random),
				random);

		ObjectNode name = JSON.objectNode();
		putSometimes(name, "givenName", RandomText.token(random), random);
		putSometimes(name, "familyName", RandomText.token(random), random);
		putSometimes(name, "formatted", RandomText.token(random), random);
		if (random.nextInt(5) > 0) {
			user.set("name", name);
		}

		putSometimes(user, "displayName", RandomText.token(random), random);
		putSometimes(user, "title", RandomText.token(random), random);
		if (random.nextInt(4) > 0) {
			user.put("active", random.nextBoolean());
		}

		user.set("emails", values(random, true));
		if (random.nextBoolean()) {
			user.set("roles", roles(random));
		}

		ObjectNode enterprise = user.putObject(ReferenceFilter.ENTERPRISE);
		putSometimes(enterprise, "employeeNumber", String.valueOf(1000 + random.nextInt(50)), random);
		putSometimes(enterprise, "department", RandomText.token(random), random);
		putSometimes(enterprise, "costCenter", RandomText.token(random), random);
		putSometimes(enterprise, "organization", RandomText.word(random), random);
		putSometimes(enterprise, "division", RandomText.word(random), random);
		if (!earlierIds.isEmpty() && random.nextBoolean()) {
			String manager = earlierIds.get(random.nextInt(earlierIds.size()));
			enterprise.putObject("manager").put("value", RandomText.shuffleCase(manager, random));
		}
		return user;
	}

	private static ArrayNode values(Random random, boolean emails) {
		ArrayNode values = JSON.arrayNode();
		int count = random.nextInt(4);
		String[] types = { "work", "Work", "home", "other", "" };
		for (int i = 0; i < count; i++) {
			ObjectNode value = values.addObject();
			value.put("value", emails ? RandomText.shuffleCase(RandomText.word(random) + i + "@mail.example", random)
					: RandomText.token(random));
			if (random.nextInt(4) > 0) {
				value.put("type", types[random.nextInt(types.length)]);
			}
			putSometimes(value, "display", RandomText.token(random), random);
			if (random.nextBoolean()) {
				value.put("primary", random.nextBoolean());
			}
		}
		return values;
	}

	/**
	 * Returns product roles in mixed case with random types and displays. Several values
	 * have exactly one primary, since Roster takes the product role from it.
	 */
	private static ArrayNode roles(Random random) {
		ArrayNode values = JSON.arrayNode();
		int count = random.nextInt(4);
		int primary = (count > 1 || random.nextBoolean()) ? random.nextInt(Math.max(count, 1)) : -1;
		String[] roles = { "admin", "member", "light" };
		String[] types = { "work", "Work", "home", "other", "" };
		for (int i = 0; i < count; i++) {
			ObjectNode value = values.addObject();
			value.put("value", RandomText.shuffleCase(roles[random.nextInt(roles.length)], random));
			if (random.nextInt(4) > 0) {
				value.put("type", types[random.nextInt(types.length)]);
			}
			putSometimes(value, "display", RandomText.token(random), random);
			if (i == primary) {
				value.put("primary", true);
			}
			else if (random.nextBoolean()) {
				value.put("primary", false);
			}
		}
		return values;
	}

	private static ObjectNode group(Random random, int index, List<String> userIds) {
		ObjectNode group = JSON.objectNode();
		group.putArray("schemas").add(ReferenceFilter.GROUP);
		group.put("displayName", RandomText.token(random) + " " + index);
		putSometimes(group, "externalId", RandomText.shuffleCase("G-" + index + RandomText.word(random), random),
				random);
		ArrayNode members = group.putArray("members");
		for (String id : userIds) {
			if (random.nextInt(3) == 0) {
				members.addObject().put("value", id);
			}
		}
		return group;
	}

	/** Puts the value, an empty string, or nothing. */
	private static void putSometimes(ObjectNode node, String name, String value, Random random) {
		int choice = random.nextInt(8);
		if (choice == 0) {
			node.put(name, "");
		}
		else if (choice > 2) {
			node.put(name, value);
		}
	}

	static String write(JsonNode node) {
		return JsonUtils.getObjectWriter().writeValueAsString(node);
	}

}
