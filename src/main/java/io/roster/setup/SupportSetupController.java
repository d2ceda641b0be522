package io.roster.setup;

import java.security.Principal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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

import io.roster.tenant.Company;
import io.roster.tenant.Plan;

/**
 * The support console's pages for companies and their SCIM setup: the company list, a
 * company's plan, SCIM connection and configuration links, and the notifications the
 * setup wizard leaves. The console's security lets only operators in.
 */
@Controller
@RequestMapping("/support")
class SupportSetupController {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneOffset.UTC);

	/** Links listed on a company's page. */
	private static final int LINKS_SHOWN = 20;

	/** Notifications listed on the companies page. */
	private static final int NOTIFICATIONS_SHOWN = 10;

	private final SupportCompanies companies;

	private final ConfigurationLinks links;

	private final SetupWizard wizard;

	private final SetupUrls urls;

	SupportSetupController(SupportCompanies companies, ConfigurationLinks links, SetupWizard wizard, SetupUrls urls) {
		this.companies = companies;
		this.links = links;
		this.wizard = wizard;
		this.urls = urls;
	}

	@GetMapping("/companies")
	String companies(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
			Model model) {
		model.addAttribute("q", q);
		try {
			model.addAttribute("result", this.companies.search(q, page));
		}
		catch (SetupException ex) {
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("result", this.companies.search("", 0));
		}
		model.addAttribute("notifications", notificationRows(NOTIFICATIONS_SHOWN));
		return "support/companies";
	}

	@GetMapping("/notifications")
	String notifications(Model model) {
		model.addAttribute("notifications", notificationRows(100));
		return "support/notifications";
	}

	@GetMapping("/companies/{companyId}")
	String company(@PathVariable UUID companyId, Model model) {
		Company company = this.companies.company(companyId);
		Instant now = this.links.now();
		List<LinkRow> rows = this.links.list(companyId, LINKS_SHOWN)
			.stream()
			.map((link) -> new LinkRow(link, link.stateAt(now).code(), utc(link.createdAt()), utc(link.expiresAt())))
			.toList();
		model.addAttribute("company", company);
		model.addAttribute("connection", this.companies.openConnection(companyId).orElse(null));
		model.addAttribute("plans", List.of(Plan.values()).stream().map(Plan::code).toList());
		model.addAttribute("links", rows);
		model.addAttribute("linkValidity", this.links.validity());
		return "support/company";
	}

	@PostMapping("/companies/{companyId}/plan")
	String changePlan(@PathVariable UUID companyId, @RequestParam(defaultValue = "") String plan, Principal operator,
			RedirectAttributes redirect) {
		return act(companyId, redirect, () -> {
			Company company = this.companies.changePlan(companyId, plan, operator.getName());
			return company.name() + " is now on the " + company.plan().code() + " plan.";
		});
	}

	@PostMapping("/companies/{companyId}/scim")
	String enableScim(@PathVariable UUID companyId, Principal operator, RedirectAttributes redirect) {
		return act(companyId, redirect, () -> {
			this.companies.enableScim(companyId, operator.getName());
			return "SCIM is enabled and its connection is in setup. Send the configuration link to the company's"
					+ " directory admin.";
		});
	}

	@PostMapping("/companies/{companyId}/links")
	String sendLink(@PathVariable UUID companyId, @RequestParam(defaultValue = "") String email, Principal operator,
			HttpServletRequest request, RedirectAttributes redirect) {
		return act(companyId, redirect, () -> {
			ConfigurationLink link = this.links.send(companyId, email, this.urls.linkBase(request), operator.getName());
			return "Sent a configuration link to " + link.recipient() + "; it expires on "
					+ ConfigurationLinks.EXPIRY.format(link.expiresAt()) + ".";
		});
	}

	@PostMapping("/companies/{companyId}/links/{linkId}/revoke")
	String revokeLink(@PathVariable UUID companyId, @PathVariable UUID linkId, Principal operator,
			RedirectAttributes redirect) {
		return act(companyId, redirect, () -> {
			this.links.revoke(companyId, linkId, operator.getName());
			return "The link is revoked. Send a new one if the directory admin still needs it.";
		});
	}

	/** Shows a page about a company that does not exist. */
	@ExceptionHandler(SetupException.class)
	String problem(SetupException ex, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		model.addAttribute("error", ex.getMessage());
		return "support/problem";
	}

	/**
	 * Runs a change and shows its notice, or the message that rejected it, on the
	 * company's page.
	 */
	private static String act(UUID companyId, RedirectAttributes redirect, Supplier<String> change) {
		try {
			redirect.addFlashAttribute("notice", change.get());
		}
		catch (SetupException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		return companyPage(companyId);
	}

	static String companyPage(UUID companyId) {
		return "redirect:/support/companies/" + companyId;
	}

	private List<NotificationRow> notificationRows(int limit) {
		return this.wizard.notifications(limit)
			.stream()
			.map((notification) -> new NotificationRow(notification, utc(notification.createdAt())))
			.toList();
	}

	private static String utc(Instant instant) {
		return TIME.format(instant);
	}

	/** A link with its state now and its times in UTC, for the company page. */
	record LinkRow(ConfigurationLink link, String state, String sent, String expires) {
	}

	/** A notification with its time in UTC. */
	record NotificationRow(SetupNotification notification, String time) {
	}

}
