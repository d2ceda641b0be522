package io.roster.scim;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import com.unboundid.scim2.common.exceptions.ForbiddenException;
import com.unboundid.scim2.common.exceptions.RateLimitException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.exceptions.UnauthorizedException;

import io.roster.system.DatabaseAvailability;
import io.roster.system.FailureThrottle;
import io.roster.system.LogText;
import io.roster.system.RateLimiter;
import io.roster.tenant.Company;
import io.roster.tenant.ScimAccess;
import io.roster.tenant.ScimTokens;

/**
 * Authenticates SCIM requests by bearer token (RFC 6750) and chooses the company the
 * token belongs to. A missing or unknown token, or a token of a disabled connection, is
 * 401 with {@code WWW-Authenticate: Bearer}; a company without the enterprise plan is
 * 403.
 * <p>
 * Two limits apply before the token is looked up, so that a flood costs no database work:
 * a token of a SCIM connection over its rate limit is 429, and an address that sent too
 * many invalid tokens gets 429 for any token this instance has not accepted, both with
 * {@code Retry-After}. The rate limit counts the requests of all tokens of a connection
 * together, so two tokens valid during a rotation share one limit. Requests rejected by
 * these limits leave no activity entry, for the same reason.
 */
class ScimAuthentication extends OncePerRequestFilter {

	private static final String COMPANY = ScimAuthentication.class.getName() + ".company";

	private static final String DIRECTORY = ScimAuthentication.class.getName() + ".directory";

	private static final Logger logger = LoggerFactory.getLogger(ScimAuthentication.class);

	private static final int MAX_REMEMBERED_TOKENS = 100_000;

	private final ScimTokens tokens;

	private final RateLimiter rateLimits;

	private final FailureThrottle failures;

	private final DatabaseAvailability database;

	/**
	 * The SCIM connection of each token this instance accepted, by the token's hash, so
	 * that the rate limit of a connection applies before the token is looked up.
	 */
	private final Map<String, String> connectionsByToken = new ConcurrentHashMap<>();

	ScimAuthentication(ScimTokens tokens, RateLimiter rateLimits, FailureThrottle failures,
			DatabaseAvailability database) {
		this.tokens = tokens;
		this.rateLimits = rateLimits;
		this.failures = failures;
		this.database = database;
	}

	/**
	 * Returns the authenticated company of a SCIM request, or {@code null} before
	 * authentication. Limits and logs count the request under this company.
	 */
	static @Nullable Company companyOf(HttpServletRequest request) {
		return (Company) request.getAttribute(COMPANY);
	}

	/**
	 * Returns the company whose directory an authenticated SCIM request reads: the
	 * token's company, or its staging company while the connection is in setup. Returns
	 * {@code null} before authentication.
	 */
	static @Nullable Company directoryOf(HttpServletRequest request) {
		return (Company) request.getAttribute(DIRECTORY);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String token = bearerToken(request.getHeader(HttpHeaders.AUTHORIZATION));
		if (token == null) {
			ScimErrors.write(response, new UnauthorizedException(
					"Authentication required: send the SCIM token as 'Authorization: Bearer <token>'"));
			return;
		}
		// Accepted tokens are kept by their hash, so that no secret stays in memory.
		String tokenKey = ScimTokens.hash(token);
		String address = request.getRemoteAddr();
		String knownConnection = this.connectionsByToken.get(tokenKey);
		if ((knownConnection != null) ? isOverRateLimit(knownConnection, response) : isThrottled(address, response)) {
			return;
		}
		Optional<ScimAccess> access = this.tokens.authenticate(token);
		this.database.reachedDatabase();
		if (access.isEmpty()) {
			this.connectionsByToken.remove(tokenKey);
			rejectedInvalidToken(address);
			ScimErrors.write(response,
					new UnauthorizedException("The bearer token is invalid, expired or revoked; use a current token"));
			return;
		}
		// Only connections of valid tokens get a rate limit bucket, which bounds the
		// number of buckets.
		if (knownConnection == null) {
			String connection = access.get().connection().id().toString();
			rememberToken(tokenKey, connection);
			if (isOverRateLimit(connection, response)) {
				return;
			}
		}
		ScimCall call = ScimCall.start(request, access.get());
		if (access.get().connection().isDisabled()) {
			reject(call, response, new UnauthorizedException("The SCIM connection of this token is disabled; an admin"
					+ " of the company can enable it again, or issue a token of its current connection"));
			return;
		}
		Company company = access.get().company();
		if (!company.canUseScim()) {
			reject(call, response, new ForbiddenException("SCIM provisioning needs the enterprise plan; company '"
					+ company.name() + "' is on the " + company.plan().code() + " plan"));
			return;
		}
		request.setAttribute(COMPANY, company);
		request.setAttribute(DIRECTORY, access.get().directory());
		chain.doFilter(request, response);
	}

	private void rememberToken(String tokenKey, String connection) {
		if (this.connectionsByToken.size() >= MAX_REMEMBERED_TOKENS) {
			// A token that is forgotten is looked up again on its next request.
			this.connectionsByToken.clear();
		}
		this.connectionsByToken.put(tokenKey, connection);
	}

	private void rejectedInvalidToken(String address) {
		logger.debug("SCIM request from {} rejected: invalid token", LogText.sanitize(address));
		if (this.failures.recordFailure(address)) {
			logger.warn("Address {} sent too many invalid SCIM tokens; its requests with tokens not"
					+ " accepted before get 429 until its counting window ends", LogText.sanitize(address));
		}
	}

	private boolean isThrottled(String address, HttpServletResponse response) throws IOException {
		Duration blocked = this.failures.blockedFor(address);
		if (blocked.isZero()) {
			return false;
		}
		logger.debug("SCIM request from {} rejected: too many invalid tokens", LogText.sanitize(address));
		ScimErrors.write(response,
				new RateLimitException(
						"Too many requests with an invalid token from this address; retry with a valid token later"),
				blocked);
		return true;
	}

	private boolean isOverRateLimit(String connection, HttpServletResponse response) throws IOException {
		Duration wait = this.rateLimits.tryAcquire(connection);
		if (wait.isZero()) {
			return false;
		}
		logger.debug("SCIM request rejected: SCIM connection {} is over its rate limit", connection);
		ScimErrors.write(response,
				new RateLimitException(
						"The SCIM connection of this token sent more requests than its rate limit allows; retry later"),
				wait);
		return true;
	}

	private static void reject(ScimCall call, HttpServletResponse response, ScimException ex) throws IOException {
		call.failed(ex);
		ScimErrors.write(response, ex);
	}

	private static @Nullable String bearerToken(@Nullable String authorization) {
		if (authorization == null || authorization.length() <= 7
				|| !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		String token = authorization.substring(7).trim();
		return token.isEmpty() ? null : token;
	}

}
