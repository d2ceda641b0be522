package io.roster.console;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import io.roster.system.DatabaseFailures;
import io.roster.system.FailureThrottle;
import io.roster.system.WebOutages;

/**
 * Limits failed console sign-ins per client address with a {@link FailureThrottle}: once
 * an address reaches the limit, its sign-in attempts are rejected without checking the
 * password until the window ends. Admin and operator sign-ins count together.
 */
final class SignInThrottle {

	private static final Logger logger = LoggerFactory.getLogger(SignInThrottle.class);

	private final FailureThrottle failures;

	SignInThrottle(ConsoleProperties.SignInFailures settings) {
		this.failures = new FailureThrottle(settings.maxPerAddress(), settings.window());
	}

	/**
	 * Returns a filter that redirects a sign-in attempt from a blocked address to
	 * {@code signInPath?blocked} before the password is checked.
	 */
	OncePerRequestFilter guard(String signInPath) {
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				boolean signIn = HttpMethod.POST.matches(request.getMethod())
						&& signInPath.equals(request.getServletPath());
				if (signIn && !blockedFor(request).isZero()) {
					response.sendRedirect(request.getContextPath() + signInPath + "?blocked");
					return;
				}
				chain.doFilter(request, response);
			}

		};
	}

	/**
	 * Returns a failure handler that counts the failure and redirects to the form. A
	 * database outage in the user lookup is not counted but thrown on, so that
	 * {@link WebOutages} turns it into a 503.
	 */
	AuthenticationFailureHandler failureHandler(String signInPath) {
		SimpleUrlAuthenticationFailureHandler redirect = new SimpleUrlAuthenticationFailureHandler(
				signInPath + "?error");
		return (request, response, exception) -> {
			DatabaseFailures.rethrowOutage(exception);
			if (this.failures.recordFailure(request.getRemoteAddr())) {
				logger.warn("Blocked console sign-ins from {} for {} after repeated failures", request.getRemoteAddr(),
						blockedFor(request));
			}
			redirect.onAuthenticationFailure(request, response, exception);
		};
	}

	private Duration blockedFor(HttpServletRequest request) {
		return this.failures.blockedFor(request.getRemoteAddr());
	}

}
