package io.roster.scim;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.unboundid.scim2.common.exceptions.BadRequestException;

import io.roster.directory.FieldChange;
import io.roster.directory.Member;
import io.roster.directory.Team;
import io.roster.directory.TeamProfile;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps SCIM Group resources (RFC 7643 section 4.2) to teams and back. Members are Users,
 * named by their ids.
 */
final class GroupResources {

	private GroupResources() {
	}

	static TeamProfile read(ObjectNode resource) throws BadRequestException {
		String displayName = JsonAttributes.text(resource, "displayName", "displayName");
		if (displayName == null || displayName.isBlank()) {
			throw BadRequestException.invalidValue("'displayName' is required and must be a non-empty string");
		}
		return new TeamProfile(displayName, JsonAttributes.text(resource, "externalId", "externalId"));
	}

	/**
	 * Reads the ids in a {@code members} value: an array of objects with a {@code value}.
	 */
	static Set<String> memberIds(@Nullable JsonNode members) throws BadRequestException {
		Set<String> ids = new LinkedHashSet<>();
		if (members == null || members.isNull()) {
			return ids;
		}
		if (members.isObject()) {
			ids.add(memberId(members));
			return ids;
		}
		if (!members.isArray()) {
			throw BadRequestException.invalidValue(
					"'members' must be an array of objects with a 'value', not " + JsonAttributes.kind(members));
		}
		for (JsonNode member : members) {
			ids.add(memberId(member));
		}
		return ids;
	}

	static ObjectNode write(Team team, @Nullable List<Member> members, String location, String usersLocation) {
		ObjectNode node = ScimJson.object();
		node.putArray("schemas").add(ScimSchemas.GROUP);
		node.put("id", team.linkId());
		JsonAttributes.putText(node, "externalId", team.profile().externalId());
		node.put("displayName", team.profile().displayName());
		if (members != null) {
			ArrayNode array = node.putArray("members");
			for (Member member : members) {
				array.add(member(member, usersLocation));
			}
		}
		node.set("meta", Meta.of("Group", team.createdAt(), team.updatedAt(), team.version(), location));
		return node;
	}

	/** Writes one value of {@code members}. */
	static ObjectNode member(Member member, String usersLocation) {
		ObjectNode item = ScimJson.object();
		item.put("value", member.linkId());
		JsonAttributes.putText(item, "display", member.display());
		item.put("type", "User");
		item.put("$ref", usersLocation + "/" + member.linkId());
		return item;
	}

	/**
	 * Returns the SCIM names of the attributes a directory change touched:
	 * {@code displayName}, {@code externalId} and {@code members}.
	 */
	static List<String> attributeNames(List<FieldChange> changes) {
		Set<String> names = new LinkedHashSet<>();
		for (FieldChange change : changes) {
			switch (change.field()) {
				case "name" -> names.add("displayName");
				case "externalId" -> names.add("externalId");
				case "member" -> names.add("members");
				default -> {
				}
			}
		}
		return List.copyOf(names);
	}

	private static String memberId(JsonNode member) throws BadRequestException {
		if (!member.isObject()) {
			throw BadRequestException
				.invalidValue("Each member must be an object with a 'value', not " + JsonAttributes.kind(member));
		}
		String type = JsonAttributes.text(member, "type", "members.type");
		if (type != null && !type.equalsIgnoreCase("User")) {
			throw BadRequestException
				.invalidValue("Members must be Users; nested groups are not supported (type '" + type + "')");
		}
		String value = JsonAttributes.text(member, "value", "members.value");
		if (value == null || value.isEmpty()) {
			throw BadRequestException.invalidValue("Each member needs a non-empty 'value' with the id of a User");
		}
		return value;
	}

}
