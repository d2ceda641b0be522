package io.roster.api;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.roster.activity.ActivityCsv;
import io.roster.activity.ActivityEntry;
import io.roster.activity.ActivityLog;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The activity log of the admin's company: a page of the newest entries, and an export of
 * a time range as JSON or CSV, streamed entry by entry.
 */
@RestController
@RequestMapping("/api/v1/activity")
class ActivityController {

	private final ActivityLog log;

	private final ApiCallers callers;

	private final JsonMapper mapper;

	ActivityController(ActivityLog log, ApiCallers callers, JsonMapper mapper) {
		this.log = log;
		this.callers = callers;
		this.mapper = mapper;
	}

	/** Returns up to {@code limit} entries, newest first, older than {@code before}. */
	@GetMapping
	ActivityView.Page list(@RequestParam(required = false) @Nullable Long before,
			@RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > ActivityLog.MAX_PAGE_SIZE) {
			throw ApiException.badRequest("limit",
					"'limit' must be between 1 and " + ActivityLog.MAX_PAGE_SIZE + ", not " + limit);
		}
		ApiCaller caller = this.callers.current();
		List<ActivityEntry> entries = this.log.newest(caller.companyId(), before, limit);
		Long next = (entries.size() == limit) ? entries.get(entries.size() - 1).seq() : null;
		return new ActivityView.Page(entries.stream().map((e) -> ActivityView.of(e, caller)).toList(), next);
	}

	/**
	 * Exports the entries written in {@code [from, to)}, oldest first, as a JSON array
	 * ({@code format=json}) or CSV ({@code format=csv}). Without {@code from} and
	 * {@code to}, exports everything kept.
	 */
	@GetMapping("/export")
	void export(@RequestParam(defaultValue = "json") String format,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			HttpServletResponse response) throws IOException {
		if (!format.equals("json") && !format.equals("csv")) {
			throw ApiException.badRequest("format", "'format' must be json or csv, not '" + format + "'");
		}
		Instant start = instant("from", from, Instant.EPOCH);
		Instant end = instant("to", to, Instant.now().plusSeconds(1));
		ApiCaller caller = this.callers.current();
		response.setCharacterEncoding("UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"activity." + format + "\"");
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		if (format.equals("csv")) {
			response.setContentType("text/csv; charset=UTF-8");
			ActivityCsv csv = new ActivityCsv(writer);
			csv.header();
			this.log.export(caller.companyId(), start, end, csv::entry);
			writer.flush();
			return;
		}
		response.setContentType("application/json");
		try (JsonGenerator json = this.mapper.createGenerator(writer)) {
			json.writeStartArray();
			this.log.export(caller.companyId(), start, end,
					(entry) -> this.mapper.writeValue(json, ActivityView.of(entry, caller)));
			json.writeEndArray();
		}
	}

	private static Instant instant(String name, @Nullable String value, Instant absent) {
		if (value == null || value.isBlank()) {
			return absent;
		}
		try {
			return Instant.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			throw ApiException.badRequest(name,
					"'" + name + "' must be an ISO 8601 instant such as 2025-01-31T00:00:00Z, not '" + value + "'");
		}
	}

}
