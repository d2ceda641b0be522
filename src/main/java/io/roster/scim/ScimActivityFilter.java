package io.roster.scim;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

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

	/**
	 * Returns the response beneath the wrapper that buffers the body, for a body too
	 * large to buffer. What is written to it reaches the client before the filter records
	 * the activity entry, so the caller records it.
	 */
	static HttpServletResponse unheld(HttpServletResponse response) {
		ContentCachingResponseWrapper held = WebUtils.getNativeResponse(response, ContentCachingResponseWrapper.class);
		return (held != null) ? (HttpServletResponse) held.getResponse() : response;
	}

}
