package io.roster.directory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import io.roster.support.RosterServer;
import io.roster.support.TestDatabase;
import io.roster.system.TimeOrderedIds;
import io.roster.tenant.Actor;
import io.roster.tenant.IdentityProvider;
import io.roster.tenant.Plan;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new colleague with its emails and roles, and history entries with their fields, read
 * back as they were written, whatever characters the values contain. On PostgreSQL each
 * is written in one statement with the values passed as arrays, so the values include the
 * characters that array literals quote, nulls and the text {@code NULL}.
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
		assertThat(store.find(company, colleague))
			.containsExactly(new HistoryEntry(first.id(), colleague, "updated", okta, at, cut), second, third);
		assertThat(store.find(company, team)).containsExactly(joined);
	}

}
