package io.roster.system;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security for everything except the product API, whose chain lives with the API.
 * SCIM requests pass through untouched: the SCIM bearer-token filter, which runs before
 * Spring Security, authenticates them and writes SCIM error bodies, CSRF protection does
 * not apply to a token sent in a header, and the request firewall leaves SCIM paths to
 * the SCIM filters, so that a malformed SCIM path gets a SCIM error. Health, info,
 * Prometheus metrics and the OpenAPI documentation are public, and so is every other path
 * outside {@code /api}, since nothing else is served there.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	/**
	 * Hashes passwords with bcrypt at the configured cost (log2 of the rounds, 10 by
	 * default), stored with an {@code {bcrypt}} prefix so that another format can follow.
	 * Every HTTP Basic request verifies the password once, so the cost is paid per API
	 * request.
	 */
	@Bean
	PasswordEncoder passwordEncoder(@Value("${roster.security.bcrypt-strength:10}") int strength) {
		return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(strength)));
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain scimSecurity(HttpSecurity http) throws Exception {
		return http.securityMatcher("/scim/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.build();
	}

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	SecurityFilterChain defaultSecurity(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.build();
	}

	/**
	 * Applies Spring Security's strict request firewall to every path except those under
	 * {@code /scim/}. The check uses the servlet path, which the servlet container has
	 * already normalized, so a path such as {@code /scim/../api} is checked as
	 * {@code /api}.
	 */
	@Bean
	WebSecurityCustomizer scimFirewall() {
		StrictHttpFirewall strict = new StrictHttpFirewall();
		HttpFirewall firewall = new HttpFirewall() {

			@Override
			public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
				if (request.getServletPath().startsWith("/scim/") || request.getServletPath().equals("/scim")) {
					return new FirewalledRequest(request) {

						@Override
						public void reset() {
						}

					};
				}
				return strict.getFirewalledRequest(request);
			}

			@Override
			public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
				return strict.getFirewalledResponse(response);
			}

		};
		return (web) -> web.httpFirewall(firewall);
	}

}
