package io.roster.scim;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import io.roster.tenant.ScimTokens;

/**
 * Registers the SCIM filters for {@code /scim/v2} only: the access log first, so that it
 * also records rejected requests, then authentication.
 */
@Configuration(proxyBeanMethods = false)
class ScimWebConfiguration {

	static final String BASE_PATH = "/scim/v2";

	@Bean
	FilterRegistrationBean<ScimAccessLog> scimAccessLog() {
		FilterRegistrationBean<ScimAccessLog> registration = new FilterRegistrationBean<>(new ScimAccessLog());
		registration.addUrlPatterns(BASE_PATH, BASE_PATH + "/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ScimMediaTypes> scimMediaTypes() {
		FilterRegistrationBean<ScimMediaTypes> registration = new FilterRegistrationBean<>(new ScimMediaTypes());
		registration.addUrlPatterns(BASE_PATH, BASE_PATH + "/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ScimAuthentication> scimAuthentication(ScimTokens tokens) {
		FilterRegistrationBean<ScimAuthentication> registration = new FilterRegistrationBean<>(
				new ScimAuthentication(tokens));
		registration.addUrlPatterns(BASE_PATH, BASE_PATH + "/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

}
