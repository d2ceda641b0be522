package io.roster.scim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.roster.directory.Colleague;
import io.roster.directory.ColleagueProfile;
import io.roster.directory.MultiValue;
import io.roster.directory.Page;

import tools.jackson.databind.node.ObjectNode;

/**
 * JMH benchmark of writing SCIM JSON: one User resource, and a ListResponse page of 100
 * Users as a startIndex walk reads it, each down to the response bytes. Not a test: run
 * it with the {@code jmh} Maven profile.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JsonWriteBenchmarks {

	private static final String BASE_URL = "http://127.0.0.1:8080/scim/v2";

	private final List<Colleague> page = new ArrayList<>();

	private SearchQuery query;

	@Setup
	public void createColleagues() {
		for (int i = 0; i < 100; i++) {
			String userName = "user." + i + "@example.com";
			ColleagueProfile profile = new ColleagueProfile(userName, "ext-" + i, "Given" + i, "Family" + i, null,
					"Given Family " + i, "Engineer", true, List.of(new MultiValue(userName, "work", null, true)),
					List.of(), "member", "E" + i, "Research", null, null, null, null);
			Instant created = Instant.parse("2026-01-01T00:00:00Z");
			this.page.add(new Colleague(UUID.randomUUID(), UUID.randomUUID().toString(), profile, "scim", null, 3,
					created, created));
		}
		this.query = new SearchQuery(null, null, false, Projection.ALL, 1, 100, null);
	}

	@Benchmark
	public byte[] writeUser() {
		Colleague colleague = this.page.get(0);
		return ScimResponses.resource(UserResources.write(colleague, BASE_URL + "/Users/" + colleague.linkId()), 3)
			.getBody();
	}

	@Benchmark
	public byte[] writeListOf100Users() {
		List<ObjectNode> resources = new ArrayList<>();
		for (Colleague colleague : this.page) {
			resources.add(UserResources.write(colleague, BASE_URL + "/Users/" + colleague.linkId()));
		}
		Page<Colleague> served = new Page<>(this.page, 1_000_000, this.page.get(99).id(), true);
		return ScimResponses.ok(ListResponses.of(served, this.query, resources)).getBody();
	}

}
