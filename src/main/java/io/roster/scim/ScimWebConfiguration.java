package io.roster.scim;

import jakarta.servlet.Filter;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import io.roster.system.DatabaseAvailability;
import io.roster.system.FailureThrottle;
import io.roster.system.RateLimiter;
import io.roster.system.RosterProperties;
import io.roster.tenant.ScimTokens;

/**
 * Registers the SCIM filters for {@code /scim/v2} only, in this order: the access log, so
 * that it also records rejected requests; the outage guard, which returns 503 while the
 * database is down and turns failures of the later filters into SCIM errors; the activity
 * log, which records every request that a valid token authenticates; authentication with
 * its rate limits; the per-company concurrency cap; media types; and the request body
 * limits, last, so that only authenticated requests within their company's share have
 * their bodies read.
 */
@Configuration(proxyBeanMethods = false)
class ScimWebConfiguration {

	static final String BASE_PATH = "/scim/v2";

	@Bean
	FilterRegistrationBean<ScimAccessLog> scimAccessLog() {
		return register(new ScimAccessLog(), 10);
	}

	@Bean
	FilterRegistrationBean<ScimOutages> scimOutages(DatabaseAvailability database, RosterProperties properties) {
		return register(new ScimOutages(database, properties.scim().unavailableRetryAfter()), 15);
	}

	@Bean
	FilterRegistrationBean<ScimAuthentication> scimAuthentication(ScimTokens tokens, RosterProperties properties,
			DatabaseAvailability database) {
		RosterProperties.Scim scim = properties.scim();
		RateLimiter rateLimits = new RateLimiter(scim.rateLimit().requestsPerSecond(), scim.rateLimit().burst());
		FailureThrottle failures = new FailureThrottle(scim.authFailures().maxPerAddress(),
				scim.authFailures().window());
		return register(new ScimAuthentication(tokens, rateLimits, failures, database), 20);
	}

	@Bean
	FilterRegistrationBean<ScimCompanyConcurrency> scimCompanyConcurrency(RosterProperties properties) {
		return register(new ScimCompanyConcurrency(properties.scim().maxConcurrentRequestsPerCompany()), 25);
	}

	@Bean
	FilterRegistrationBean<ScimActivityFilter> scimActivityFilter(ScimActivity activity) {
		return register(new ScimActivityFilter(activity), 17);
	}

	@Bean
	FilterRegistrationBean<ScimMediaTypes> scimMediaTypes() {
		return register(new ScimMediaTypes(), 30);
	}

	@Bean
	FilterRegistrationBean<ScimRequestBodies> scimRequestBodies(RosterProperties properties) {
		return register(new ScimRequestBodies(properties.scim()), 40);
	}

	private static <T extends Filter> FilterRegistrationBean<T> register(T filter, int order) {
		FilterRegistrationBean<T> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns(BASE_PATH, BASE_PATH + "/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + order);
		return registration;
	}

}
