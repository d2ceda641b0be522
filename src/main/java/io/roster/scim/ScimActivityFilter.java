package io.roster.scim;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Records the activity entry of every SCIM request whose token names a connection, once
 * the response is complete, unless the request already recorded it with its change.
 * Requests without a valid token belong to no company, so only the access log shows them.
 */
class ScimActivityFilter extends OncePerRequestFilter {

	private final ScimActivity activity;

	ScimActivityFilter(ScimActivity activity) {
		this.activity = activity;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
		boolean completed = false;
		try {
			chain.doFilter(request, held);
			completed = true;
		}
		finally {
			ScimCall call = ScimCall.of(request);
			if (call != null) {
				this.activity.recordOutcome(call, completed ? held.getStatus() : 500);
			}
			held.copyBodyToResponse();
		}
	}

}
