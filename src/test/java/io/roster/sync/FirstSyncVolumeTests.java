package io.roster.sync;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.roster.directory.PlanEntry;
import io.roster.directory.PlanPage;
import io.roster.directory.PlanSection;
import io.roster.support.RosterServer;
import io.roster.support.ScimHttp;
import io.roster.support.TestCompany;
import io.roster.support.TestDatabase;
import io.roster.tenant.Actor;
import io.roster.tenant.IdentityProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A first sync of many users: the plan reads in pages and finishing applies it, on both
 * databases. The staged users are written straight into the staging company, as that many
 * SCIM requests would write them, to keep the test short. The default is 20 000 users, so
 * that the whole build stays fast; {@code -Droster.first-sync-users=100000} runs it at a
 * larger size.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class FirstSyncVolumeTests {

	private static final int USERS = Integer.getInteger("roster.first-sync-users", 20_000);

	/** Every this many staged users, one matches an app-managed colleague. */
	private static final int MATCH_EVERY = 100;

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
	void largePlanPagesInOrderAndFinishes() {
		TestCompany company = server.newCompanyInSetup("Volume", IdentityProvider.OKTA);
		FirstSync firstSync = server.bean(FirstSync.class);
		UUID stagingId = firstSync.connection(company.id()).orElseThrow().stagingCompanyId();
		seedOtherHistory();
		seed(company, stagingId);

		Map<PlanSection, Long> counts = firstSync.counts(company.id());
		long created = 0;
		String previous = "";
		String cursor = null;
		do {
			PlanPage page = firstSync.plan(company.id(), PlanSection.CREATE, cursor, 1000);
			for (PlanEntry entry : page.entries()) {
				assertThat(entry.name()).isGreaterThan(previous);
				previous = entry.name();
			}
			created += page.entries().size();
			cursor = page.nextCursor();
		}
		while (cursor != null);
		FirstSync.Finished finished = firstSync.finish(company.id(), Set.of(),
				Actor.operator(UUID.randomUUID(), "support@roster.test"));

		assertThat(counts.get(PlanSection.CREATE)).isEqualTo(USERS - USERS / MATCH_EVERY);
		assertThat(counts.get(PlanSection.LINK)).isEqualTo(USERS / MATCH_EVERY);
		assertThat(counts.get(PlanSection.UNSENT)).isZero();
		assertThat(created).isEqualTo(USERS - USERS / MATCH_EVERY);
		assertThat(finished.applied().created()).isEqualTo(USERS - USERS / MATCH_EVERY);
		assertThat(finished.applied().linked()).isEqualTo(USERS / MATCH_EVERY);
		assertThat(server.bean(JdbcClient.class)
			.sql("SELECT COUNT(*) FROM colleague WHERE company_id = ? AND managed_by = 'scim'")
			.param(company.id())
			.query(Long.class)
			.single()).isEqualTo(USERS);
		ScimHttp scim = company.scim();
		assertThat(scim.get("/Users?count=0").json().get("totalResults").asLong()).isEqualTo(USERS);
		assertThat(scim.get("/Users?filter=userName%%20eq%%20%%22user-%06d@volume.test%%22".formatted(USERS - 1))
			.json()
			.get("totalResults")
			.asLong()).isEqualTo(1);
	}

	/**
	 * Fills the history with other companies' entries, as a database in service has them,
	 * and updates the planner statistics. This once kept PostgreSQL from planning the
	 * foreign-key checks of new history rows as scans of the whole table. Those keys are
	 * gone, and the filled table keeps the test close to a database in service.
	 */
	private static void seedOtherHistory() {
		JdbcTemplate jdbc = server.bean(JdbcTemplate.class);
		UUID demo = jdbc.queryForObject("SELECT id FROM company WHERE name = 'Demo'", UUID.class);
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		List<Object[]> entries = new ArrayList<>();
		for (int i = 0; i < 20_000; i++) {
			entries.add(new Object[] { demo, UUID.randomUUID(), UUID.randomUUID(), now });
		}
		jdbc.batchUpdate("""
				INSERT INTO history_entry (company_id, id, subject_type, subject_id, action, actor_type, actor_name,
				  changed_at)
				VALUES (?, ?, 'colleague', ?, 'updated', 'system', 'Roster', ?)""", entries);
		jdbc.execute("ANALYZE");
	}

	private static void seed(TestCompany company, UUID stagingId) {
		JdbcTemplate jdbc = server.bean(JdbcTemplate.class);
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		List<Object[]> staged = new ArrayList<>();
		List<Object[]> app = new ArrayList<>();
		for (int i = 0; i < USERS; i++) {
			String userName = "user-%06d@volume.test".formatted(i);
			staged.add(new Object[] { stagingId, UUID.randomUUID(), UUID.randomUUID().toString(), userName, userName,
					"scim", company.connectionId(), now, now });
			if (i % MATCH_EVERY == 0) {
				app.add(new Object[] { company.id(), UUID.randomUUID(), null, userName, userName, "app", null, now,
						now });
			}
		}
		String insert = """
				INSERT INTO colleague (company_id, id, link_id, user_name, user_name_key, active, role, managed_by,
				  scim_connection_id, version, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, TRUE, 'light', ?, ?, 1, ?, ?)""";
		for (int i = 0; i < staged.size(); i += 5000) {
			jdbc.batchUpdate(insert, staged.subList(i, Math.min(staged.size(), i + 5000)));
		}
		jdbc.batchUpdate(insert, app);
	}

}
