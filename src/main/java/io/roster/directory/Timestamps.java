package io.roster.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Conversions between instants and the {@code TIMESTAMP WITH TIME ZONE} columns. Instants
 * are kept to the millisecond, the precision that SCIM clients read back.
 */
final class Timestamps {

	private Timestamps() {
	}

	static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

	static OffsetDateTime toColumn(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	static Instant read(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

}
