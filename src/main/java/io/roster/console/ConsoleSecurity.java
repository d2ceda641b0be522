package io.roster.console;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

import io.roster.tenant.AdminAccounts;
import io.roster.tenant.OperatorAccounts;

/**
 * Form sign-in for the two consoles: company admins under {@code /console} and operators
 * under {@code /support}. Each has its own filter chain, authentication manager and
 * session attribute for its security context, so signing in to one never signs a browser
 * in to the other. Sessions are kept by Spring Session in the database, and every form
 * post needs its CSRF token. The chains sit after the SCIM and product API chains and
 * before the default one, and they leave those alone.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

	static final String CONSOLE = "/console";

	static final String SUPPORT = "/support";

	@Bean
	SignInThrottle signInThrottle(ConsoleProperties properties) {
		return new SignInThrottle(properties.signInFailures());
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 2)
	SecurityFilterChain consoleFilterChain(HttpSecurity http, AdminAccounts admins, PasswordEncoder encoder,
			SignInThrottle throttle) throws Exception {
		UserDetailsService users = (email) -> admins.findForSignIn(email)
			.map((found) -> ConsoleUser.admin(found.account(), found.passwordHash()))
			.orElseThrow(() -> new UsernameNotFoundException("No admin signs in with this email"));
		return formSignIn(http, CONSOLE, ConsoleUser.Kind.ADMIN, users, encoder, throttle).build();
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 3)
	SecurityFilterChain supportFilterChain(HttpSecurity http, OperatorAccounts operators, PasswordEncoder encoder,
			SignInThrottle throttle) throws Exception {
		UserDetailsService users = (email) -> operators.findForSignIn(email)
			.map((found) -> ConsoleUser.operator(found.account(), found.passwordHash()))
			.orElseThrow(() -> new UsernameNotFoundException("No operator signs in with this email"));
		return formSignIn(http, SUPPORT, ConsoleUser.Kind.OPERATOR, users, encoder, throttle).build();
	}

	/**
	 * Configures a form sign-in at {@code base/sign-in} and a sign-out at
	 * {@code base/sign-out} for every path under {@code base}.
	 */
	private static HttpSecurity formSignIn(HttpSecurity http, String base, ConsoleUser.Kind kind,
			UserDetailsService users, PasswordEncoder encoder, SignInThrottle throttle) throws Exception {
		String signIn = base + "/sign-in";
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(encoder);
		HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
		contexts.setSpringSecurityContextKey("ROSTER_" + kind.name() + "_SECURITY_CONTEXT");
		HttpSessionRequestCache requests = new HttpSessionRequestCache();
		requests.setSessionAttrName("ROSTER_" + kind.name() + "_SAVED_REQUEST");
		return http.securityMatcher(base, base + "/**")
			.authenticationManager(new ProviderManager(provider))
			.authorizeHttpRequests(
					(authorize) -> authorize.requestMatchers(signIn).permitAll().anyRequest().hasRole(kind.role()))
			.securityContext((context) -> context.securityContextRepository(contexts))
			.requestCache((cache) -> cache.requestCache(requests))
			.formLogin((form) -> form.loginPage(signIn)
				.usernameParameter("email")
				.passwordParameter("password")
				.defaultSuccessUrl(base, false)
				.failureHandler(throttle.failureHandler(signIn)))
			.logout((logout) -> logout.logoutUrl(base + "/sign-out").logoutSuccessUrl(signIn + "?signed-out"))
			.addFilterBefore(throttle.guard(signIn), UsernamePasswordAuthenticationFilter.class)
			.sessionManagement((sessions) -> sessions.sessionFixation((fixation) -> fixation.changeSessionId()));
	}

}
