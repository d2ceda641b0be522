package io.roster.console;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
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
import io.roster.directory.Role;
import io.roster.directory.Team;

/**
 * Company > Colleagues: the list with search and filters, a colleague's page with its
 * form, and adding, editing, deactivating and reactivating app-managed colleagues. The
 * list pages by seeking past the last internal id shown, so each page costs the same
 * however deep it is, and the order is the internal id order.
 */
@Controller
@RequestMapping(ConsoleSecurity.CONSOLE + "/colleagues")
class ConsoleColleaguesController implements CompanyPage {

	static final int PAGE_SIZE = 50;

	/** Teams offered by the team filter, by name. */
	static final int MAX_TEAM_CHOICES = 500;

	private final AppColleagues colleagues;

	private final AppTeams teams;

	ConsoleColleaguesController(AppColleagues colleagues, AppTeams teams) {
		this.colleagues = colleagues;
		this.teams = teams;
	}

	/** A colleague in a list, with the label of who manages it. */
	record Row(Colleague colleague, String label) {
	}

	@GetMapping
	String list(@ModelAttribute("admin") SignedInAdmin admin, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String managedBy,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable UUID team, @RequestParam(required = false) @Nullable UUID after,
			Model model) {
		Criterion criterion = criterion(q, managedBy, status, team);
		Page<Colleague> page = this.colleagues.search(admin.companyId(), criterion,
				new PageRequest(0, PAGE_SIZE, null, after));
		model.addAttribute("rows", page.items().stream().map((c) -> new Row(c, label(admin, c))).toList());
		model.addAttribute("page", page);
		model.addAttribute("first", after == null);
		model.addAttribute("teamChoices", activeTeams(admin));
		return "console/colleagues";
	}

	@GetMapping("/new")
	String newColleague(@ModelAttribute("admin") SignedInAdmin admin, Model model) {
		model.addAttribute("values", Map.of("role", admin.company().defaultRole()));
		return newForm(model);
	}

	@PostMapping
	String create(@ModelAttribute("admin") SignedInAdmin admin, @RequestParam MultiValueMap<String, String> form,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Map<String, @Nullable String> fields = ColleagueForm.posted(form);
		try {
			Colleague created = this.colleagues.create(admin.actor(), admin.company(), fields);
			redirect.addFlashAttribute("notice", "Added " + created.profile().userName() + ".");
			return "redirect:/console/colleagues/" + created.id();
		}
		catch (DirectoryException ex) {
			response.setStatus(Rejections.status(ex));
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("values", fields);
			return newForm(model);
		}
	}

	@GetMapping("/{id}")
	String detail(@ModelAttribute("admin") SignedInAdmin admin, @PathVariable UUID id, Model model) {
		Colleague colleague = this.colleagues.get(admin.companyId(), id);
		return detailPage(admin, colleague, ColleagueForm.values(colleague), model);
	}

	/**
	 * Saves the form. The directory rejects a change to a provisioned field of a
	 * SCIM-managed colleague, which a crafted post can still send, with a message naming
	 * the field and the identity provider.
	 */
	@PostMapping("/{id}")
	String edit(@ModelAttribute("admin") SignedInAdmin admin, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable Long version, @RequestParam MultiValueMap<String, String> form,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Map<String, @Nullable String> fields = ColleagueForm.posted(form);
		try {
			Colleague saved = this.colleagues.edit(admin.actor(), admin.companyId(), id, version, fields);
			redirect.addFlashAttribute("notice", "Saved " + saved.profile().userName() + ".");
			return "redirect:/console/colleagues/" + id;
		}
		catch (DirectoryException ex) {
			return rejected(admin, id, ex, fields, model, response);
		}
	}

	@PostMapping("/{id}/deactivate")
	String deactivate(@ModelAttribute("admin") SignedInAdmin admin, @PathVariable UUID id, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return changeActive(admin, id, false, model, redirect, response);
	}

	@PostMapping("/{id}/reactivate")
	String reactivate(@ModelAttribute("admin") SignedInAdmin admin, @PathVariable UUID id, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return changeActive(admin, id, true, model, redirect, response);
	}

	private String changeActive(SignedInAdmin admin, UUID id, boolean active, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			Colleague colleague = active ? this.colleagues.reactivate(admin.actor(), admin.companyId(), id)
					: this.colleagues.deactivate(admin.actor(), admin.companyId(), id);
			redirect.addFlashAttribute("notice",
					(active ? "Reactivated " : "Deactivated ") + colleague.profile().userName() + ".");
			return "redirect:/console/colleagues/" + id;
		}
		catch (DirectoryException ex) {
			return rejected(admin, id, ex, null, model, response);
		}
	}

	/**
	 * Shows the colleague's page again with the directory's message; a colleague that is
	 * not the company's is not found.
	 * @param posted the values the form sent, shown again for an app-managed colleague
	 */
	private String rejected(SignedInAdmin admin, UUID id, DirectoryException ex,
			@Nullable Map<String, @Nullable String> posted, Model model, HttpServletResponse response) {
		if (ex.reason() == DirectoryException.Reason.NOT_FOUND) {
			throw ex;
		}
		Colleague colleague = this.colleagues.get(admin.companyId(), id);
		response.setStatus(Rejections.status(ex));
		model.addAttribute("error", ex.getMessage());
		Map<String, @Nullable String> values = ColleagueForm.values(colleague);
		if (posted != null && !colleague.isScimManaged()) {
			values.putAll(posted);
		}
		return detailPage(admin, colleague, values, model);
	}

	private String detailPage(SignedInAdmin admin, Colleague colleague, Map<String, @Nullable String> values,
			Model model) {
		model.addAttribute("colleague", colleague);
		model.addAttribute("label", label(admin, colleague));
		model.addAttribute("provider", admin.provider(colleague.scimConnectionId()));
		model.addAttribute("values", values);
		model.addAttribute("inputs", ColleagueForm.INPUTS);
		model.addAttribute("roles", Role.values());
		model.addAttribute("teams", this.colleagues.teams(admin.companyId(), colleague.id()));
		List<HistoryEntry> history = new ArrayList<>(this.colleagues.history(admin.companyId(), colleague.id()));
		Collections.reverse(history);
		model.addAttribute("history", history);
		return "console/colleague";
	}

	private String newForm(Model model) {
		model.addAttribute("inputs", ColleagueForm.INPUTS);
		model.addAttribute("roles", Role.values());
		return "console/colleague-new";
	}

	private List<Team> activeTeams(SignedInAdmin admin) {
		Criterion active = new Criterion.Compare(Field.TEAM_ARCHIVED, Criterion.Operator.EQ, false, false);
		PageRequest byName = new PageRequest(0, MAX_TEAM_CHOICES,
				new PageRequest.Sort(Field.TEAM_DISPLAY_NAME, false, true), null);
		return this.teams.search(admin.companyId(), active, byName).items();
	}

	/** Returns the label of who manages a colleague, such as "SCIM · Okta". */
	static String label(SignedInAdmin admin, Colleague colleague) {
		return colleague.isScimManaged() ? "SCIM · " + admin.provider(colleague.scimConnectionId()) : "App-managed";
	}

	static Criterion criterion(@Nullable String q, @Nullable String managedBy, @Nullable String status,
			@Nullable UUID team) {
		List<Criterion> all = new ArrayList<>();
		if (q != null && !q.isBlank()) {
			String text = q.trim();
			all.add(new Criterion.Or(List.of(contains(Field.USER_NAME, text), contains(Field.GIVEN_NAME, text),
					contains(Field.FAMILY_NAME, text), contains(Field.COLLEAGUE_DISPLAY_NAME, text))));
		}
		if (Colleague.SCIM.equals(managedBy) || Colleague.APP.equals(managedBy)) {
			all.add(new Criterion.Compare(Field.COLLEAGUE_MANAGED_BY, Criterion.Operator.EQ, managedBy, false));
		}
		if ("active".equals(status) || "deactivated".equals(status)) {
			all.add(new Criterion.Compare(Field.ACTIVE, Criterion.Operator.EQ, "active".equals(status), false));
		}
		if (team != null) {
			all.add(new Criterion.Any(Field.TEAMS,
					new Criterion.Compare(Field.MEMBERSHIP_TEAM, Criterion.Operator.EQ, team, false)));
		}
		return all.isEmpty() ? Criterion.ALL : new Criterion.And(all);
	}

	private static Criterion contains(Field field, String text) {
		return new Criterion.Compare(field, Criterion.Operator.CONTAINS, text, true);
	}

}
