package io.roster.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Formats instants for console pages, in UTC to the minute, as templates call it with
 * {@code @consoleTimes.format(...)}.
 */
@Component
class ConsoleTimes {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	/** Returns the instant to the minute, or an empty string for {@code null}. */
	public String format(@Nullable Instant instant) {
		return (instant != null) ? MINUTES.format(instant) : "";
	}

	/** Returns the instant to the second, or an empty string for {@code null}. */
	public String formatSeconds(@Nullable Instant instant) {
		return (instant != null) ? SECONDS.format(instant) : "";
	}

}
