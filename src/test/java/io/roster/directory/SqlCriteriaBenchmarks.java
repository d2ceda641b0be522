package io.roster.directory;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * JMH benchmark of compiling directory criteria into SQL conditions with bind parameters,
 * the second half of filter-to-SQL. Not a test: run it with the {@code jmh} Maven
 * profile.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SqlCriteriaBenchmarks {

	private final Criterion userName = new Criterion.Compare(Field.USER_NAME, Criterion.Operator.EQ,
			"alice@example.com", true);

	private final Criterion workEmail = new Criterion.Any(Field.EMAILS,
			new Criterion.And(List.of(new Criterion.Compare(Field.ITEM_TYPE, Criterion.Operator.EQ, "work", true),
					new Criterion.Compare(Field.ITEM_VALUE, Criterion.Operator.EQ, "alice@example.com", true))));

	private final Criterion mixed = new Criterion.And(List.of(
			new Criterion.Compare(Field.USER_NAME, Criterion.Operator.STARTS_WITH, "al", true),
			new Criterion.Or(List.of(new Criterion.Present(Field.TITLE),
					new Criterion.Not(new Criterion.Compare(Field.ACTIVE, Criterion.Operator.EQ, true, false))))));

	@Benchmark
	public String userNameEquals() {
		return SqlCriteria.compile(this.userName).sql();
	}

	@Benchmark
	public String emailValueFilter() {
		return SqlCriteria.compile(this.workEmail).sql();
	}

	@Benchmark
	public String nestedLogic() {
		return SqlCriteria.compile(this.mixed).sql();
	}

}
