package io.roster.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sets security headers on every response, SCIM, actuator and error responses included:
 * no MIME sniffing, no framing, no caching, no referrer, a content security policy that
 * allows nothing, and HSTS on HTTPS requests. The filter runs before any Spring Security
 * filter chain, whose header writers skip a header that is already set, so each header is
 * sent once either way.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class SecurityHeaders extends OncePerRequestFilter {

	/** One year, in seconds. */
	private static final String HSTS = "max-age=31536000 ; includeSubDomains";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean secure = request.isSecure();
		apply(response, secure);
		chain.doFilter(request, new HttpServletResponseWrapper(response) {

			@Override
			public void reset() {
				super.reset();
				apply(response, secure);
			}

		});
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	private static void apply(HttpServletResponse response, boolean secure) {
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Referrer-Policy", "no-referrer");
		// NOTE: pages that load scripts, styles or images need their own policy; Roster
		// serves only JSON today.
		response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
		if (secure) {
			response.setHeader("Strict-Transport-Security", HSTS);
		}
	}

}
