package io.roster.scim;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import com.unboundid.scim2.common.exceptions.ScimException;

import io.roster.directory.Criterion;

/**
 * JMH benchmark of parsing the filters identity providers send and compiling them into
 * directory criteria, the first half of filter-to-SQL ({@code SqlCriteriaBenchmarks} in
 * {@code io.roster.directory} measures the second). Not a test: run it with the
 * {@code jmh} Maven profile.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FilterBenchmarks {

	@Param({ "userName eq \"alice@example.com\"", "externalId eq \"00u1ab2cd3EF4gh5i6j7\"",
			"emails[type eq \"work\" and value eq \"alice@example.com\"]",
			"userName sw \"al\" and (title pr or active eq true)" })
	public String userFilter;

	@Benchmark
	public Criterion parseUserFilter() throws ScimException {
		return Filters.parse(this.userFilter, AttributeCatalog.USERS, 4096);
	}

	@Benchmark
	public Criterion parseGroupMemberFilter() throws ScimException {
		return Filters.parse("displayName eq \"Engineering\" and members[value eq \"2819c223\"]",
				AttributeCatalog.GROUPS, 4096);
	}

}
