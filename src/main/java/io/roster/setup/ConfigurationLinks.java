package io.roster.setup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.roster.system.LogText;
import io.roster.system.Mailer;
import io.roster.tenant.Company;
import io.roster.tenant.CompanyStore;
import io.roster.tenant.ConnectionState;
import io.roster.tenant.ScimConnection;
import io.roster.tenant.ScimConnections;
import io.roster.tenant.ScimTokens;

/**
 * Sends, redeems and revokes configuration links. A link carries 256 random bits; only
 * the SHA-256 hash of its secret is stored, found through a unique index and compared
 * again in constant time, as SCIM tokens are. A link is single-use, expires after
 * {@code roster.support.link-validity} (7 days by default), and sending a new link to a
 * company revokes the company's links that are still open.
 */
@Service
public class ConfigurationLinks {

	/** Path of a link, followed by its secret. */
	public static final String PATH = "/setup/link/";

	/** Prefix that makes a link's secret recognisable to secret scanners. */
	static final String PREFIX = "rcl_";

	private static final int SECRET_BYTES = 32;

	/** A secret as issued: the prefix and 32 bytes in unpadded base64url. */
	private static final Pattern SECRET = Pattern.compile("rcl_[A-Za-z0-9_-]{43}");

	/**
	 * A plain address: no display name, no spaces, one {@code @} with text on both sides.
	 */
	private static final Pattern EMAIL = Pattern.compile("[^@\\s<>()\",;]+@[^@\\s<>()\",;]+\\.[^@\\s<>()\",;]+");

	private static final int MAX_EMAIL_LENGTH = 320;

	/** How mails and pages show a link's expiry. */
	static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final Logger logger = LoggerFactory.getLogger(ConfigurationLinks.class);

	private final SecureRandom random = new SecureRandom();

	private final ConfigurationLinkStore store;

	private final CompanyStore companies;

	private final ScimConnections connections;

	private final Mailer mailer;

	private final SupportSettings settings;

	private final Clock clock;

	ConfigurationLinks(ConfigurationLinkStore store, CompanyStore companies, ScimConnections connections, Mailer mailer,
			SupportSettings settings, Clock clock) {
		this.store = store;
		this.companies = companies;
		this.connections = connections;
		this.mailer = mailer;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Creates a link to the setup wizard of the company's connection in setup and emails
	 * it to the directory admin. The company's earlier links that are still open are
	 * revoked. When the mail cannot be sent, nothing changes.
	 * @param baseUrl absolute URL the link starts with, such as
	 * {@code https://roster.example.com}
	 * @param operator the support operator who sends it
	 * @throws SetupException when the company has no connection in setup, the address is
	 * invalid or the mail cannot be sent
	 */
	@Transactional
	public ConfigurationLink send(UUID companyId, String recipient, String baseUrl, String operator) {
		Company company = this.companies.find(companyId)
			.orElseThrow(() -> new SetupException("No company has the id " + companyId + "."));
		String email = recipient.trim();
		if (email.isEmpty()) {
			throw new SetupException("Enter the email address of the company's directory admin.");
		}
		if (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches()) {
			throw new SetupException("'" + email + "' is not a valid email address; enter one such as it@"
					+ "example.com, without a name or brackets.");
		}
		ScimConnection connection = this.connections.findOpen(companyId)
			.filter((open) -> open.state() == ConnectionState.SETUP)
			.orElseThrow(() -> new SetupException(
					company.name() + " has no SCIM connection in setup; enable SCIM" + " for it first."));
		Instant now = now();
		this.store.revokeOpen(companyId, now, operator);
		String secret = newSecret();
		ConfigurationLink link = new ConfigurationLink(companyId, UUID.randomUUID(), connection.id(),
				ScimTokens.hash(secret), email, operator, now, now.plus(this.settings.linkValidity()), null, null,
				null);
		this.store.insert(link);
		String url = baseUrl.replaceAll("/+$", "") + PATH + secret;
		try {
			this.mailer.send(email, "Connect " + oneLine(company.name()) + " to Roster with SCIM",
					body(company, url, link.expiresAt()));
		}
		catch (MailException ex) {
			logger.warn("Could not send the configuration link of company {} to {}", companyId, LogText.sanitize(email),
					LogText.sanitize(ex));
			throw new SetupException(
					"The email to " + email + " could not be sent, so no link was created: " + ex.getMessage(), ex);
		}
		logger.info("Operator {} sent configuration link {} of company {} to {}", LogText.sanitize(operator), link.id(),
				companyId, LogText.sanitize(email));
		return link;
	}

	/**
	 * Returns the link a secret belongs to, without using it, or empty for a secret that
	 * no link has.
	 */
	@Transactional(readOnly = true)
	public Optional<ConfigurationLink> find(String secret) {
		if (!SECRET.matcher(secret).matches()) {
			return Optional.empty();
		}
		String hash = ScimTokens.hash(secret);
		return this.store.findByHash(hash)
			.filter((link) -> MessageDigest.isEqual(link.secretHash().getBytes(StandardCharsets.US_ASCII),
					hash.getBytes(StandardCharsets.US_ASCII)));
	}

	/**
	 * Uses a pending link. Of two concurrent calls, only one succeeds.
	 * @return the link, now used
	 * @throws LinkRejectedException when no link has the secret, or the link is used,
	 * expired or revoked, or its connection is no longer in setup
	 */
	@Transactional
	public ConfigurationLink redeem(String secret) {
		ConfigurationLink link = find(secret).orElseThrow(() -> new LinkRejectedException(null));
		Instant now = now();
		LinkState state = link.stateAt(now);
		if (state != LinkState.PENDING) {
			throw new LinkRejectedException(state);
		}
		boolean inSetup = this.connections.find(link.companyId(), link.connectionId())
			.filter((connection) -> connection.state() == ConnectionState.SETUP)
			.isPresent();
		if (!inSetup) {
			throw new LinkRejectedException(LinkState.REVOKED);
		}
		if (!this.store.markUsed(link.companyId(), link.id(), now)) {
			throw new LinkRejectedException(LinkState.USED);
		}
		logger.info("Configuration link {} of company {} was used", link.id(), link.companyId());
		return this.store.find(link.companyId(), link.id()).orElseThrow();
	}

	/**
	 * Revokes a link that is neither used nor revoked.
	 * @throws SetupException when the company has no such link, or it is used or revoked
	 */
	@Transactional
	public void revoke(UUID companyId, UUID linkId, String operator) {
		ConfigurationLink link = this.store.find(companyId, linkId)
			.orElseThrow(() -> new SetupException("The company has no configuration link " + linkId + "."));
		if (!this.store.revoke(companyId, linkId, now(), operator)) {
			throw new SetupException("The link sent to " + link.recipient() + " is " + link.stateAt(now()).code()
					+ " already, so it cannot be revoked.");
		}
		logger.info("Operator {} revoked configuration link {} of company {}", LogText.sanitize(operator), linkId,
				companyId);
	}

	/** Returns the company's newest links, newest first. */
	@Transactional(readOnly = true)
	public List<ConfigurationLink> list(UUID companyId, int limit) {
		return this.store.list(companyId, limit);
	}

	/**
	 * Returns how long links stay usable, in words, such as {@code 7 days} or
	 * {@code 12 hours}.
	 */
	public String validity() {
		long hours = this.settings.linkValidity().toHours();
		if (hours % 24 == 0) {
			return (hours / 24) + ((hours == 24) ? " day" : " days");
		}
		return hours + ((hours == 1) ? " hour" : " hours");
	}

	public Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private String newSecret() {
		byte[] bytes = new byte[SECRET_BYTES];
		this.random.nextBytes(bytes);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private String body(Company company, String url, Instant expiresAt) {
		return """
				Hello,

				Roster support has turned on SCIM provisioning for %s. Open this link to connect \
				your identity provider to Roster:

				%s

				The link works once, in one browser, and expires on %s. It opens a short wizard \
				that shows the SCIM base URL, a token, and the steps and attribute mapping for \
				your identity provider.

				If you did not expect this email, ignore it or write to %s.
				""".formatted(oneLine(company.name()), url, EXPIRY.format(expiresAt), this.settings.email());
	}

	/** Returns text with control characters, line breaks included, replaced by spaces. */
	static String oneLine(String text) {
		return text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", " ");
	}

}
