package io.roster.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import io.roster.support.RosterServer;
import io.roster.support.TestCompany;
import io.roster.support.TestDatabase;
import io.roster.tenant.IdentityProvider;
import io.roster.tenant.Plan;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled purge of activity entries older than the retention, on a server whose
 * retention is seconds instead of days.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ActivityRetentionTests {

	private static RosterServer server;

	@Parameter
	TestDatabase database;

	@BeforeParameterizedClassInvocation
	static void start(TestDatabase database) {
		server = RosterServer.start(database,
				Map.of("roster.activity.retention", "10s", "roster.activity.purge-interval", "500ms"));
	}

	@AfterParameterizedClassInvocation
	static void stop() {
		server.close();
	}

	@Test
	void scheduledPurgeDeletesEntriesOlderThanRetention() throws InterruptedException {
		TestCompany company = server.newCompany("Acme", Plan.ENTERPRISE, IdentityProvider.OKTA);
		company.scim().get("/Users");
		int kept = ActivityTests.entries(company.api()).size();

		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (!ActivityTests.entries(company.api()).isEmpty() && Instant.now().isBefore(deadline)) {
			Thread.sleep(250);
		}

		assertThat(kept).isEqualTo(1);
		assertThat(ActivityTests.entries(company.api())).isEmpty();
	}

	@Test
	void concurrentPurgesDeleteEachEntryOnce() {
		ActivityStore store = server.bean(ActivityStore.class);
		TestCompany company = server.newCompany("Acme", Plan.ENTERPRISE, IdentityProvider.OKTA);
		for (int i = 0; i < 20; i++) {
			company.scim().get("/Users");
		}
		// Reading the entries writes the queued entries of the reads first, so the purges
		// find all of them.
		assertThat(ActivityTests.entries(company.api())).hasSize(20);
		Instant cutoff = Instant.now().plusSeconds(3600);

		CompletableFuture<Integer> first = CompletableFuture
			.supplyAsync(() -> store.deleteOlderThan(company.id(), cutoff));
		CompletableFuture<Integer> second = CompletableFuture
			.supplyAsync(() -> store.deleteOlderThan(company.id(), cutoff));

		assertThat(first).succeedsWithin(Duration.ofSeconds(30));
		assertThat(second).succeedsWithin(Duration.ofSeconds(30));
		// The scheduled purge may take entries too, but no entry is deleted twice.
		assertThat(first.join() + second.join()).isBetween(0, 20);
		assertThat(ActivityTests.entries(company.api())).isEmpty();
	}

}
