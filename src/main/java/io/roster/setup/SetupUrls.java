package io.roster.setup;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.roster.system.MailSettings;
import io.roster.system.RosterProperties;

/**
 * Absolute URLs that setup hands to people and identity providers.
 */
@Component
class SetupUrls {

	private final RosterProperties roster;

	private final MailSettings mail;

	SetupUrls(RosterProperties roster, MailSettings mail) {
		this.roster = roster;
		this.mail = mail;
	}

	/**
	 * Returns the URL that links in mails start with: {@code roster.mail.link-base-url},
	 * else {@code roster.public-base-url}, else the URL the request reached.
	 */
	String linkBase(HttpServletRequest request) {
		if (StringUtils.hasText(this.mail.linkBaseUrl())) {
			return trim(this.mail.linkBaseUrl());
		}
		return root(request);
	}

	/** Returns the SCIM base URL, such as {@code https://roster.example.com/scim/v2}. */
	String scimBase(HttpServletRequest request) {
		return root(request) + "/scim/v2";
	}

	private String root(HttpServletRequest request) {
		String configured = this.roster.publicBaseUrl();
		if (StringUtils.hasText(configured)) {
			return trim(configured);
		}
		return ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString();
	}

	private static String trim(String url) {
		return url.replaceAll("/+$", "");
	}

}
