package io.roster.scim;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import com.unboundid.scim2.common.exceptions.ForbiddenException;
import com.unboundid.scim2.common.exceptions.UnauthorizedException;

import io.roster.tenant.Company;
import io.roster.tenant.ScimTokens;

/**
 * Authenticates SCIM requests by bearer token (RFC 6750) and chooses the company the
 * token belongs to. A missing or unknown token is 401 with
 * {@code WWW-Authenticate: Bearer}; a company without the enterprise plan is 403.
 */
class ScimAuthentication extends OncePerRequestFilter {

	private static final String COMPANY = ScimAuthentication.class.getName() + ".company";

	private final ScimTokens tokens;

	ScimAuthentication(ScimTokens tokens) {
		this.tokens = tokens;
	}

	/**
	 * Returns the authenticated company of a SCIM request, or {@code null} before
	 * authentication.
	 */
	static @Nullable Company companyOf(HttpServletRequest request) {
		return (Company) request.getAttribute(COMPANY);
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
		Optional<Company> company = this.tokens.authenticate(token);
		if (company.isEmpty()) {
			ScimErrors.write(response,
					new UnauthorizedException("The bearer token is invalid, expired or revoked; use a current token"));
			return;
		}
		if (!company.get().canUseScim()) {
			ScimErrors.write(response, new ForbiddenException("SCIM provisioning needs the enterprise plan; company '"
					+ company.get().name() + "' is on the " + company.get().plan().code() + " plan"));
			return;
		}
		request.setAttribute(COMPANY, company.get());
		chain.doFilter(request, response);
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
