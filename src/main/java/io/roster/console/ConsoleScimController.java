package io.roster.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.roster.directory.CompanySettings;
import io.roster.directory.DirectoryException;
import io.roster.directory.Role;
import io.roster.system.RosterProperties;
import io.roster.tenant.ConnectionState;
import io.roster.tenant.ScimConnection;
import io.roster.tenant.ScimConnections;
import io.roster.tenant.ScimToken;
import io.roster.tenant.ScimTokens;

/**
 * Company > SCIM: the company's SCIM connections and their state, the SCIM base URL, the
 * bearer tokens, and the directory settings that provisioning applies. A new token's
 * secret is shown once, in the response to the post that created it, and never stored.
 * Rotating a token issues a new one on the same connection while the old one keeps
 * working until it is revoked, so the identity provider can switch without downtime.
 */
@Controller
@RequestMapping(ConsoleSecurity.CONSOLE + "/scim")
class ConsoleScimController implements CompanyPage {

	private static final int MAX_LABEL_LENGTH = 200;

	private final ScimConnections connections;

	private final ScimTokens tokens;

	private final CompanySettings settings;

	private final RosterProperties properties;

	ConsoleScimController(ScimConnections connections, ScimTokens tokens, CompanySettings settings,
			RosterProperties properties) {
		this.connections = connections;
		this.tokens = tokens;
		this.settings = settings;
		this.properties = properties;
	}

	/**
	 * A token with the identity provider of its connection and its state.
	 *
	 * @param lastDay the last UTC day on which the token works, as yyyy-MM-dd, or empty
	 */
	record TokenRow(ScimToken token, String provider, String state, String lastDay) {
	}

	@GetMapping
	String page(@ModelAttribute("admin") SignedInAdmin admin, Model model) {
		List<ScimConnection> connections = this.connections.list(admin.companyId());
		Map<UUID, ScimConnection> byId = connections.stream()
			.collect(Collectors.toMap(ScimConnection::id, Function.identity()));
		Instant now = Instant.now();
		model.addAttribute("connections", connections);
		model.addAttribute("tokens",
				this.tokens.list(admin.companyId())
					.stream()
					.map((token) -> new TokenRow(token, provider(byId.get(token.connectionId())), state(token, now),
							lastDay(token)))
					.toList());
		model.addAttribute("baseUrl", baseUrl());
		model.addAttribute("roles", Role.values());
		return "console/scim";
	}

	/**
	 * Issues a token on the company's connection that is not disabled, and shows its
	 * secret once. Without such a connection nothing is issued.
	 */
	@PostMapping("/tokens")
	String create(@ModelAttribute("admin") SignedInAdmin admin, @RequestParam(defaultValue = "") String label,
			@RequestParam(required = false) @Nullable String expires, Model model, HttpServletResponse response) {
		if (!admin.company().canUseScim()) {
			return rejected(admin, "SCIM needs the enterprise plan, and this company is on the "
					+ admin.company().plan().code() + " plan", model, response);
		}
		try {
			String name = checkedLabel(label);
			Instant expiresAt = expiry(expires);
			ScimConnection connection = this.connections.list(admin.companyId())
				.stream()
				.filter((candidate) -> !candidate.isDisabled())
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("The company has no SCIM connection that is not"
						+ " disabled; support enables SCIM for a company, or enable a disabled connection here"));
			return issued(admin, this.tokens.issue(connection, name, expiresAt), name, model);
		}
		catch (IllegalArgumentException ex) {
			return rejected(admin, ex.getMessage(), model, response);
		}
	}

	/**
	 * Issues a new token on the old one's connection, with its label and expiry; the old
	 * token stays valid until it is revoked.
	 */
	@PostMapping("/tokens/{id}/rotate")
	String rotate(@ModelAttribute("admin") SignedInAdmin admin, @PathVariable UUID id, Model model,
			HttpServletResponse response) {
		ScimToken old = token(admin, id);
		if (!old.isValidAt(Instant.now())) {
			return rejected(admin, "Token '" + old.label() + "' is revoked or expired; create a new token instead",
					model, response);
		}
		ScimConnection connection = this.connections.find(admin.companyId(), old.connectionId())
			.orElseThrow(() -> notFound("SCIM connection", old.connectionId()));
		String secret = this.tokens.issue(connection, old.label(), old.expiresAt());
		return issued(admin, secret, old.label(), model);
	}

	@PostMapping("/tokens/{id}/revoke")
	String revoke(@ModelAttribute("admin") SignedInAdmin admin, @PathVariable UUID id, RedirectAttributes redirect) {
		ScimToken token = token(admin, id);
		this.tokens.revoke(admin.companyId(), id);
		redirect.addFlashAttribute("notice", "Revoked token '" + token.label() + "'; it now gets 401.");
		return "redirect:/console/scim";
	}

	/** Sets a token's expiry to the end of a UTC day; an empty day means never. */
	@PostMapping("/tokens/{id}/expiry")
	String expire(@ModelAttribute("admin") SignedInAdmin admin, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable String expires, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		ScimToken token = token(admin, id);
		try {
			Instant expiresAt = expiry(expires);
			if (!this.tokens.changeExpiry(admin.companyId(), id, expiresAt)) {
				return rejected(admin, "Token '" + token.label() + "' is revoked and keeps no expiry", model, response);
			}
			redirect.addFlashAttribute("notice", "Token '" + token.label() + "' now expires "
					+ ((expiresAt != null) ? "at the end of " + expires.trim() + " (UTC)" : "never") + ".");
			return "redirect:/console/scim";
		}
		catch (IllegalArgumentException ex) {
			return rejected(admin, ex.getMessage(), model, response);
		}
	}

	@PostMapping("/connections/{id}/disable")
	String disable(@ModelAttribute("admin") SignedInAdmin admin, @PathVariable UUID id, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return changeState(admin, id, ConnectionState.DISABLED, model, redirect, response);
	}

	@PostMapping("/connections/{id}/enable")
	String enable(@ModelAttribute("admin") SignedInAdmin admin, @PathVariable UUID id, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return changeState(admin, id, ConnectionState.LIVE, model, redirect, response);
	}

	@PostMapping("/settings")
	String changeSettings(@ModelAttribute("admin") SignedInAdmin admin,
			@RequestParam(required = false) @Nullable String defaultRole,
			@RequestParam(required = false) @Nullable String matchingPolicy, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			this.settings.change(admin.actor(), admin.company(), defaultRole, matchingPolicy);
			redirect.addFlashAttribute("notice", "Saved the provisioning settings.");
			return "redirect:/console/scim";
		}
		catch (DirectoryException ex) {
			return rejected(admin, ex.getMessage(), model, response);
		}
	}

	private String changeState(SignedInAdmin admin, UUID id, ConnectionState state, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		ScimConnection current = this.connections.find(admin.companyId(), id)
			.orElseThrow(() -> notFound("SCIM connection", id));
		if (current.state() == state || (state == ConnectionState.LIVE && !current.isDisabled())) {
			return "redirect:/console/scim";
		}
		try {
			this.connections.changeState(admin.companyId(), id, state);
		}
		catch (IllegalStateException ex) {
			return rejected(admin, "The company has another SCIM connection that is not disabled; disable it before"
					+ " enabling this one", model, response);
		}
		redirect.addFlashAttribute("notice",
				"The " + current.provider().displayName() + " connection is now " + state.code() + ".");
		return "redirect:/console/scim";
	}

	private String issued(SignedInAdmin admin, String secret, String label, Model model) {
		model.addAttribute("secret", secret);
		model.addAttribute("notice", "Created token '" + label
				+ "'. Copy its secret now: Roster stores only a hash and cannot show it again.");
		return page(admin, model);
	}

	private String rejected(SignedInAdmin admin, String message, Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("error", message);
		return page(admin, model);
	}

	private ScimToken token(SignedInAdmin admin, UUID id) {
		return this.tokens.list(admin.companyId())
			.stream()
			.filter((token) -> token.id().equals(id))
			.findFirst()
			.orElseThrow(() -> notFound("SCIM token", id));
	}

	private String baseUrl() {
		String base = this.properties.publicBaseUrl();
		if (!StringUtils.hasText(base)) {
			base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
		}
		return base.replaceAll("/+$", "") + "/scim/v2";
	}

	private static DirectoryException notFound(String what, UUID id) {
		return new DirectoryException(DirectoryException.Reason.NOT_FOUND, "id", what + " " + id + " not found");
	}

	private static String provider(@Nullable ScimConnection connection) {
		return (connection != null) ? connection.provider().displayName() : "the identity provider";
	}

	private static String state(ScimToken token, Instant now) {
		if (token.revokedAt() != null) {
			return "revoked";
		}
		return token.isValidAt(now) ? "valid" : "expired";
	}

	private static String lastDay(ScimToken token) {
		Instant expiresAt = token.expiresAt();
		return (expiresAt != null) ? LocalDate.ofInstant(expiresAt.minusSeconds(1), ZoneOffset.UTC).toString() : "";
	}

	private static String checkedLabel(String label) {
		String trimmed = label.trim();
		if (trimmed.isEmpty() || trimmed.length() > MAX_LABEL_LENGTH) {
			throw new IllegalArgumentException("A token's label must have 1 to " + MAX_LABEL_LENGTH + " characters");
		}
		return trimmed;
	}

	/** Reads a UTC day as the instant its end; empty is no expiry. */
	private static @Nullable Instant expiry(@Nullable String day) {
		if (day == null || day.isBlank()) {
			return null;
		}
		try {
			Instant end = LocalDate.parse(day.trim()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
			if (!end.isAfter(Instant.now())) {
				throw new IllegalArgumentException("The expiry day " + day.trim() + " has passed; choose a later day");
			}
			return end;
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(
					"The expiry must be a date such as 2026-01-31, not '" + day.trim() + "'");
		}
	}

}
