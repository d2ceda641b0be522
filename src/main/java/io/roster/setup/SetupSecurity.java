package io.roster.setup;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Spring Security for the setup wizard. It needs no sign-in, since the configuration link
 * is the credential and the wizard checks its session itself, but every form is protected
 * by a CSRF token kept in the HTTP session.
 */
@Configuration(proxyBeanMethods = false)
class SetupSecurity {

	@Bean
	@Order(20)
	SecurityFilterChain setupWizardSecurity(HttpSecurity http) throws Exception {
		return http.securityMatcher("/setup/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
			.build();
	}

}
