package io.roster.activity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Writes activity entries as CSV (RFC 4180): a header line, then one line per entry, with
 * CRLF line ends. Lists of names are space-separated within their field. A field that
 * starts with {@code = + - @}, tab or carriage return gets a leading apostrophe, so a
 * spreadsheet opening the export never runs a formula that a client sent as an error
 * detail.
 */
public final class ActivityCsv {

	public static final String HEADER = "time,connection_id,request_id,method,resource_type,resource_id,status,"
			+ "outcome,changed_attributes,habits,error_type,error_detail";

	private final Writer writer;

	public ActivityCsv(Writer writer) {
		this.writer = writer;
	}

	public void header() {
		line(List.of(HEADER.split(",")), false);
	}

	public void entry(ActivityEntry entry) {
		line(List.of(entry.occurredAt().toString(), Objects.toString(entry.connectionId(), ""), entry.requestId(),
				entry.method(), entry.resourceType(), Objects.toString(entry.resourceId(), ""),
				String.valueOf(entry.status()), entry.outcome(), String.join(" ", entry.changedAttributes()),
				String.join(" ", entry.habits()), Objects.toString(entry.errorType(), ""),
				Objects.toString(entry.errorDetail(), "")), true);
	}

	private void line(List<String> fields, boolean escape) {
		try {
			for (int i = 0; i < fields.size(); i++) {
				if (i > 0) {
					this.writer.write(',');
				}
				this.writer.write(escape ? field(fields.get(i)) : fields.get(i));
			}
			this.writer.write("\r\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String field(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
		if (safe.indexOf(',') < 0 && safe.indexOf('"') < 0 && safe.indexOf('\n') < 0 && safe.indexOf('\r') < 0) {
			return safe;
		}
		return '"' + safe.replace("\"", "\"\"") + '"';
	}

}
