package io.roster.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import tools.jackson.databind.json.JsonMapper;

/**
 * Responds to a database outage on the product API, the consoles and the setup wizard
 * with 503 and {@code Retry-After}: a problem detail under {@code /api}, a short HTML
 * page elsewhere. It runs before Spring Session and Spring Security, so an outage in the
 * session lookup or the sign-in lookup ends here too, and never lets the request reach a
 * handler unauthenticated. Other failures pass on to the servlet container unchanged.
 * <p>
 * A request that completes without a 5xx ends a known outage. Nearly every request under
 * these paths reads the database, for its session or its sign-in. One that does not, such
 * as an API request without credentials, ends the outage early, and the next request that
 * fails to reach the database starts it again.
 */
public class WebOutages extends DatabaseOutageFilter {

	private static final String PAGE = """
			<!DOCTYPE html>
			<html lang="en">
			<head><meta charset="utf-8"><title>Roster is briefly unavailable</title></head>
			<body>
			<h1>Roster is briefly unavailable</h1>
			<p>Nothing was changed. Please try again in %s seconds.</p>
			</body>
			</html>
			""";

	private final JsonMapper mapper;

	WebOutages(DatabaseAvailability database, Duration retryAfter, JsonMapper mapper) {
		super(database, retryAfter);
		this.mapper = mapper;
	}

	/** Returns the detail of a product API problem for a database outage. */
	public static String unavailableDetail(String requestId, Duration retryAfter) {
		return "The database is unavailable; the request changed nothing. Retry after " + retryAfterSeconds(retryAfter)
				+ " s. Request id: " + requestId;
	}

	@Override
	protected void writeUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds(retryAfter()));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		if (request.getServletPath().startsWith("/api/")) {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					unavailableDetail(RequestIds.of(request), retryAfter()));
			this.mapper.writeValue(response.getWriter(), problem);
			return;
		}
		response.setContentType(MediaType.TEXT_HTML_VALUE);
		response.getWriter().write(PAGE.formatted(retryAfterSeconds(retryAfter())));
	}

	@Override
	protected void failUnexpectedly(HttpServletRequest request, HttpServletResponse response, Exception ex)
			throws ServletException {
		if (ex instanceof RuntimeException runtime) {
			throw runtime;
		}
		throw (ServletException) ex;
	}

	@Override
	protected void completed(HttpServletRequest request, HttpServletResponse response) {
		if (response.getStatus() < 500) {
			database().reachedDatabase();
		}
	}

	/**
	 * Registers the filter before Spring Session's repository filter, whose order is
	 * {@code Integer.MIN_VALUE + 50}, and before Spring Security.
	 */
	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<WebOutages> webOutages(DatabaseAvailability database, RosterProperties properties,
				JsonMapper mapper) {
			FilterRegistrationBean<WebOutages> registration = new FilterRegistrationBean<>(
					new WebOutages(database, properties.scim().unavailableRetryAfter(), mapper));
			registration.addUrlPatterns("/api/*", "/console", "/console/*", "/support", "/support/*", "/setup",
					"/setup/*");
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
			return registration;
		}

	}

}
