package io.roster.support;

import java.security.SecureRandom;
import java.util.Random;

import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * Runs a property-based check a number of times, each try with a {@link Random} of its
 * own seed. A failing try names its seed, and {@code -Droster.seed=SEED} replays exactly
 * that try.
 */
public final class PropertyTries {

	/** System property that fixes the seed, so that one failing try can be replayed. */
	public static final String SEED_PROPERTY = "roster.seed";

	private PropertyTries() {
	}

	/**
	 * Runs {@code check} {@code tries} times, or once with the seed given in
	 * {@value #SEED_PROPERTY}.
	 * @throws AssertionError for the first failing try, naming its seed
	 */
	public static void check(String property, int tries, ThrowingConsumer<Random> check) {
		Long fixedSeed = Long.getLong(SEED_PROPERTY);
		SecureRandom seeds = new SecureRandom();
		int count = (fixedSeed != null) ? 1 : tries;
		for (int i = 1; i <= count; i++) {
			long seed = (fixedSeed != null) ? fixedSeed : seeds.nextLong();
			try {
				check.accept(new Random(seed));
			}
			catch (Throwable ex) {
				String message = property + " failed on try " + i + " of " + count + " with seed " + seed
						+ "; replay it with -D" + SEED_PROPERTY + "=" + seed;
				System.err.println(message);
				throw new AssertionError(message + ": " + ex.getMessage(), ex);
			}
		}
	}

}
