package io.roster.scim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.unboundid.scim2.common.utils.JsonUtils;

import io.roster.directory.Member;
import io.roster.directory.Team;
import io.roster.directory.TeamProfile;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The streamed Group is the same text as the Group written as one JSON tree, for every
 * projection.
 */
class GroupStreamTests {

	private static final String[][] PROJECTIONS = { { null, null }, { "members", null }, { null, "members" },
			{ "displayName,members", null }, { "members.value", null }, { "members.display", null },
			{ "members.value,members.$ref", null }, { "MEMBERS", null }, { "Members.Display", null },
			{ "urn:ietf:params:scim:schemas:core:2.0:Group:members", null }, { "meta,members", null },
			{ "meta.version", null }, { "externalId", null }, { "members.nothing", null }, { null, "members.display" },
			{ null, "members.value,members.type" }, { null, "members.value,members.display,members.type,members.$ref" },
			{ null, "meta" }, { null, "displayName,externalId,meta" }, { null, "members.nothing" },
			{ "displayName", "members" } };

	private static final String USERS = "https://x.test/scim/v2/Users";

	private static final Team TEAM = new Team(UUID.randomUUID(), "g-1", new TeamProfile("Ops \"east\" / ü", "ext-1"),
			"scim", null, false, 7, Instant.parse("2025-01-02T03:04:05Z"), Instant.parse("2025-02-03T04:05:06.789Z"));

	private static final Team TEAM_WITHOUT_EXTERNAL_ID = new Team(UUID.randomUUID(), "g-2",
			new TeamProfile("Plain", null), "scim", null, false, 1, Instant.parse("2025-01-02T03:04:05Z"),
			Instant.parse("2025-01-02T03:04:05Z"));

	@Test
	void streamedGroupMatchesTree() throws Exception {
		List<List<Member>> memberLists = List.of(List.of(), List.of(new Member("a", "Ann")),
				List.of(new Member("b", null)), List.of(new Member("a", "Ann"), new Member("b", null),
						new Member("c", "Cy \"q\" \u00e9"), new Member("d", null)),
				List.of(new Member("x", null), new Member("y", null)));
		for (Team team : List.of(TEAM, TEAM_WITHOUT_EXTERNAL_ID)) {
			for (List<Member> members : memberLists) {
				for (String[] parameters : PROJECTIONS) {
					Projection projection = Projection.of(parameters[0], parameters[1]);
					assertThat(streamed(team, projection, members))
						.as("attributes=%s excludedAttributes=%s members=%s", parameters[0], parameters[1], members)
						.isEqualTo(tree(team, projection, members));
				}
			}
		}
	}

	@Test
	void manyMembersKeepTheirOrder() throws Exception {
		List<Member> members = new ArrayList<>();
		for (int i = 0; i < 5000; i++) {
			members.add(new Member("m%05d".formatted(i), (i % 3 == 0) ? null : "Member " + i));
		}

		assertThat(streamed(TEAM, Projection.ALL, members)).isEqualTo(tree(TEAM, Projection.ALL, members));
	}

	@Test
	void streamedListMatchesTree() throws Exception {
		List<Team> teams = List.of(TEAM, TEAM_WITHOUT_EXTERNAL_ID);
		Map<Team, List<Member>> members = Map.of(TEAM,
				List.of(new Member("a", "Ann"), new Member("b", null), new Member("c", "Cy \"q\" \u00e9")),
				TEAM_WITHOUT_EXTERNAL_ID, List.of());
		for (String[] parameters : PROJECTIONS) {
			Projection projection = Projection.of(parameters[0], parameters[1]);
			List<ObjectNode> resources = new ArrayList<>();
			for (Team team : teams) {
				resources.add(projection.apply(GroupResources.write(team, members.get(team), location(team), USERS)));
			}
			ObjectNode list = ListResponses.of(40, 3, resources);
			ByteArrayOutputStream output = new ByteArrayOutputStream();

			GroupStream.writeList(output, list, teams, projection, GroupStreamTests::location, USERS,
					(writer) -> teams.forEach((team) -> writer.write(team, members.get(team)::forEach)));

			assertThat(output.toString(StandardCharsets.UTF_8))
				.as("attributes=%s excludedAttributes=%s", parameters[0], parameters[1])
				.isEqualTo(ScimJson.write(list));
		}
	}

	@Test
	void emptyListHasEmptyResources() throws Exception {
		ObjectNode list = ListResponses.of(0, 1, List.of());
		ByteArrayOutputStream output = new ByteArrayOutputStream();

		GroupStream.writeList(output, list, List.of(), Projection.ALL, GroupStreamTests::location, USERS, (writer) -> {
		});

		assertThat(output.toString(StandardCharsets.UTF_8)).isEqualTo(ScimJson.write(list));
	}

	@Test
	void failureHalfwayLeavesInvalidJson() {
		List<Team> teams = List.of(TEAM, TEAM_WITHOUT_EXTERNAL_ID);
		ObjectNode list = ListResponses.of(2, 1, List.of());
		ByteArrayOutputStream output = new ByteArrayOutputStream();

		assertThatIllegalStateException().isThrownBy(() -> GroupStream.writeList(output, list, teams, Projection.ALL,
				GroupStreamTests::location, USERS, (writer) -> writer.write(TEAM, (consumer) -> {
					consumer.accept(new Member("a", "Ann"));
					throw new IllegalStateException("connection lost");
				})));

		String written = output.toString(StandardCharsets.UTF_8);
		assertThat(written).contains("\"Resources\":[").contains("\"value\":\"a\"");
		assertThatException().isThrownBy(() -> JsonUtils.getObjectReader().readTree(written));
	}

	private static String location(Team team) {
		return "https://x.test/scim/v2/Groups/" + team.linkId();
	}

	private static String streamed(Team team, Projection projection, List<Member> members) throws Exception {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		GroupStream.write(output, team, projection, "https://x.test/scim/v2/Groups/" + team.linkId(),
				"https://x.test/scim/v2/Users", members::forEach);
		return output.toString(StandardCharsets.UTF_8);
	}

	private static String tree(Team team, Projection projection, List<Member> members) throws Exception {
		return ScimJson.write(projection.apply(GroupResources.write(team, members,
				"https://x.test/scim/v2/Groups/" + team.linkId(), "https://x.test/scim/v2/Users")));
	}

}
