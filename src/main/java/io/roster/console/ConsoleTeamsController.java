package io.roster.console;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.roster.directory.AppColleagues;
import io.roster.directory.AppTeams;
import io.roster.directory.Colleague;
import io.roster.directory.Criterion;
import io.roster.directory.DirectoryException;
import io.roster.directory.Field;
import io.roster.directory.HistoryEntry;
import io.roster.directory.Page;
import io.roster.directory.PageRequest;
import io.roster.directory.Team;

/**
 * Company > Teams: the list with search and filters, creating, renaming and archiving
 * app-managed teams, and a team's page with its members, which an admin changes on an
 * app-managed team. Lists page by seeking past the last internal id shown.
 */
@Controller
@RequestMapping(ConsoleSecurity.CONSOLE + "/teams")
class ConsoleTeamsController implements CompanyPage {

	static final int PAGE_SIZE = 50;

	private final AppTeams teams;

	private final AppColleagues colleagues;

	ConsoleTeamsController(AppTeams teams, AppColleagues colleagues) {
		this.teams = teams;
		this.colleagues = colleagues;
	}

	/** A team in a list, with the label of who manages it. */
	record Row(Team team, String label) {
	}

	@GetMapping
	String list(@ModelAttribute("admin") SignedInAdmin admin, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String managedBy,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable UUID after, Model model) {
		Page<Team> page = this.teams.search(admin.companyId(), criterion(q, managedBy, status),
				new PageRequest(0, PAGE_SIZE, null, after));
		model.addAttribute("rows", page.items().stream().map((t) -> new Row(t, label(admin, t))).toList());
		model.addAttribute("page", page);
		model.addAttribute("first", after == null);
		return "console/teams";
	}

	@PostMapping
	String create(@ModelAttribute("admin") SignedInAdmin admin, @RequestParam(defaultValue = "") String name,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			Team team = this.teams.create(admin.actor(), admin.companyId(), name, Set.of());
			redirect.addFlashAttribute("notice", "Created the team " + team.profile().displayName() + ".");
			return "redirect:/console/teams/" + team.id();
		}
		catch (DirectoryException ex) {
			response.setStatus(Rejections.status(ex));
			model.addAttribute("error", ex.getMessage());
			return list(admin, null, null, null, null, model);
		}
	}

	@GetMapping("/{id}")
	String detail(@ModelAttribute("admin") SignedInAdmin admin, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable UUID after, Model model) {
		Team team = this.teams.get(admin.companyId(), id);
		Criterion members = new Criterion.Any(Field.TEAMS,
				new Criterion.Compare(Field.MEMBERSHIP_TEAM, Criterion.Operator.EQ, team.id(), false));
		Page<Colleague> page = this.colleagues.search(admin.companyId(), members,
				new PageRequest(0, PAGE_SIZE, null, after));
		List<HistoryEntry> history = new ArrayList<>(this.teams.history(admin.companyId(), id));
		Collections.reverse(history);
		model.addAttribute("team", team);
		model.addAttribute("label", label(admin, team));
		model.addAttribute("provider", admin.provider(team.scimConnectionId()));
		model.addAttribute("members",
				page.items()
					.stream()
					.map((c) -> new ConsoleColleaguesController.Row(c, ConsoleColleaguesController.label(admin, c)))
					.toList());
		model.addAttribute("page", page);
		model.addAttribute("first", after == null);
		model.addAttribute("history", history);
		return "console/team";
	}

	@PostMapping("/{id}/rename")
	String rename(@ModelAttribute("admin") SignedInAdmin admin, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String name, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			Team team = this.teams.rename(admin.actor(), admin.companyId(), id, name);
			redirect.addFlashAttribute("notice", "Renamed the team to " + team.profile().displayName() + ".");
			return "redirect:/console/teams/" + id;
		}
		catch (DirectoryException ex) {
			return rejected(admin, id, ex, model, response);
		}
	}

	@PostMapping("/{id}/archive")
	String archive(@ModelAttribute("admin") SignedInAdmin admin, @PathVariable UUID id, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			Team team = this.teams.archive(admin.actor(), admin.companyId(), id);
			redirect.addFlashAttribute("notice", "Archived the team " + team.profile().displayName() + ".");
			return "redirect:/console/teams/" + id;
		}
		catch (DirectoryException ex) {
			return rejected(admin, id, ex, model, response);
		}
	}

	/** Adds the colleague with the email, ignoring case, to an app-managed team. */
	@PostMapping("/{id}/members")
	String addMember(@ModelAttribute("admin") SignedInAdmin admin, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String email, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			this.teams.get(admin.companyId(), id);
			Colleague colleague = findByEmail(admin, email.trim());
			this.teams.changeMembers(admin.actor(), admin.companyId(), id, Set.of(colleague.id()), Set.of());
			redirect.addFlashAttribute("notice", "Added " + colleague.profile().userName() + " to the team.");
			return "redirect:/console/teams/" + id;
		}
		catch (DirectoryException ex) {
			return rejected(admin, id, ex, model, response);
		}
	}

	@PostMapping("/{id}/members/{colleagueId}/remove")
	String removeMember(@ModelAttribute("admin") SignedInAdmin admin, @PathVariable UUID id,
			@PathVariable UUID colleagueId, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			this.teams.changeMembers(admin.actor(), admin.companyId(), id, Set.of(), Set.of(colleagueId));
			redirect.addFlashAttribute("notice", "Removed the member from the team.");
			return "redirect:/console/teams/" + id;
		}
		catch (DirectoryException ex) {
			return rejected(admin, id, ex, model, response);
		}
	}

	private Colleague findByEmail(SignedInAdmin admin, String email) {
		Criterion byEmail = new Criterion.Compare(Field.USER_NAME, Criterion.Operator.EQ, email, true);
		List<Colleague> found = this.colleagues.search(admin.companyId(), byEmail, PageRequest.offset(0, 1)).items();
		if (found.isEmpty()) {
			throw new DirectoryException(DirectoryException.Reason.INVALID_VALUE, "email",
					"No colleague of this company has the email '" + email + "'");
		}
		return found.get(0);
	}

	/** Shows the team's page again with the directory's message. */
	private String rejected(SignedInAdmin admin, UUID id, DirectoryException ex, Model model,
			HttpServletResponse response) {
		if (ex.reason() == DirectoryException.Reason.NOT_FOUND) {
			throw ex;
		}
		response.setStatus(Rejections.status(ex));
		model.addAttribute("error", ex.getMessage());
		return detail(admin, id, null, model);
	}

	static String label(SignedInAdmin admin, Team team) {
		return team.isScimManaged() ? "SCIM · " + admin.provider(team.scimConnectionId()) : "App-managed";
	}

	static Criterion criterion(@Nullable String q, @Nullable String managedBy, @Nullable String status) {
		List<Criterion> all = new ArrayList<>();
		if (q != null && !q.isBlank()) {
			all.add(new Criterion.Compare(Field.TEAM_NAME, Criterion.Operator.CONTAINS, q.trim(), true));
		}
		if (Colleague.SCIM.equals(managedBy) || Colleague.APP.equals(managedBy)) {
			all.add(new Criterion.Compare(Field.TEAM_MANAGED_BY, Criterion.Operator.EQ, managedBy, false));
		}
		if ("active".equals(status) || "archived".equals(status)) {
			all.add(new Criterion.Compare(Field.TEAM_ARCHIVED, Criterion.Operator.EQ, "archived".equals(status),
					false));
		}
		return all.isEmpty() ? Criterion.ALL : new Criterion.And(all);
	}

}
