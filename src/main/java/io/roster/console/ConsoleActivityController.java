package io.roster.console;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.roster.activity.ActivityCsv;
import io.roster.activity.ActivityEntry;
import io.roster.activity.ActivityLog;
import io.roster.activity.ActivityQuery;
import io.roster.directory.AppColleagues;
import io.roster.directory.Colleague;
import io.roster.directory.Criterion;
import io.roster.directory.Field;
import io.roster.directory.PageRequest;

/**
 * Company > Provisioning activity: the SCIM requests of the company's identity providers,
 * newest first, filtered by day range, outcome, method and colleague, with the client
 * habits Roster applied, and an export of the same selection as CSV.
 */
@Controller
@RequestMapping(ConsoleSecurity.CONSOLE + "/activity")
class ConsoleActivityController implements CompanyPage {

	static final int PAGE_SIZE = 50;

	static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

	private final ActivityLog log;

	private final AppColleagues colleagues;

	ConsoleActivityController(ActivityLog log, AppColleagues colleagues) {
		this.log = log;
		this.colleagues = colleagues;
	}

	/** An activity entry with the name of the identity provider that sent it. */
	record Row(ActivityEntry entry, @Nullable String provider) {
	}

	/** The filters as the form sent them. */
	record Filters(@Nullable String from, @Nullable String to, @Nullable String outcome, @Nullable String method,
			@Nullable String colleague) {
	}

	@GetMapping
	String list(@ModelAttribute("admin") SignedInAdmin admin, Filters filters,
			@RequestParam(required = false) @Nullable Long before, Model model, HttpServletResponse response) {
		model.addAttribute("filters", filters);
		model.addAttribute("methods", METHODS);
		ActivityQuery query;
		try {
			query = query(admin, filters);
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("rows", List.of());
			return "console/activity";
		}
		List<ActivityEntry> entries = this.log.search(admin.companyId(), query, before, PAGE_SIZE);
		model.addAttribute("rows", entries.stream().map((e) -> new Row(e, admin.provider(e.connectionId()))).toList());
		model.addAttribute("next", (entries.size() == PAGE_SIZE) ? entries.get(entries.size() - 1).seq() : null);
		model.addAttribute("first", before == null);
		return "console/activity";
	}

	/** Streams the entries the filters select as CSV, oldest first. */
	@GetMapping("/export")
	void export(@ModelAttribute("admin") SignedInAdmin admin, Filters filters, HttpServletResponse response)
			throws IOException {
		ActivityQuery query;
		try {
			query = query(admin, filters);
		}
		catch (IllegalArgumentException ex) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST, ex.getMessage());
			return;
		}
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"activity.csv\"");
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		ActivityCsv csv = new ActivityCsv(writer);
		csv.header();
		this.log.export(admin.companyId(), query, csv::entry);
		writer.flush();
	}

	/**
	 * Reads the filters into a query. Days are UTC days, and {@code to} includes its day.
	 * A colleague is named by email or by SCIM id; a colleague never linked to an
	 * identity provider has no activity.
	 * @throws IllegalArgumentException for a day that is not a date
	 */
	private ActivityQuery query(SignedInAdmin admin, Filters filters) {
		Instant from = day("from", filters.from());
		Instant to = day("to", filters.to());
		String outcome = ("success".equals(filters.outcome()) || "failure".equals(filters.outcome()))
				? filters.outcome() : null;
		String method = (filters.method() != null) ? filters.method().toUpperCase(Locale.ROOT) : "";
		return new ActivityQuery(from, (to != null) ? to.plusSeconds(86_400) : null, outcome,
				METHODS.contains(method) ? method : null, resourceId(admin, filters.colleague()));
	}

	private @Nullable String resourceId(SignedInAdmin admin, @Nullable String colleague) {
		if (colleague == null || colleague.isBlank()) {
			return null;
		}
		String text = colleague.trim();
		if (!text.contains("@")) {
			return text;
		}
		Criterion byEmail = new Criterion.Compare(Field.USER_NAME, Criterion.Operator.EQ, text, true);
		List<Colleague> found = this.colleagues.search(admin.companyId(), byEmail, PageRequest.offset(0, 1)).items();
		String linkId = found.isEmpty() ? null : found.get(0).linkId();
		// No SCIM id is empty, so an unknown or unlinked colleague matches no entry.
		return (linkId != null) ? linkId : "";
	}

	private static @Nullable Instant day(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(
					"'" + name + "' must be a date such as 2026-01-31, not '" + value.trim() + "'");
		}
	}

}
