package io.roster.system;

import java.time.Clock;
import java.util.UUID;

/**
 * Creates version 7 UUIDs (RFC 9562 section 5.7): the first 48 bits are the Unix time in
 * milliseconds, and the remaining 74 bits after the version and variant are random, as in
 * {@link UUID#randomUUID()}. Rows keyed by such ids go near the end of their primary key
 * index, not onto a random page, so a transaction that adds many rows changes few index
 * pages. H2 writes each changed page to its file at commit, and PostgreSQL logs the first
 * change of a page after a checkpoint as the whole page.
 */
public final class TimeOrderedIds {

	private TimeOrderedIds() {
	}

	/** Returns a new version 7 UUID for the current time. */
	public static UUID next() {
		return next(Clock.systemUTC().millis());
	}

	/** Returns a new version 7 UUID for the given Unix time in milliseconds. */
	static UUID next(long epochMillis) {
		UUID random = UUID.randomUUID();
		long high = (epochMillis << 16) | 0x7000L | (random.getMostSignificantBits() & 0x0FFFL);
		// The low half keeps the random UUID's variant bits, which version 7 shares.
		return new UUID(high, random.getLeastSignificantBits());
	}

}
