package io.roster.api;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

import io.roster.system.DatabaseFailures;
import io.roster.system.WebOutages;
import io.roster.tenant.AdminAccounts;

import tools.jackson.databind.json.JsonMapper;

/**
 * Signs company admins in to {@code /api/v1} with HTTP Basic, checking the password
 * against its stored hash. Sessions are not kept: every request carries the credentials.
 * CSRF protection is off because no cookie authenticates a request. A missing or wrong
 * sign-in is 401 as a problem detail with {@code WWW-Authenticate: Basic}. A database
 * outage during sign-in is 503 from {@link WebOutages}.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurity {

	@Bean
	UserDetailsService adminDetails(AdminAccounts admins) {
		return (email) -> admins.findForSignIn(email)
			.map((found) -> new AdminPrincipal(found.account(), found.passwordHash()))
			.orElseThrow(() -> new UsernameNotFoundException("No admin signs in with this email"));
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	SecurityFilterChain apiFilterChain(HttpSecurity http, JsonMapper mapper) throws Exception {
		return http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasRole(AdminPrincipal.ROLE))
			.httpBasic((basic) -> basic.authenticationEntryPoint(signInRequired(mapper)))
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(signInRequired(mapper))
				.accessDeniedHandler((request, response, ex) -> problem(response, mapper, HttpStatus.FORBIDDEN,
						"Only company admins may use the product API")))
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.build();
	}

	/**
	 * Returns the entry point that rejects a missing or wrong sign-in with 401. A
	 * database outage in the user lookup is thrown on, so that {@link WebOutages} turns
	 * it into a 503.
	 */
	private static AuthenticationEntryPoint signInRequired(JsonMapper mapper) {
		return (request, response, ex) -> {
			DatabaseFailures.rethrowOutage(ex);
			problem(response, mapper, HttpStatus.UNAUTHORIZED,
					"Sign in with HTTP Basic: the email and password of a company admin");
		};
	}

	/** Writes a problem detail straight to the servlet response, outside a controller. */
	static void problem(HttpServletResponse response, JsonMapper mapper, HttpStatus status, String detail)
			throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		response.setStatus(status.value());
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Roster\"");
		}
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		mapper.writeValue(response.getWriter(), problem);
	}

}
