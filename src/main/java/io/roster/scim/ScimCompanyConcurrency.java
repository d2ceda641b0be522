package io.roster.scim;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import com.unboundid.scim2.common.exceptions.RateLimitException;

import io.roster.tenant.Company;

/**
 * Caps the SCIM requests one company has in progress, so that one company's initial sync
 * cannot take every request thread and database connection from the others. A request
 * over the cap gets 429 with {@code Retry-After: 1} at once, without waiting. The cap
 * covers the whole request, reading its body included, so a slow client uses up only its
 * own company's share.
 */
class ScimCompanyConcurrency extends OncePerRequestFilter {

	private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

	private static final Logger logger = LoggerFactory.getLogger(ScimCompanyConcurrency.class);

	private final int maxConcurrentRequests;

	private final Map<UUID, Semaphore> permits = new ConcurrentHashMap<>();

	ScimCompanyConcurrency(int maxConcurrentRequests) {
		if (maxConcurrentRequests < 1) {
			throw new IllegalArgumentException(
					"roster.scim.max-concurrent-requests-per-company must be at least 1, not " + maxConcurrentRequests);
		}
		this.maxConcurrentRequests = maxConcurrentRequests;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Company company = ScimAuthentication.companyOf(request);
		if (company == null) {
			chain.doFilter(request, response);
			return;
		}
		Semaphore companyPermits = this.permits.computeIfAbsent(company.id(),
				(id) -> new Semaphore(this.maxConcurrentRequests));
		if (!companyPermits.tryAcquire()) {
			logger.debug("SCIM request of company {} rejected: {} requests already in progress", company.id(),
					this.maxConcurrentRequests);
			ScimErrors.write(response,
					new RateLimitException("This company already has " + this.maxConcurrentRequests
							+ " SCIM requests in progress, the most Roster serves at once; retry after 1 s"),
					RETRY_AFTER);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			companyPermits.release();
		}
	}

}
