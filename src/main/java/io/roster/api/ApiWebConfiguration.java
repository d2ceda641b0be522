package io.roster.api;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.roster.system.RosterProperties;

import tools.jackson.databind.json.JsonMapper;

/** Registers the body limits of the product API for {@code /api/*} only. */
@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration {

	@Bean
	FilterRegistrationBean<ApiRequestBodies> apiRequestBodies(JsonMapper mapper, RosterProperties properties) {
		FilterRegistrationBean<ApiRequestBodies> registration = new FilterRegistrationBean<>(
				new ApiRequestBodies(mapper, properties.api()));
		registration.addUrlPatterns("/api/*");
		return registration;
	}

}
