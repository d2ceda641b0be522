package io.roster.activity;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.roster.support.RosterServer;
import io.roster.support.SettableClock;
import io.roster.support.TestCompany;
import io.roster.support.TestDatabase;
import io.roster.system.JobLeases;
import io.roster.tenant.IdentityProvider;
import io.roster.tenant.Plan;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Roster instances on one database, each with its own clock that the tests move
 * forward: the activity purge runs on one of them per interval. The purge interval is an
 * hour, so the scheduler never starts a purge during the tests, and the tests call the
 * purge themselves as the scheduler would.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ActivityPurgeLeaseTests {

	private static final Duration INTERVAL = Duration.ofHours(1);

	private static RosterServer first;

	private static RosterServer second;

	@Parameter
	TestDatabase database;

	@BeforeParameterizedClassInvocation
	static void start(TestDatabase database) {
		first = RosterServer.start(database, Map.of("roster.activity.retention", "1h", "roster.activity.purge-interval",
				"1h", SettableClock.PROPERTY, SettableClock.class.getName()));
		second = RosterServer.startBeside(first);
	}

	@AfterParameterizedClassInvocation
	static void stop() {
		second.close();
		first.close();
	}

	@Test
	void concurrentPurgesRunOnOneInstance() {
		TestCompany company = companyWithEntries(5);
		// Ends any lease an earlier test left, and makes the entries older than the
		// retention.
		advanceClocks(INTERVAL.plus(INTERVAL));

		CompletableFuture<OptionalLong> onFirst = CompletableFuture.supplyAsync(() -> purge(first));
		CompletableFuture<OptionalLong> onSecond = CompletableFuture.supplyAsync(() -> purge(second));

		List<OptionalLong> results = List.of(onFirst.join(), onSecond.join());
		assertThat(results).filteredOn(OptionalLong::isPresent).hasSize(1);
		assertThat(results).filteredOn(OptionalLong::isEmpty).hasSize(1);
		long deleted = results.stream().filter(OptionalLong::isPresent).findFirst().orElseThrow().getAsLong();
		assertThat(deleted).isGreaterThanOrEqualTo(5);
		assertThat(ActivityTests.entries(company.api())).isEmpty();
	}

	@Test
	void purgeRunsAgainAfterLeaseEnds() {
		advanceClocks(INTERVAL.plusMinutes(1));
		assertThat(purge(first)).isPresent();
		TestCompany company = companyWithEntries(3);

		OptionalLong sameIntervalOnSecond = purge(second);
		OptionalLong sameIntervalOnFirst = purge(first);
		int keptInInterval = ActivityTests.entries(company.api()).size();
		advanceClocks(INTERVAL.plusSeconds(1));
		OptionalLong nextInterval = purge(second);

		assertThat(sameIntervalOnSecond).isEmpty();
		assertThat(sameIntervalOnFirst).isEmpty();
		assertThat(keptInInterval).isEqualTo(3);
		assertThat(nextInterval).hasValue(3);
		assertThat(ActivityTests.entries(company.api())).isEmpty();
	}

	@Test
	void concurrentClaimsOfNewLeaseGrantOne() {
		JdbcClient jdbc = first.bean(JdbcClient.class);
		String job = "test-" + UUID.randomUUID();
		List<CompletableFuture<Boolean>> claims = IntStream.range(0, 4)
			.mapToObj((i) -> new JobLeases(jdbc, Clock.systemUTC()))
			.map((leases) -> CompletableFuture.supplyAsync(() -> leases.tryAcquire(job, Duration.ofMinutes(5))))
			.toList();

		List<Boolean> claimed = claims.stream().map(CompletableFuture::join).toList();

		assertThat(claimed).containsOnlyOnce(true);
		assertThat(claimed).filteredOn((granted) -> !granted).hasSize(3);
	}

	private static TestCompany companyWithEntries(int count) {
		TestCompany company = first.newCompany("Acme", Plan.ENTERPRISE, IdentityProvider.OKTA);
		for (int i = 0; i < count; i++) {
			company.scim().get("/Users");
		}
		// Reading the entries writes the queued entries of reads first, so the purge
		// deletes them.
		assertThat(ActivityTests.entries(company.api())).hasSize(count);
		return company;
	}

	private static OptionalLong purge(RosterServer server) {
		return server.bean(ActivityRetention.class).purge();
	}

	private static void advanceClocks(Duration duration) {
		first.bean(SettableClock.class).advance(duration);
		second.bean(SettableClock.class).advance(duration);
	}

}
