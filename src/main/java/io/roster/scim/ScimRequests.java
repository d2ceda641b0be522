package io.roster.scim;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.exceptions.UnauthorizedException;

import io.roster.system.RosterProperties;
import io.roster.tenant.Company;

import tools.jackson.databind.node.ObjectNode;

/**
 * What every SCIM handler reads from a request: the directory it reads, the body within
 * its size limit, absolute URLs, and the version in {@code If-Match}.
 */
@Component
class ScimRequests {

	private static final Pattern ETAG = Pattern.compile("^\\s*(?:W/)?\"(\\d{1,18})\"\\s*$");

	private final RosterProperties properties;

	ScimRequests(RosterProperties properties) {
		this.properties = properties;
	}

	/**
	 * Returns the company whose directory the request reads: the token's company, or its
	 * staging company while the connection is in setup.
	 */
	Company company(HttpServletRequest request) throws ScimException {
		Company company = ScimAuthentication.directoryOf(request);
		if (company == null) {
			throw new UnauthorizedException("Authentication required");
		}
		return company;
	}

	/** Returns the activity call of an authenticated request. */
	ScimCall call(HttpServletRequest request) throws ScimException {
		company(request);
		ScimCall call = ScimCall.of(request);
		if (call == null) {
			throw new UnauthorizedException("Authentication required");
		}
		return call;
	}

	ObjectNode body(HttpServletRequest request) throws ScimException, IOException {
		return ScimJson.readObject(ScimJson.readAll(request.getInputStream(), this.properties.scim().maxBodyBytes()));
	}

	/** Returns the absolute URL of the SCIM base path, such as https://host/scim/v2. */
	String baseUrl(HttpServletRequest request) {
		String configured = this.properties.publicBaseUrl();
		String root = StringUtils.hasText(configured) ? configured.replaceAll("/+$", "")
				: ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString();
		return root + ScimWebConfiguration.BASE_PATH;
	}

	/**
	 * Returns the version named by {@code If-Match}, or {@code null} when the header is
	 * absent or {@code *}.
	 * @throws PreconditionFailedException when the header names no version Roster issued
	 */
	@Nullable Long ifMatch(HttpServletRequest request) throws ScimException {
		return expectedVersion(request.getHeader(HttpHeaders.IF_MATCH), "If-Match");
	}

	/**
	 * Returns the version an entity tag names, or {@code null} when the tag is absent or
	 * {@code *}. Serves the {@code If-Match} header and the {@code version} of a Bulk
	 * operation (RFC 7644 section 3.7), which carry the same tags.
	 * @param source the name of the header or attribute, for the error detail
	 * @throws PreconditionFailedException when the tag names no version Roster issued
	 */
	static @Nullable Long expectedVersion(@Nullable String entityTag, String source)
			throws PreconditionFailedException {
		if (entityTag == null || entityTag.trim().equals("*")) {
			return null;
		}
		Matcher matcher = ETAG.matcher(entityTag);
		if (!matcher.matches()) {
			throw new PreconditionFailedException(
					source + " " + entityTag.trim() + " matches no version of this resource");
		}
		return Long.parseLong(matcher.group(1));
	}

	/** Returns whether {@code If-None-Match} names the given version or {@code *}. */
	boolean ifNoneMatch(HttpServletRequest request, long version) {
		String header = request.getHeader(HttpHeaders.IF_NONE_MATCH);
		if (header == null) {
			return false;
		}
		for (String tag : header.split(",")) {
			Matcher matcher = ETAG.matcher(tag);
			if (tag.trim().equals("*") || (matcher.matches() && Long.parseLong(matcher.group(1)) == version)) {
				return true;
			}
		}
		return false;
	}

	/** Reads a query from the query string of a GET. */
	SearchQuery query(HttpServletRequest request) throws BadRequestException {
		return SearchQuery.fromParameters(request::getParameter, this.properties.scim());
	}

	/** Reads a query from the SearchRequest body of a {@code POST .search}. */
	SearchQuery searchBody(HttpServletRequest request) throws ScimException, IOException {
		return SearchQuery.fromBody(body(request), this.properties.scim());
	}

	Projection projection(HttpServletRequest request) throws BadRequestException {
		return Projection.of(request.getParameter("attributes"), request.getParameter("excludedAttributes"));
	}

	boolean asksForAttributes(HttpServletRequest request) {
		return request.getParameter("attributes") != null || request.getParameter("excludedAttributes") != null;
	}

}
