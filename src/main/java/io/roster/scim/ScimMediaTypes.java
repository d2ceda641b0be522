package io.roster.scim;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.unboundid.scim2.common.exceptions.ScimException;

/**
 * Accepts request bodies as {@code application/scim+json} or {@code application/json},
 * with or without parameters such as charset (RFC 7644 section 3.1), and answers 415
 * otherwise; answers 406 when {@code Accept} excludes both.
 */
class ScimMediaTypes extends OncePerRequestFilter {

	private static final List<MediaType> SUPPORTED = List.of(ScimJson.MEDIA_TYPE, MediaType.APPLICATION_JSON);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = request.getContentType();
		if (contentType != null && !contentType.isBlank() && !isSupported(contentType)) {
			reject(request, response, new ScimException(415, null, "Content-Type " + contentType.trim()
					+ " is not supported; send application/scim+json or application/json"));
			return;
		}
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept != null && !accept.isBlank() && !isAcceptable(accept)) {
			reject(request, response, new ScimException(406, null,
					"Roster answers with application/scim+json; the Accept header excludes it"));
			return;
		}
		chain.doFilter(request, response);
	}

	private static void reject(HttpServletRequest request, HttpServletResponse response, ScimException ex)
			throws IOException {
		ScimCall call = ScimCall.of(request);
		if (call != null) {
			call.failed(ex);
		}
		ScimErrors.write(response, ex);
	}

	private static boolean isSupported(String contentType) {
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return SUPPORTED.stream().anyMatch((supported) -> supported.equalsTypeAndSubtype(type));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private static boolean isAcceptable(String accept) {
		try {
			return MediaType.parseMediaTypes(accept)
				.stream()
				.anyMatch((type) -> SUPPORTED.stream().anyMatch(type::includes));
		}
		catch (InvalidMediaTypeException ex) {
			return true;
		}
	}

}
