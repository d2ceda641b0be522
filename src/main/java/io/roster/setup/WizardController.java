package io.roster.setup;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import io.roster.activity.ActivityEntry;
import io.roster.directory.DirectoryException;
import io.roster.directory.Role;
import io.roster.tenant.Company;
import io.roster.tenant.MatchingPolicy;

/**
 * The setup wizard behind a configuration link. It needs no sign-in: opening the link
 * shows a start page, and starting the setup redeems the link once and binds the wizard
 * to that browser session, under a new session id. Every form carries a CSRF token.
 */
@Controller
@RequestMapping("/setup")
class WizardController {

	private final ConfigurationLinks links;

	private final SetupWizard wizard;

	private final SetupUrls urls;

	private final SupportSettings settings;

	WizardController(ConfigurationLinks links, SetupWizard wizard, SetupUrls urls, SupportSettings settings) {
		this.links = links;
		this.wizard = wizard;
		this.urls = urls;
		this.settings = settings;
	}

	/**
	 * Allows the wizard's own script, style sheet and polling in place of the policy that
	 * allows nothing, which every response gets first.
	 */
	@ModelAttribute
	void contentSecurityPolicy(HttpServletResponse response) {
		response.setHeader("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self';"
				+ " connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
	}

	/** Shows the start page of a pending link, without using the link. */
	@GetMapping("/link/{secret}")
	String open(@PathVariable String secret, HttpSession session, Model model, HttpServletResponse response) {
		ConfigurationLink link = this.links.find(secret).orElse(null);
		if (link == null) {
			return rejected(null, model, response);
		}
		WizardSession current = (WizardSession) session.getAttribute(WizardSession.ATTRIBUTE);
		if (current != null && current.linkId().equals(link.id())) {
			return "redirect:/setup/provider";
		}
		LinkState state = link.stateAt(this.links.now());
		if (state != LinkState.PENDING) {
			return rejected(state, model, response);
		}
		model.addAttribute("company", this.wizard.company(sessionOf(link)));
		model.addAttribute("link", link);
		model.addAttribute("secret", secret);
		model.addAttribute("timeoutHours", this.settings.wizardTimeout().toHours());
		return "setup/start";
	}

	/**
	 * Redeems the link and binds the wizard to this browser session, which then lasts
	 * {@code roster.support.wizard-timeout} without requests.
	 */
	@PostMapping("/link/{secret}")
	String redeem(@PathVariable String secret, HttpServletRequest request, Model model, HttpServletResponse response) {
		ConfigurationLink link;
		try {
			link = this.links.redeem(secret);
		}
		catch (LinkRejectedException ex) {
			return rejected(ex.state(), model, response);
		}
		request.getSession();
		request.changeSessionId();
		HttpSession session = request.getSession();
		session.setMaxInactiveInterval((int) this.settings.wizardTimeout().toSeconds());
		session.setAttribute(WizardSession.ATTRIBUTE, sessionOf(link));
		return "redirect:/setup/provider";
	}

	@GetMapping("/provider")
	String provider(HttpSession session, Model model) {
		WizardSession wizardSession = require(session);
		model.addAttribute("connection", this.wizard.connection(wizardSession));
		return providerPage(wizardSession, model, null);
	}

	/** Records the chosen provider, issues a token and shows it once. */
	@PostMapping("/provider")
	String chooseProvider(@RequestParam(defaultValue = "") String provider, HttpSession session, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		WizardSession wizardSession = require(session);
		ProviderGuide guide = ProviderGuides.find(provider).orElse(null);
		if (guide == null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("connection", this.wizard.connection(wizardSession));
			return providerPage(wizardSession, model, "Choose one of the identity providers listed.");
		}
		String token = this.wizard.chooseProvider(wizardSession, guide);
		return tokenPage(wizardSession, model, request, token);
	}

	@GetMapping("/token")
	String token(HttpSession session, Model model, HttpServletRequest request) {
		return tokenPage(require(session), model, request, null);
	}

	/** Issues another token and shows it once. */
	@PostMapping("/token")
	String newToken(HttpSession session, Model model, HttpServletRequest request) {
		WizardSession wizardSession = require(session);
		return tokenPage(wizardSession, model, request, this.wizard.issueToken(wizardSession));
	}

	@GetMapping("/steps")
	String steps(HttpSession session, Model model, HttpServletRequest request) {
		WizardSession wizardSession = require(session);
		common(wizardSession, model);
		model.addAttribute("guide", ProviderGuides.of(this.wizard.connection(wizardSession).provider()));
		model.addAttribute("scimBaseUrl", this.urls.scimBase(request));
		return "setup/steps";
	}

	@GetMapping("/settings")
	String settings(HttpSession session, Model model) {
		WizardSession wizardSession = require(session);
		Company company = this.wizard.company(wizardSession);
		return settingsPage(wizardSession, model, company.defaultRole(), company.matchingPolicy(), null);
	}

	@PostMapping("/settings")
	String saveSettings(@RequestParam(defaultValue = "") String defaultRole,
			@RequestParam(defaultValue = "") String matchingPolicy, HttpSession session, Model model,
			HttpServletResponse response) {
		WizardSession wizardSession = require(session);
		try {
			this.wizard.changeSettings(wizardSession, defaultRole, matchingPolicy);
		}
		catch (DirectoryException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return settingsPage(wizardSession, model, defaultRole, matchingPolicy, ex.getMessage());
		}
		return "redirect:/setup/check";
	}

	@GetMapping("/check")
	String check(HttpSession session, Model model) {
		WizardSession wizardSession = require(session);
		common(wizardSession, model);
		model.addAttribute("requests",
				this.wizard.firstRequests(wizardSession).stream().map(CheckedRequest::of).toList());
		model.addAttribute("limit", SetupWizard.CHECKED_REQUESTS);
		return "setup/check";
	}

	/** Returns the connection's first SCIM requests, for the live check's polling. */
	@GetMapping(path = "/check/requests", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	List<CheckedRequest> checkedRequests(HttpSession session) {
		WizardSession wizardSession = require(session);
		this.wizard.connection(wizardSession);
		return this.wizard.firstRequests(wizardSession).stream().map(CheckedRequest::of).toList();
	}

	/** Tells support once that the setup is done, then shows the last page. */
	@PostMapping("/done")
	String done(HttpSession session, Model model) {
		WizardSession wizardSession = require(session);
		if (!wizardSession.done()) {
			this.wizard.finish(wizardSession);
			session.setAttribute(WizardSession.ATTRIBUTE, wizardSession.finished());
		}
		common(wizardSession, model);
		return "setup/done";
	}

	@ExceptionHandler(NoWizardSessionException.class)
	String noSession(Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.FORBIDDEN.value());
		model.addAttribute("title", "Open your configuration link");
		model.addAttribute("message", "This page belongs to the SCIM setup wizard. Open the configuration link from"
				+ " the email that Roster support sent you to start it; the wizard then works in that browser.");
		return "setup/message";
	}

	@ExceptionHandler(SetupException.class)
	String setupProblem(SetupException ex, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.CONFLICT.value());
		model.addAttribute("title", "This step cannot be done");
		model.addAttribute("message", ex.getMessage());
		return "setup/message";
	}

	private String providerPage(WizardSession session, Model model, @Nullable String error) {
		common(session, model);
		model.addAttribute("guides", ProviderGuides.all());
		model.addAttribute("hrNote", ProviderGuides.HR_SYSTEMS_NOTE);
		model.addAttribute("error", error);
		return "setup/provider";
	}

	private String tokenPage(WizardSession session, Model model, HttpServletRequest request, @Nullable String token) {
		common(session, model);
		model.addAttribute("guide", ProviderGuides.of(this.wizard.connection(session).provider()));
		model.addAttribute("scimBaseUrl", this.urls.scimBase(request));
		model.addAttribute("token", token);
		return "setup/token";
	}

	private String settingsPage(WizardSession session, Model model, String defaultRole, String matchingPolicy,
			@Nullable String error) {
		common(session, model);
		this.wizard.connection(session);
		model.addAttribute("roles", Arrays.stream(Role.values()).map(Role::code).toList());
		model.addAttribute("policies", Arrays.stream(MatchingPolicy.values()).map(MatchingPolicy::code).toList());
		model.addAttribute("defaultRole", defaultRole);
		model.addAttribute("matchingPolicy", matchingPolicy);
		model.addAttribute("error", error);
		return "setup/settings";
	}

	private void common(WizardSession session, Model model) {
		model.addAttribute("company", this.wizard.company(session));
		model.addAttribute("done", session.done());
	}

	private String rejected(@Nullable LinkState state, Model model, HttpServletResponse response) {
		Map.Entry<String, String> text = switch ((state != null) ? state : LinkState.PENDING) {
			case USED -> Map.entry("This link has been used",
					"A configuration link works once, and this one has already started a setup in another browser"
							+ " session. Ask Roster support to send you a new link if you need to start again.");
			case EXPIRED -> Map.entry("This link has expired", "Configuration links work for " + this.links.validity()
					+ ". Ask Roster support to send you a new one.");
			case REVOKED -> Map.entry("This link is no longer valid",
					"Roster support revoked this link or changed the SCIM connection it belongs to. Use the newest"
							+ " link you received, or ask support for a new one.");
			case PENDING -> Map.entry("This link is not valid",
					"No configuration link matches this address. Check that you opened the whole link from the"
							+ " email, or ask Roster support for a new one.");
		};
		response.setStatus((state != null) ? HttpStatus.GONE.value() : HttpStatus.NOT_FOUND.value());
		model.addAttribute("title", text.getKey());
		model.addAttribute("message", text.getValue());
		return "setup/message";
	}

	private static WizardSession require(HttpSession session) {
		WizardSession wizardSession = (WizardSession) session.getAttribute(WizardSession.ATTRIBUTE);
		if (wizardSession == null) {
			throw new NoWizardSessionException();
		}
		return wizardSession;
	}

	private static WizardSession sessionOf(ConfigurationLink link) {
		return new WizardSession(link.companyId(), link.connectionId(), link.id(), link.recipient(), false);
	}

	/** A wizard page requested by a browser session that redeemed no link. */
	static class NoWizardSessionException extends RuntimeException {

		NoWizardSessionException() {
			super("No configuration link was redeemed in this session");
		}

	}

	/**
	 * One SCIM request in the live connection check.
	 *
	 * @param outcome {@code success} or {@code failure}
	 * @param error the SCIM error detail of a failed request
	 */
	record CheckedRequest(String time, String method, String resource, @Nullable String resourceId, int status,
			String outcome, @Nullable String error) {

		static CheckedRequest of(ActivityEntry entry) {
			return new CheckedRequest(entry.occurredAt().toString(), entry.method(), entry.resourceType(),
					entry.resourceId(), entry.status(), entry.outcome(), entry.errorDetail());
		}

	}

}
