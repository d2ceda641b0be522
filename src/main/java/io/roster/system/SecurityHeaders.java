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
 * allows nothing (console pages may load their own style sheet and post their own forms),
 * and HSTS on HTTPS requests. The filter runs before any Spring Security filter chain,
 * whose header writers skip a header that is already set, so each header is sent once
 * either way.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class SecurityHeaders extends OncePerRequestFilter {

	/** One year, in seconds. */
	private static final String HSTS = "max-age=31536000 ; includeSubDomains";

	/** Responses other than console pages carry no content that loads anything. */
	private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

	/**
	 * Console pages load their style sheet and images from Roster and post forms only to
	 * Roster; they run no scripts.
	 */
	private static final String PAGE_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

	private static final String[] PAGE_PATHS = { "/console", "/support" };

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean secure = request.isSecure();
		boolean page = isPage(request.getServletPath());
		apply(response, secure, page);
		chain.doFilter(request, new HttpServletResponseWrapper(response) {

			@Override
			public void reset() {
				super.reset();
				apply(response, secure, page);
			}

		});
	}

	/** Returns whether the path belongs to the server-rendered console. */
	static boolean isPage(String path) {
		for (String prefix : PAGE_PATHS) {
			if (path.equals(prefix) || path.startsWith(prefix + "/")) {
				return true;
			}
		}
		return false;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	private static void apply(HttpServletResponse response, boolean secure, boolean page) {
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("Content-Security-Policy", page ? PAGE_POLICY : API_POLICY);
		if (secure) {
			response.setHeader("Strict-Transport-Security", HSTS);
		}
	}

}
