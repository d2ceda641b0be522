package io.roster.directory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.roster.activity.ActivityEntry;
import io.roster.activity.ActivityLog;
import io.roster.support.RosterServer;
import io.roster.support.TestCompany;
import io.roster.support.TestDatabase;
import io.roster.system.TimeOrderedIds;
import io.roster.tenant.Actor;
import io.roster.tenant.Company;
import io.roster.tenant.CompanyStore;
import io.roster.tenant.IdentityProvider;
import io.roster.tenant.Plan;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new colleague with its emails and roles, and history entries with their fields, read
 * back as they were written, whatever characters the values contain. On PostgreSQL each
 * is written in one statement with the values passed as arrays, so the values include the
 * characters that array literals quote, nulls and the text {@code NULL}. A provisioned
 * colleague, its values, its history entry and its activity entry are one statement
 * there, written only when no colleague matches.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class OneStatementWritesTests {

	private static RosterServer server;

	@Parameter
	TestDatabase database;

	@BeforeParameterizedClassInvocation
	static void startServer(TestDatabase database) {
		server = RosterServer.start(database);
	}

	@AfterParameterizedClassInvocation
	static void stopServer() {
		server.close();
	}

	@Test
	void colleagueReadsBackWithItsValues() {
		UUID company = server.newCompany("Stored", Plan.ENTERPRISE, IdentityProvider.OKTA).id();
		List<MultiValue> emails = List.of(new MultiValue("ann@stored.test", "work", null, true),
				new MultiValue("\"ann, {x}\"@stored.test", null, "Ann \\ \"home\"", false));
		List<MultiValue> roles = List.of(new MultiValue("NULL", "", "{}", false),
				new MultiValue("Lead, \"Ops\" 山田", null, null, true));
		ColleagueProfile profile = new ColleagueProfile("ann@stored.test", "ext, \"1\"", "Ann", null, null, "Ann", null,
				true, emails, roles, "member", null, null, null, null, null, null);
		Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Colleague ann = new Colleague(TimeOrderedIds.next(), UUID.randomUUID().toString(), profile, Colleague.SCIM,
				null, 1, at, at);
		Colleague bob = new Colleague(TimeOrderedIds.next(), UUID.randomUUID().toString(),
				new ColleagueProfile("bob@stored.test", null, null, null, null, null, null, true, List.of(), List.of(),
						"member", null, null, null, null, null, null),
				Colleague.SCIM, null, 1, at, at);

		ColleagueStore store = server.bean(ColleagueStore.class);
		store.insert(company, ann);
		store.insert(company, bob);

		assertThat(store.findByLinkId(company, ann.linkId())).contains(ann);
		assertThat(store.findByLinkId(company, bob.linkId())).contains(bob);
	}

	@Test
	void entriesOfSeveralSubjectsReadBackAsWritten() {
		UUID company = server.newCompany("Recorded", Plan.ENTERPRISE, IdentityProvider.OKTA).id();
		UUID colleague = UUID.randomUUID();
		UUID team = UUID.randomUUID();
		Actor okta = new Actor(Actor.Type.SCIM, UUID.randomUUID(), "Okta \"prod\", {EU}");
		Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		List<FieldChange> tricky = new ArrayList<>();
		tricky.add(new FieldChange("title", null, "Lead, \"Ops\" {EU} \\ team"));
		tricky.add(new FieldChange("department", "NULL", ""));
		tricky.add(new FieldChange("displayName", "Zoë 山田", null));
		tricky.add(new FieldChange("note", "x".repeat(5000), "{}"));
		// A character of two chars that the length limit would split.
		tricky.add(new FieldChange("bio", "y".repeat(3999) + "\uD83D\uDE00", null));
		HistoryEntry first = new HistoryEntry(TimeOrderedIds.next(), colleague, "updated", okta, at, tricky);
		HistoryEntry second = new HistoryEntry(TimeOrderedIds.next(), colleague, "deactivated", Actor.SYSTEM,
				at.plusMillis(1), List.of(new FieldChange("active", "true", "false")));
		// A whole minute, which Java writes as text without seconds.
		HistoryEntry third = new HistoryEntry(TimeOrderedIds.next(), colleague, "left", okta,
				Instant.parse("2026-01-01T09:30:00Z"), List.of());
		HistoryEntry joined = new HistoryEntry(TimeOrderedIds.next(), team, "members", okta, at,
				List.of(new FieldChange("members", null, "ann")));
		Map<String, List<HistoryEntry>> entries = new LinkedHashMap<>();
		entries.put("colleague", List.of(first, second, third));
		entries.put("team", List.of(joined));

		HistoryStore store = server.bean(HistoryStore.class);
		store.insert(company, entries);

		List<FieldChange> cut = new ArrayList<>(tricky);
		cut.set(3, new FieldChange("note", "x".repeat(4000), "{}"));
		cut.set(4, new FieldChange("bio", "y".repeat(3999), null));
		assertThat(store.find(company, colleague))
			.containsExactly(new HistoryEntry(first.id(), colleague, "updated", okta, at, cut), second, third);
		assertThat(store.find(company, team)).containsExactly(joined);
	}

	@Test
	void unmatchedColleagueIsWrittenWithEntry() {
		UUID company = server.newCompany("Provisioned", Plan.ENTERPRISE, IdentityProvider.OKTA).id();
		Actor okta = new Actor(Actor.Type.SCIM, UUID.randomUUID(), "Okta");
		ColleagueStore colleagues = server.bean(ColleagueStore.class);
		HistoryStore history = server.bean(HistoryStore.class);
		Colleague cleo = provisioned("Cleo@Provisioned.test", "ext-cleo",
				List.of(new MultiValue("cleo@provisioned.test", "work", null, true),
						new MultiValue("\"c, {x}\"@provisioned.test", null, "NULL", false)));
		HistoryEntry cleoEntry = provisionedEntry(okta, cleo);
		ActivityRecord cleoActivity = new ActivityRecord(company);

		assertThat(colleagues.insertUnlessMatched(company, cleo, "ext-cleo", cleoEntry, cleoActivity)).isTrue();
		assertThat(colleagues.findByLinkId(company, cleo.linkId())).contains(cleo);
		assertThat(history.find(company, cleo.id())).containsExactly(cleoEntry);
		// PostgreSQL writes the activity entry in the same statement, and H2 leaves it
		// to the caller.
		boolean inStatement = this.database == TestDatabase.POSTGRESQL;
		assertThat(cleoActivity.written).isEqualTo(inStatement);
		assertThat(activityResourceIds(company)).isEqualTo(inStatement ? List.of(cleo.linkId()) : List.of());

		// The same userName in other case, and an unlinked colleague's external id.
		Colleague sameName = provisioned("cleo@provisioned.TEST", null, List.of());
		Colleague unlinked = new Colleague(TimeOrderedIds.next(), null,
				provisioned("dan@provisioned.test", "ext-dan", List.of()).profile(), Colleague.SCIM, null, 1,
				cleo.createdAt(), cleo.createdAt());
		colleagues.insert(company, unlinked);
		Colleague sameExternalId = provisioned("daniel@provisioned.test", "ext-dan", List.of());
		for (Colleague matched : List.of(sameName, sameExternalId)) {
			HistoryEntry entry = provisionedEntry(okta, matched);
			ActivityRecord activity = new ActivityRecord(company);

			assertThat(
					colleagues.insertUnlessMatched(company, matched, matched.profile().externalId(), entry, activity))
				.as(matched.profile().userName())
				.isFalse();
			assertThat(colleagues.findByLinkId(company, matched.linkId())).isEmpty();
			assertThat(colleagues.findById(company, matched.id())).isEmpty();
			assertThat(history.find(company, matched.id())).isEmpty();
			assertThat(activity.written).isFalse();
		}
		assertThat(activityResourceIds(company)).isEqualTo(inStatement ? List.of(cleo.linkId()) : List.of());

		// A linked colleague's external id matches no one: the new user is inserted.
		Colleague linkedExternalId = provisioned("cleopatra@provisioned.test", "ext-cleo", List.of());
		assertThat(colleagues.insertUnlessMatched(company, linkedExternalId, "ext-cleo",
				provisionedEntry(okta, linkedExternalId), new ActivityRecord(company)))
			.isTrue();
		assertThat(colleagues.findByLinkId(company, linkedExternalId.linkId())).contains(linkedExternalId);
	}

	@Test
	void newColleagueAloneCommitsOnItsOwn() {
		TestCompany acme = server.newCompany("Alone", Plan.ENTERPRISE, IdentityProvider.OKTA);
		Company company = server.bean(CompanyStore.class).find(acme.id()).orElseThrow();
		Actor okta = new Actor(Actor.Type.SCIM, acme.connectionId(), "Okta");
		ColleagueDirectory directory = server.bean(ColleagueDirectory.class);
		ColleagueProfile eve = provisioned("eve@alone.test", "ext-eve", List.of()).profile();
		ActivityRecord eveActivity = new ActivityRecord(acme.id());
		TransactionTemplate rolledBack = new TransactionTemplate(server.bean(PlatformTransactionManager.class));

		// The caller's transaction rolls back, and the statement has committed anyway.
		Optional<Changed<Colleague>> created = rolledBack.execute((status) -> {
			status.setRollbackOnly();
			return directory.provisionAlone(okta, company, eve, eveActivity);
		});

		// H2 writes a colleague in several statements, so it writes nothing alone.
		boolean alone = this.database == TestDatabase.POSTGRESQL;
		assertThat(created.isPresent()).isEqualTo(alone);
		assertThat(eveActivity.written).isEqualTo(alone);
		// No transaction of its own either: the statement commits without a BEGIN.
		assertThat(eveActivity.inTransaction).isFalse();
		Optional<Colleague> stored = server.bean(ColleagueStore.class).findByUserName(acme.id(), "EVE@alone.test");
		assertThat(stored.isPresent()).isEqualTo(alone);
		if (alone) {
			assertThat(stored).contains(created.orElseThrow().value());
			assertThat(server.bean(HistoryStore.class).find(acme.id(), stored.get().id())).singleElement()
				.extracting(HistoryEntry::action)
				.isEqualTo("provisioned");
		}
		assertThat(activityResourceIds(acme.id())).hasSize(alone ? 1 : 0);

		// A match writes nothing, for the caller to link or reject.
		ActivityRecord againActivity = new ActivityRecord(acme.id());
		assertThat(directory.provisionAlone(okta, company, eve, againActivity)).isEmpty();
		assertThat(againActivity.written).isFalse();
		assertThat(activityResourceIds(acme.id())).hasSize(alone ? 1 : 0);
	}

	private static List<String> activityResourceIds(UUID company) {
		return server.bean(ActivityLog.class)
			.newest(company, null, 10)
			.stream()
			.map(ActivityEntry::resourceId)
			.toList();
	}

	/** The activity entry of a SCIM create, written by the activity log's insert item. */
	private static final class ActivityRecord implements ChangeRecord<Colleague> {

		private final UUID company;

		private boolean written;

		private boolean inTransaction;

		ActivityRecord(UUID company) {
			this.company = company;
		}

		@Override
		public String insertItem(Colleague value, List<FieldChange> changes, String condition, List<Object> params) {
			this.inTransaction = TransactionSynchronizationManager.isActualTransactionActive();
			ActivityEntry entry = new ActivityEntry(0, TimeOrderedIds.next(), value.createdAt(), null, "request-1",
					"POST", "User", value.linkId(), 201, List.of("userName"), List.of(), null, null);
			return server.bean(ActivityLog.class).insertItem(this.company, entry, condition, params);
		}

		@Override
		public void written() {
			this.written = true;
		}

	}

	private static Colleague provisioned(String userName, String externalId, List<MultiValue> emails) {
		Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		ColleagueProfile profile = new ColleagueProfile(userName, externalId, "Given", "Family", null, null, null, true,
				emails, List.of(), "member", null, null, null, null, null, null);
		return new Colleague(TimeOrderedIds.next(), UUID.randomUUID().toString(), profile, Colleague.SCIM, null, 1, at,
				at);
	}

	private static HistoryEntry provisionedEntry(Actor actor, Colleague colleague) {
		return History.entry(actor, colleague.id(), "provisioned", ColleagueChanges.created(colleague),
				colleague.createdAt());
	}

}
