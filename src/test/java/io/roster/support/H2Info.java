package io.roster.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the figures that H2 reports about its store in
 * {@code information_schema.settings}, such as {@code info.FILE_WRITE} and
 * {@code info.CHUNKS_FILL_RATE}.
 */
public final class H2Info {

	private H2Info() {
	}

	/** Returns the value of an {@code info.} setting, which must exist. */
	public static long read(Connection connection, String name) throws SQLException {
		try (PreparedStatement select = connection
			.prepareStatement("SELECT setting_value FROM information_schema.settings WHERE setting_name = ?")) {
			select.setString(1, name);
			try (ResultSet rows = select.executeQuery()) {
				assertThat(rows.next()).as(name).isTrue();
				return Long.parseLong(rows.getString(1));
			}
		}
	}

}
