package io.roster.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.context.annotation.Primary;

/**
 * A clock that tests move forward instead of sleeping. It runs with the system clock plus
 * the time it was moved forward by. A test adds it to a Roster server with
 * {@link #PROPERTY}, where it replaces the clock that dates configuration links, job
 * leases and the activity purge.
 */
@Primary
public class SettableClock extends Clock {

	/** The server property that adds this clock to the application context. */
	public static final String PROPERTY = "spring.main.sources";

	private volatile Duration offset = Duration.ZERO;

	/** Moves the clock forward; it keeps ticking with the system clock from there. */
	public void advance(Duration duration) {
		this.offset = this.offset.plus(duration);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("This clock is UTC only");
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.offset);
	}

}
