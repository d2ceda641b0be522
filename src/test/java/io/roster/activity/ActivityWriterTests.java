package io.roster.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.transaction.PlatformTransactionManager;

import io.roster.support.RosterServer;
import io.roster.support.ScimHttp;
import io.roster.support.TestCompany;
import io.roster.support.TestDatabase;
import io.roster.tenant.IdentityProvider;
import io.roster.tenant.Plan;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entries of reads and failed requests, which a background writer stores in batches: none
 * is lost under concurrent requests, a change is logged after the reads served before it,
 * entries that arrive while a batch waits share its commit, a batch is written when its
 * wait ends, when it is full, on a flush and on a stop, and an interrupt does not end the
 * writer.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ActivityWriterTests {

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

	/** Writers that a test started, stopped after it whether it passed or not. */
	private final List<ActivityWriter> writers = new ArrayList<>();

	@AfterEach
	void stopWriters() {
		this.writers.forEach(ActivityWriter::stop);
	}

	@Test
	void concurrentReadsAreAllRecorded() throws Exception {
		TestCompany company = server.newCompany("Readers", Plan.ENTERPRISE, IdentityProvider.ENTRA);
		ScimHttp scim = company.scim();
		List<Future<Integer>> statuses = new ArrayList<>();
		ExecutorService clients = Executors.newFixedThreadPool(8);
		for (int i = 0; i < 200; i++) {
			String filter = "/Users?filter=userName%20eq%20%22user" + i + "@x.test%22";
			statuses.add(clients.submit(() -> scim.get(filter).status()));
		}
		clients.shutdown();
		for (Future<Integer> status : statuses) {
			assertThat(status.get()).isEqualTo(200);
		}

		List<JsonNode> entries = ActivityTests.entries(company.api());

		assertThat(entries).hasSize(200);
		assertThat(entries).allSatisfy((entry) -> assertThat(entry.get("method").asString()).isEqualTo("GET"));
	}

	@Test
	void changeFollowsEarlierReads() {
		TestCompany company = server.newCompany("Order", Plan.ENTERPRISE, IdentityProvider.ENTRA);
		ScimHttp scim = company.scim();

		for (int i = 0; i < 20; i++) {
			scim.get("/Users?filter=userName%20eq%20%22ann@x.test%22");
			scim.post("/Users", "{\"userName\": \"user" + i + "@x.test\"}");
		}
		List<JsonNode> entries = ActivityTests.entries(company.api());

		List<String> methods = entries.stream().map((entry) -> entry.get("method").asString()).toList();
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			expected.add("POST");
			expected.add("GET");
		}
		assertThat(methods).isEqualTo(expected);
	}

	@Test
	void waitingBatchSharesOneCommit() throws InterruptedException {
		TestCompany company = server.newCompany("Sharing", Plan.ENTERPRISE, IdentityProvider.OKTA);
		ActivityWriter writer = startedWriter(Duration.ofMinutes(1));

		for (int i = 0; i < 3; i++) {
			writer.add(company.id(), entry(company, i, 200, null));
			Thread.sleep(20);
		}
		// The batch still waits: nothing is written yet.
		assertThat(server.bean(ActivityStore.class).newest(company.id(), null, 10)).isEmpty();
		writer.flush();

		assertThat(server.bean(ActivityStore.class).newest(company.id(), null, 10)).hasSize(3);
		assertThat(writer.batchesHandled()).isEqualTo(1);
	}

	@Test
	void batchIsWrittenWhenWaitEnds() throws InterruptedException {
		TestCompany company = server.newCompany("Waiting", Plan.ENTERPRISE, IdentityProvider.OKTA);
		ActivityWriter writer = startedWriter(Duration.ofMillis(200));

		writer.add(company.id(), entry(company, 0, 200, null));
		// No flush and no stop: the wait runs out on its own.
		awaitFirstBatch(writer);

		assertThat(writer.batchesHandled()).isEqualTo(1);
		assertThat(server.bean(ActivityStore.class).newest(company.id(), null, 10)).hasSize(1);
	}

	@Test
	void fullBatchEndsTheWait() throws InterruptedException {
		TestCompany company = server.newCompany("Full", Plan.ENTERPRISE, IdentityProvider.OKTA);
		ActivityWriter writer = startedWriter(Duration.ofMinutes(1));

		writer.add(company.id(), entry(company, 0, 200, null));
		// The writer usually has taken the first entry by then and waits for more.
		Thread.sleep(50);
		for (int i = 1; i < ActivityWriter.MAX_BATCH; i++) {
			writer.add(company.id(), entry(company, i, 200, null));
		}
		// No flush and no stop: a full batch alone ends the wait.
		awaitFirstBatch(writer);

		assertThat(writer.batchesHandled()).isEqualTo(1);
		assertThat(server.bean(ActivityStore.class).newest(company.id(), null, 1000)).hasSize(ActivityWriter.MAX_BATCH);
	}

	@Test
	void interruptedWriterGoesOn() throws InterruptedException {
		TestCompany company = server.newCompany("Interrupted", Plan.ENTERPRISE, IdentityProvider.OKTA);
		ActivityWriter writer = startedWriter(Duration.ofMinutes(1));

		writer.thread().interrupt();
		Thread.sleep(200);
		writer.add(company.id(), entry(company, 0, 200, null));
		// The writer usually waits for more entries of its batch by then.
		Thread.sleep(50);
		writer.thread().interrupt();
		awaitFirstBatch(writer);
		writer.add(company.id(), entry(company, 1, 200, null));
		writer.flush();

		assertThat(writer.thread().isAlive()).isTrue();
		assertThat(server.bean(ActivityStore.class).newest(company.id(), null, 10)).hasSize(2);
	}

	@Test
	void stopWritesQueuedEntries() {
		TestCompany company = server.newCompany("Stopping", Plan.ENTERPRISE, IdentityProvider.OKTA);
		ActivityWriter writer = startedWriter(Duration.ofMinutes(1));

		for (int i = 0; i < 300; i++) {
			writer.add(company.id(), entry(company, i, 200, null));
		}
		writer.stop();

		assertThat(server.bean(ActivityStore.class).newest(company.id(), null, 1000)).hasSize(300);
	}

	@Test
	void detailWithNulIsStored() {
		TestCompany company = server.newCompany("Nul", Plan.ENTERPRISE, IdentityProvider.OKTA);
		ActivityWriter writer = startedWriter();

		for (int i = 0; i < 3; i++) {
			writer.add(company.id(),
					entry(company, i, 400, (i == 1) ? "userName a\u0000b is invalid" : "userName is missing"));
		}
		writer.stop();

		List<ActivityEntry> stored = server.bean(ActivityStore.class).newest(company.id(), null, 10);
		assertThat(stored).hasSize(3);
		assertThat(stored).extracting(ActivityEntry::errorDetail).contains("userName a\uFFFDb is invalid");
	}

	/** Returns a writer of its own, apart from the server's, already started. */
	private ActivityWriter startedWriter() {
		return startedWriter(Duration.ZERO);
	}

	private ActivityWriter startedWriter(Duration batchWait) {
		ActivityWriter writer = new ActivityWriter(server.bean(ActivityStore.class),
				server.bean(PlatformTransactionManager.class),
				new ActivityProperties(Duration.ofDays(90), Duration.ofHours(1), batchWait));
		writer.start();
		this.writers.add(writer);
		return writer;
	}

	/** Waits up to 10 s for the writer to handle its first batch. */
	private static void awaitFirstBatch(ActivityWriter writer) throws InterruptedException {
		for (int i = 0; i < 200 && writer.batchesHandled() == 0; i++) {
			Thread.sleep(50);
		}
	}

	private static ActivityEntry entry(TestCompany company, int number, int status, String errorDetail) {
		return new ActivityEntry(0, UUID.randomUUID(), Instant.now(), company.connectionId(), "request-" + number,
				"GET", "User", null, status, List.of(), List.of(), (errorDetail != null) ? "invalidValue" : null,
				errorDetail);
	}

}
