package io.roster.setup;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.roster.activity.ActivityEntry;
import io.roster.activity.ActivityLog;
import io.roster.directory.CompanySettings;
import io.roster.directory.DirectoryException;
import io.roster.system.LogText;
import io.roster.system.Mailer;
import io.roster.tenant.Actor;
import io.roster.tenant.Company;
import io.roster.tenant.CompanyStore;
import io.roster.tenant.ConnectionState;
import io.roster.tenant.ScimConnection;
import io.roster.tenant.ScimConnections;
import io.roster.tenant.ScimTokens;

/**
 * The steps of the setup wizard, each for the connection of a redeemed configuration
 * link. Every step checks that the connection is still in setup, so a wizard left open
 * after support finished or disabled the connection changes nothing.
 */
@Service
public class SetupWizard {

	/** Number of requests the live connection check lists. */
	public static final int CHECKED_REQUESTS = 20;

	private static final Logger logger = LoggerFactory.getLogger(SetupWizard.class);

	private final CompanyStore companies;

	private final ScimConnections connections;

	private final ScimTokens tokens;

	private final CompanySettings settings;

	private final ActivityLog activity;

	private final SetupNotificationStore notifications;

	private final Mailer mailer;

	private final SupportSettings support;

	SetupWizard(CompanyStore companies, ScimConnections connections, ScimTokens tokens, CompanySettings settings,
			ActivityLog activity, SetupNotificationStore notifications, Mailer mailer, SupportSettings support) {
		this.companies = companies;
		this.connections = connections;
		this.tokens = tokens;
		this.settings = settings;
		this.activity = activity;
		this.notifications = notifications;
		this.mailer = mailer;
		this.support = support;
	}

	/** Returns the session's company. */
	public Company company(WizardSession session) {
		return this.companies.find(session.companyId())
			.orElseThrow(() -> new SetupException("The company of this setup no longer exists."));
	}

	/**
	 * Returns the session's connection.
	 * @throws SetupException when it is no longer in setup
	 */
	public ScimConnection connection(WizardSession session) {
		return this.connections.find(session.companyId(), session.connectionId())
			.filter((connection) -> connection.state() == ConnectionState.SETUP)
			.orElseThrow(() -> new SetupException("This SCIM connection is no longer in setup, so the wizard cannot"
					+ " change it. Ask support for a new configuration link if you need one."));
	}

	/**
	 * Records the chosen identity provider on the connection and issues a token of it.
	 * @return the token's secret, which is not stored
	 */
	@Transactional
	public String chooseProvider(WizardSession session, ProviderGuide guide) {
		ScimConnection connection = connection(session);
		this.connections.changeProvider(connection.companyId(), connection.id(), guide.provider());
		return issueToken(session);
	}

	/**
	 * Issues another token of the connection, for a directory admin who lost the one
	 * shown. Earlier tokens stay valid.
	 * @return the token's secret, which is not stored
	 */
	@Transactional
	public String issueToken(WizardSession session) {
		ScimConnection connection = connection(session);
		String secret = this.tokens.issue(connection, "Setup wizard");
		logger.info("Setup wizard of link {} issued a token of SCIM connection {} of company {}", session.linkId(),
				connection.id(), connection.companyId());
		return secret;
	}

	/**
	 * Sets the company's default role and matching policy.
	 * @throws DirectoryException for an unknown role or policy
	 */
	@Transactional
	public Company changeSettings(WizardSession session, String defaultRole, String matchingPolicy) {
		connection(session);
		Actor actor = new Actor(Actor.Type.SYSTEM, session.linkId(),
				"setup wizard of " + ConfigurationLinks.oneLine(session.recipient()));
		return this.settings.change(actor, company(session), defaultRole, matchingPolicy);
	}

	/** Returns the connection's first SCIM requests, oldest first. */
	@Transactional(readOnly = true)
	public List<ActivityEntry> firstRequests(WizardSession session) {
		return this.activity.first(session.companyId(), session.connectionId(), CHECKED_REQUESTS);
	}

	/**
	 * Tells support that the directory admin finished the wizard: emails the support
	 * address and leaves a notification in the support console. A mail that cannot be
	 * sent is logged, and the notification is kept.
	 */
	@Transactional
	public SetupNotification finish(WizardSession session) {
		ScimConnection connection = connection(session);
		Company company = company(session);
		String provider = (connection.provider() == io.roster.tenant.IdentityProvider.OTHER) ? "another SCIM 2.0 client"
				: connection.provider().displayName();
		String message = ConfigurationLinks.oneLine(company.name()) + " finished SCIM setup with " + provider;
		SetupNotification notification = new SetupNotification(company.id(), UUID.randomUUID(), connection.id(),
				connection.provider(), message, Instant.now().truncatedTo(ChronoUnit.MILLIS));
		this.notifications.insert(notification);
		int requests = firstRequests(session).size();
		String body = """
				%s.

				Company: %s (%s)
				Directory admin: %s
				SCIM requests so far: %d%s

				The connection is in setup: review its plan in the support console and finish the sync.
				""".formatted(message, ConfigurationLinks.oneLine(company.name()), company.id(),
				ConfigurationLinks.oneLine(session.recipient()), requests,
				(requests >= CHECKED_REQUESTS) ? " or more" : "");
		try {
			this.mailer.send(this.support.email(), message, body);
		}
		catch (MailException ex) {
			logger.warn("Could not email support that company {} finished SCIM setup; the notification is in the"
					+ " support console", company.id(), LogText.sanitize(ex));
		}
		logger.info("Company {} finished SCIM setup of connection {} with {}", company.id(), connection.id(),
				connection.provider().code());
		return notification;
	}

	/** Returns the newest notifications of all companies, for support. */
	@Transactional(readOnly = true)
	public List<SetupNotification> notifications(int limit) {
		return this.notifications.newest(limit);
	}

}
