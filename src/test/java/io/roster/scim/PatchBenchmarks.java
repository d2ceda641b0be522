package io.roster.scim;

import java.nio.charset.StandardCharsets;
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

import com.unboundid.scim2.common.exceptions.ScimException;

import io.roster.directory.ColleagueProfile;
import io.roster.directory.MembershipChange;
import io.roster.directory.MultiValue;

/**
 * JMH benchmark of applying SCIM PATCH requests: reading the body, applying a User PATCH
 * to a profile, and turning a Group PATCH of 100 members into a membership change. Not a
 * test: run it with the {@code jmh} Maven profile.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PatchBenchmarks {

	private static final String PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

	private final ColleagueProfile profile = new ColleagueProfile("alice@example.com", "ext-1", "Alice", "Smith", null,
			"Alice Smith", "Engineer", true, List.of(new MultiValue("alice@example.com", "work", null, true)),
			List.of(), "member", "E1", "Research", null, null, null, null);

	private byte[] userPatch;

	private byte[] groupPatch;

	@Setup
	public void createBodies() {
		this.userPatch = ("""
				{"schemas": ["%s"], "Operations": [
				  {"op": "replace", "path": "active", "value": false},
				  {"op": "replace", "path": "name.givenName", "value": "Alicia"},
				  {"op": "replace", "path": "emails[type eq \\"work\\"].value", "value": "alicia@example.com"}]}"""
			.formatted(PATCH)).getBytes(StandardCharsets.UTF_8);
		StringBuilder members = new StringBuilder();
		for (int i = 0; i < 100; i++) {
			members.append((i > 0) ? "," : "").append("{\"value\":\"").append(UUID.randomUUID()).append("\"}");
		}
		this.groupPatch = ("{\"schemas\": [\"" + PATCH
				+ "\"], \"Operations\": [{\"op\": \"add\", \"path\": \"members\"," + " \"value\": [" + members + "]}]}")
			.getBytes(StandardCharsets.UTF_8);
	}

	@Benchmark
	public ColleagueProfile applyUserPatch() throws ScimException {
		return UserPatches.apply(this.profile, PatchOps.parse(ScimJson.readObject(this.userPatch)));
	}

	@Benchmark
	public MembershipChange groupPatchOf100Members() throws ScimException {
		List<PatchOps.Op> ops = PatchOps.parse(ScimJson.readObject(this.groupPatch));
		return GroupPatches.of("group-1", ops, List::of).membershipChange();
	}

}
