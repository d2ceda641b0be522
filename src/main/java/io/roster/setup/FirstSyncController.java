package io.roster.setup;

import java.security.Principal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import io.roster.directory.PlanPage;
import io.roster.directory.PlanSection;
import io.roster.sync.FirstSync;
import io.roster.sync.FirstSyncException;
import io.roster.tenant.Actor;
import io.roster.tenant.Company;
import io.roster.tenant.OperatorAccounts;

/**
 * The support console's page of a first sync: the plan's sections, each read in pages,
 * the choice to keep or deactivate each app-managed colleague the identity provider did
 * not send, and "Finish sync". The choices are kept in the operator's session until the
 * sync is finished, so that they survive paging through a long section.
 */
@Controller
@RequestMapping("/support/companies/{companyId}/first-sync")
class FirstSyncController {

	/** Entries per page of a plan section. */
	static final int PAGE_SIZE = 50;

	private static final Map<PlanSection, String> LABELS = Map.of(PlanSection.CREATE, "Colleagues to create",
			PlanSection.LINK, "Colleagues to link", PlanSection.TEAMS_CREATE, "Teams to create",
			PlanSection.TEAMS_TAKE_OVER, "Teams to take over", PlanSection.ERRORS, "Errors", PlanSection.UNSENT,
			"App-managed colleagues not sent");

	private static final String CHOICES = FirstSyncController.class.getName() + ".deactivate.";

	private final FirstSync firstSync;

	private final SupportCompanies companies;

	private final OperatorAccounts operators;

	FirstSyncController(FirstSync firstSync, SupportCompanies companies, OperatorAccounts operators) {
		this.firstSync = firstSync;
		this.companies = companies;
		this.operators = operators;
	}

	@GetMapping
	String plan(@PathVariable UUID companyId, @RequestParam(defaultValue = "create") String section,
			@RequestParam(required = false) @Nullable String cursor, HttpSession session, Model model) {
		Company company = this.companies.company(companyId);
		PlanSection shown = section(section);
		Map<PlanSection, Long> counts = this.firstSync.counts(companyId);
		PlanPage page = this.firstSync.plan(companyId, shown, cursor, PAGE_SIZE);
		List<Tab> tabs = Arrays.stream(PlanSection.values())
			.map((candidate) -> new Tab(code(candidate), LABELS.get(candidate), counts.getOrDefault(candidate, 0L),
					candidate == shown))
			.toList();
		model.addAttribute("company", company);
		model.addAttribute("tabs", tabs);
		model.addAttribute("current", tabs.get(shown.ordinal()));
		model.addAttribute("page", page);
		model.addAttribute("cursor", cursor);
		model.addAttribute("unsent", shown == PlanSection.UNSENT);
		model.addAttribute("errorsShown", shown == PlanSection.ERRORS);
		model.addAttribute("deactivate", choices(session, companyId));
		model.addAttribute("errors", counts.getOrDefault(PlanSection.ERRORS, 0L));
		return "support/first-sync";
	}

	/** Records keep or deactivate for the unsent colleagues of one page. */
	@PostMapping("/choices")
	String choose(@PathVariable UUID companyId, @RequestParam Map<String, String> form,
			@RequestParam(required = false) @Nullable String cursor, HttpSession session, RedirectAttributes redirect) {
		Set<UUID> deactivate = choices(session, companyId);
		int changed = 0;
		for (Map.Entry<String, String> field : form.entrySet()) {
			if (!field.getKey().startsWith("choice-")) {
				continue;
			}
			UUID id = uuid(field.getKey().substring("choice-".length()));
			if (id == null) {
				continue;
			}
			if ("deactivate".equals(field.getValue())) {
				deactivate.add(id);
			}
			else {
				deactivate.remove(id);
			}
			changed++;
		}
		session.setAttribute(CHOICES + companyId, deactivate);
		redirect.addFlashAttribute("notice", "Saved the choices for " + changed + " colleagues; " + deactivate.size()
				+ " will be deactivated when the sync is finished.");
		return "redirect:" + UriComponentsBuilder.fromPath("/support/companies/{id}/first-sync")
			.queryParam("section", "unsent")
			.queryParamIfPresent("cursor", java.util.Optional.ofNullable(cursor))
			.buildAndExpand(companyId)
			.encode()
			.toUriString();
	}

	/** Finishes the sync with the saved choices, and shows what it did. */
	@PostMapping("/finish")
	String finish(@PathVariable UUID companyId, @RequestParam(defaultValue = "false") boolean skipErrors,
			Principal principal, HttpSession session, Model model, RedirectAttributes redirect) {
		Company company = this.companies.company(companyId);
		Set<UUID> deactivate = choices(session, companyId);
		UUID operatorId = this.operators.findForSignIn(principal.getName())
			.map((found) -> found.account().id())
			.orElse(null);
		FirstSync.Finished finished;
		try {
			finished = this.firstSync.finish(companyId, deactivate, Actor.operator(operatorId, principal.getName()),
					skipErrors);
		}
		catch (FirstSyncException ex) {
			redirect.addFlashAttribute("error", "The sync was not finished, and nothing changed: " + ex.getMessage());
			return "redirect:/support/companies/" + companyId + "/first-sync";
		}
		session.removeAttribute(CHOICES + companyId);
		model.addAttribute("company", company);
		model.addAttribute("finished", finished);
		return "support/first-sync-finished";
	}

	@ExceptionHandler(FirstSyncException.class)
	String notInSetup(FirstSyncException ex, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		model.addAttribute("error", "There is no first sync to review: " + ex.getMessage());
		return "support/problem";
	}

	@ExceptionHandler({ SetupException.class, IllegalArgumentException.class })
	String problem(RuntimeException ex, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		model.addAttribute("error", ex.getMessage());
		return "support/problem";
	}

	@SuppressWarnings("unchecked")
	private static Set<UUID> choices(HttpSession session, UUID companyId) {
		Object stored = session.getAttribute(CHOICES + companyId);
		return (stored instanceof Set<?> set) ? new HashSet<>((Set<UUID>) set) : new HashSet<>();
	}

	private static PlanSection section(String code) {
		try {
			return PlanSection.valueOf(code.strip().replace('-', '_').toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new SetupException("The plan has no section '" + code + "'; use one of "
					+ Arrays.stream(PlanSection.values())
						.map(FirstSyncController::code)
						.collect(Collectors.joining(", "))
					+ ".");
		}
	}

	private static @Nullable UUID uuid(String text) {
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String code(PlanSection section) {
		return section.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * One section of the plan as the page lists it.
	 *
	 * @param code the section's value of the {@code section} parameter
	 */
	record Tab(String code, String label, long count, boolean current) {
	}

}
