package io.roster.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import io.roster.support.RosterServer;
import io.roster.support.TestDatabase;
import io.roster.tenant.IdentityProvider;
import io.roster.tenant.Plan;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store queries that look up a list of ids read it in chunks of 500, in a different
 * SQL shape on each database. They return every listed row for one id and for 501 ids,
 * which cross the chunk boundary.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ListLookupTests {

	private static final int COLLEAGUES = 501;

	private static RosterServer server;

	private static UUID company;

	private static List<Colleague> colleagues;

	private static UUID teamId;

	@Parameter
	TestDatabase database;

	@BeforeParameterizedClassInvocation
	static void start(TestDatabase database) {
		server = RosterServer.start(database);
		company = server.newCompany("Listed", Plan.ENTERPRISE, IdentityProvider.OKTA).id();
		Instant now = Instant.now();
		colleagues = new ArrayList<>();
		for (int i = 0; i < COLLEAGUES; i++) {
			ColleagueProfile profile = new ColleagueProfile("user" + i + "@list.test", null, null, null, null,
					"User " + i, null, true, List.of(new MultiValue("user" + i + "@mail.test", "work", null, true)),
					List.of(), "member", null, null, null, null, null, null);
			colleagues.add(new Colleague(UUID.randomUUID(), "link-" + i, profile, Colleague.SCIM, null, 1, now, now));
		}
		server.bean(ColleagueStore.class).insertAll(company, colleagues);
		teamId = UUID.randomUUID();
		TeamStore teams = server.bean(TeamStore.class);
		teams.insert(company, new Team(teamId, "team-link", new TeamProfile("Listed team", null), Colleague.SCIM, null,
				false, 1, now, now));
		teams.addMembers(company, teamId, colleagues.stream().map(Colleague::id).toList());
	}

	@AfterParameterizedClassInvocation
	static void stop() {
		server.close();
	}

	@Test
	void lookupOfOneReturnsItsEmails() {
		Colleague found = server.bean(ColleagueStore.class).findByUserName(company, "USER7@list.test").orElseThrow();

		assertThat(found.id()).isEqualTo(colleagues.get(7).id());
		assertThat(found.profile().emails()).extracting(MultiValue::value).containsExactly("user7@mail.test");
	}

	@Test
	void pageAcrossChunksReturnsEveryEmail() {
		List<Colleague> found = server.bean(ColleagueStore.class).membersOf(company, teamId);

		assertThat(found).hasSize(COLLEAGUES);
		assertThat(found).extracting((colleague) -> colleague.profile().userName().toLowerCase(Locale.ROOT)).isSorted();
		assertThat(found)
			.allSatisfy((colleague) -> assertThat(colleague.profile().emails()).extracting(MultiValue::value)
				.containsExactly(colleague.profile().userName().replace("@list.test", "@mail.test")));
	}

	@Test
	void existingIdsOfOneAndAcrossChunks() {
		ColleagueStore store = server.bean(ColleagueStore.class);
		List<UUID> ids = colleagues.stream().map(Colleague::id).toList();
		List<UUID> withMissing = new ArrayList<>(ids);
		withMissing.add(UUID.randomUUID());

		assertThat(store.existingIds(company, List.of(ids.get(3)))).containsExactly(ids.get(3));
		assertThat(store.existingIds(company, withMissing)).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(store.existingIds(UUID.randomUUID(), ids)).isEmpty();
	}

	@Test
	void idsByLinkIdOfOneAndAcrossChunks() {
		ColleagueStore store = server.bean(ColleagueStore.class);
		List<String> linkIds = colleagues.stream().map(Colleague::linkId).toList();

		assertThat(store.idsByLinkId(company, List.of("link-9")))
			.containsExactly(Map.entry("link-9", colleagues.get(9).id()));
		Map<String, UUID> all = store.idsByLinkId(company, linkIds);
		assertThat(all).hasSize(COLLEAGUES);
		assertThat(all.get("link-500")).isEqualTo(colleagues.get(500).id());
		assertThat(store.holdIdsByLinkId(company, linkIds)).isEqualTo(all);
	}

	@Test
	void memberIdsAmongOfOneAndAcrossChunks() {
		TeamStore teams = server.bean(TeamStore.class);
		List<UUID> ids = new ArrayList<>(colleagues.stream().map(Colleague::id).toList());
		UUID outsider = UUID.randomUUID();
		ids.add(outsider);

		assertThat(teams.memberIdsAmong(company, teamId, List.of(ids.get(0)))).containsExactly(ids.get(0));
		Set<UUID> members = teams.memberIdsAmong(company, teamId, ids);
		assertThat(members).hasSize(COLLEAGUES);
		assertThat(members).doesNotContain(outsider);
	}

	@Test
	void membersOfTeamPageListsLinkedMembers() {
		Map<UUID, List<Member>> members = server.bean(TeamStore.class)
			.members(company, List.of(teamId, UUID.randomUUID()));

		assertThat(members).containsOnlyKeys(teamId);
		assertThat(members.get(teamId)).hasSize(COLLEAGUES);
		assertThat(members.get(teamId).get(0).linkId()).isEqualTo("link-0");
	}

}
