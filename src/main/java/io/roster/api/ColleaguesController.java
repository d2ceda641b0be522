package io.roster.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.roster.directory.AppColleagues;
import io.roster.directory.Colleague;
import io.roster.directory.Field;
import io.roster.directory.Page;

/**
 * Colleagues in the product API: list and search, create, edit, deactivate and reactivate
 * app-managed colleagues, and read any colleague's teams and history. The directory
 * enforces which changes a SCIM-managed colleague allows.
 */
@RestController
@RequestMapping("/api/v1/colleagues")
class ColleaguesController {

	private final AppColleagues colleagues;

	private final ApiCallers callers;

	ColleaguesController(AppColleagues colleagues, ApiCallers callers) {
		this.colleagues = colleagues;
		this.callers = callers;
	}

	/** Lists colleagues by email; {@code q} matches email or names, ignoring case. */
	@GetMapping
	PageView<ColleagueView> list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String managedBy,
			@RequestParam(required = false) @Nullable Boolean active,
			@RequestParam(required = false) @Nullable String role, @RequestParam(defaultValue = "0") int offset,
			@RequestParam(defaultValue = "50") int limit) {
		ApiCaller caller = this.callers.current();
		Page<Colleague> page = this.colleagues.search(caller.companyId(),
				ApiRequests.colleagues(q, managedBy, active, role), ApiRequests.page(offset, limit, Field.USER_NAME));
		return new PageView<>(page.items().stream().map((c) -> ColleagueView.of(c, caller, null)).toList(),
				page.total(), offset, limit);
	}

	/**
	 * Creates an app-managed colleague from a JSON object of fields; email is required.
	 */
	@PostMapping
	ResponseEntity<ColleagueView> create(@RequestBody Map<String, @Nullable Object> body) {
		ApiCaller caller = this.callers.current();
		Colleague colleague = this.colleagues.create(caller.actor(), caller.company(), ApiRequests.fields(body));
		return ResponseEntity.created(URI.create("/api/v1/colleagues/" + colleague.id()))
			.eTag(ApiVersions.etag(colleague.version()))
			.body(ColleagueView.of(colleague, caller, List.of()));
	}

	@GetMapping("/{id}")
	ResponseEntity<ColleagueView> get(@PathVariable UUID id) {
		ApiCaller caller = this.callers.current();
		return detail(caller, this.colleagues.get(caller.companyId(), id));
	}

	/**
	 * Changes the fields the body names; {@code null} clears a field. With
	 * {@code If-Match}, the change applies only to that version.
	 */
	@PatchMapping("/{id}")
	ResponseEntity<ColleagueView> edit(@PathVariable UUID id, @RequestBody Map<String, @Nullable Object> body,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		ApiCaller caller = this.callers.current();
		Colleague colleague = this.colleagues.edit(caller.actor(), caller.companyId(), id,
				ApiVersions.expected(ifMatch), ApiRequests.fields(body));
		return detail(caller, colleague);
	}

	@PostMapping("/{id}/deactivate")
	ResponseEntity<ColleagueView> deactivate(@PathVariable UUID id) {
		ApiCaller caller = this.callers.current();
		return detail(caller, this.colleagues.deactivate(caller.actor(), caller.companyId(), id));
	}

	@PostMapping("/{id}/reactivate")
	ResponseEntity<ColleagueView> reactivate(@PathVariable UUID id) {
		ApiCaller caller = this.callers.current();
		return detail(caller, this.colleagues.reactivate(caller.actor(), caller.companyId(), id));
	}

	/** Returns every recorded change to the colleague, oldest first. */
	@GetMapping("/{id}/history")
	List<HistoryView> history(@PathVariable UUID id) {
		ApiCaller caller = this.callers.current();
		return this.colleagues.history(caller.companyId(), id).stream().map(HistoryView::of).toList();
	}

	private ResponseEntity<ColleagueView> detail(ApiCaller caller, Colleague colleague) {
		return ResponseEntity.ok()
			.eTag(ApiVersions.etag(colleague.version()))
			.body(ColleagueView.of(colleague, caller, this.colleagues.teams(caller.companyId(), colleague.id())));
	}

}
