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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.roster.directory.AppTeams;
import io.roster.directory.Field;
import io.roster.directory.Page;
import io.roster.directory.Team;

/**
 * Teams in the product API: list and search, create, rename and archive app-managed teams
 * and change their members, and read any team's members and history.
 */
@RestController
@RequestMapping("/api/v1/teams")
class TeamsController {

	private final AppTeams teams;

	private final ApiCallers callers;

	TeamsController(AppTeams teams, ApiCallers callers) {
		this.teams = teams;
		this.callers = callers;
	}

	/** Lists teams by name; {@code q} matches the name, ignoring case. */
	@GetMapping
	PageView<TeamView> list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String managedBy,
			@RequestParam(required = false) @Nullable Boolean archived, @RequestParam(defaultValue = "0") int offset,
			@RequestParam(defaultValue = "50") int limit) {
		ApiCaller caller = this.callers.current();
		Page<Team> page = this.teams.search(caller.companyId(), ApiRequests.teams(q, managedBy, archived),
				ApiRequests.page(offset, limit, Field.TEAM_NAME));
		return new PageView<>(page.items().stream().map((t) -> TeamView.of(t, caller, null)).toList(), page.total(),
				offset, limit);
	}

	/**
	 * Creates an app-managed team: {@code {"name": "...", "members": [colleague ids]}}.
	 */
	@PostMapping
	ResponseEntity<TeamView> create(@RequestBody Map<String, @Nullable Object> body) {
		ApiCaller caller = this.callers.current();
		Team team = this.teams.create(caller.actor(), caller.companyId(), ApiRequests.text(body, "name"),
				ApiRequests.ids(body.get("members"), "members"));
		return ResponseEntity.created(URI.create("/api/v1/teams/" + team.id()))
			.eTag(ApiVersions.etag(team.version()))
			.body(TeamView.of(team, caller, this.teams.members(caller.companyId(), team.id())));
	}

	@GetMapping("/{id}")
	ResponseEntity<TeamView> get(@PathVariable UUID id) {
		ApiCaller caller = this.callers.current();
		return detail(caller, this.teams.get(caller.companyId(), id));
	}

	/** Renames an app-managed team: {@code {"name": "..."}}. */
	@PatchMapping("/{id}")
	ResponseEntity<TeamView> rename(@PathVariable UUID id, @RequestBody Map<String, @Nullable Object> body) {
		ApiCaller caller = this.callers.current();
		return detail(caller,
				this.teams.rename(caller.actor(), caller.companyId(), id, ApiRequests.text(body, "name")));
	}

	/**
	 * Adds and removes members of an app-managed team: {@code {"add": [colleague ids],
	 * "remove": [colleague ids]}}.
	 */
	@PatchMapping("/{id}/members")
	ResponseEntity<TeamView> changeMembers(@PathVariable UUID id, @RequestBody Map<String, @Nullable Object> body) {
		ApiCaller caller = this.callers.current();
		this.teams.changeMembers(caller.actor(), caller.companyId(), id, ApiRequests.ids(body.get("add"), "add"),
				ApiRequests.ids(body.get("remove"), "remove"));
		return detail(caller, this.teams.get(caller.companyId(), id));
	}

	@PostMapping("/{id}/archive")
	ResponseEntity<TeamView> archive(@PathVariable UUID id) {
		ApiCaller caller = this.callers.current();
		return detail(caller, this.teams.archive(caller.actor(), caller.companyId(), id));
	}

	/** Returns every recorded change to the team, oldest first. */
	@GetMapping("/{id}/history")
	List<HistoryView> history(@PathVariable UUID id) {
		ApiCaller caller = this.callers.current();
		return this.teams.history(caller.companyId(), id).stream().map(HistoryView::of).toList();
	}

	private ResponseEntity<TeamView> detail(ApiCaller caller, Team team) {
		return ResponseEntity.ok()
			.eTag(ApiVersions.etag(team.version()))
			.body(TeamView.of(team, caller, this.teams.members(caller.companyId(), team.id())));
	}

}
