package io.roster.scim;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import io.roster.system.LogText;
import io.roster.system.RequestIds;
import io.roster.tenant.Company;

/**
 * Writes one INFO line per SCIM request: company, method, path template, status, duration
 * and request id. Bodies, query strings and headers are never logged, since they carry
 * personal data and tokens.
 */
class ScimAccessLog extends OncePerRequestFilter {

	private static final Logger logger = LoggerFactory.getLogger("io.roster.scim.access");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long start = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (logger.isInfoEnabled()) {
				Company company = ScimAuthentication.companyOf(request);
				Object template = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
				String path = (template != null) ? template.toString() : LogText.sanitize(request.getRequestURI());
				logger.info("company={} method={} path={} status={} duration_ms={} request_id={}",
						(company != null) ? company.id() : "-", LogText.sanitize(request.getMethod()), path,
						response.getStatus(), (System.nanoTime() - start) / 1_000_000, RequestIds.of(request));
			}
		}
	}

}
