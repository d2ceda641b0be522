package io.roster.scim;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import com.unboundid.scim2.common.exceptions.ContentTooLargeException;
import com.unboundid.scim2.common.exceptions.ScimException;

import io.roster.system.RequestIds;
import io.roster.system.RosterProperties;

/**
 * Reads the body of every SCIM POST, PUT and PATCH before a handler runs, and rejects it
 * early when it breaks a limit: 413 for a body larger than
 * {@code roster.scim.max-body-bytes}, or {@code roster.scim.bulk-max-payload-bytes} for
 * Bulk (before reading it when {@code Content-Length} declares more), 408 when the client
 * takes longer than {@code roster.scim.body-read-timeout} to send it, and the
 * {@link JsonLimits} on its structure. Handlers then read the body from memory.
 * <p>
 * The container's connection timeout bounds each single read, so a client that stalls
 * gets its 408 at most that long after the deadline.
 */
class ScimRequestBodies extends OncePerRequestFilter {

	private static final Set<String> METHODS_WITH_BODY = Set.of("POST", "PUT", "PATCH");

	private static final Logger logger = LoggerFactory.getLogger(ScimRequestBodies.class);

	private static final String BULK_PATH = ScimWebConfiguration.BASE_PATH + "/Bulk";

	private final int maxBodyBytes;

	private final int maxBulkBytes;

	private final Duration readTimeout;

	private final JsonLimits jsonLimits;

	ScimRequestBodies(RosterProperties.Scim properties) {
		this.maxBodyBytes = properties.maxBodyBytes();
		this.maxBulkBytes = properties.bulkMaxPayloadBytes();
		this.readTimeout = properties.bodyReadTimeout();
		this.jsonLimits = new JsonLimits(properties.json());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!METHODS_WITH_BODY.contains(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body;
		try {
			body = read(request);
			if (body.length > 0) {
				this.jsonLimits.check(body);
			}
		}
		catch (ScimException ex) {
			logger.debug("SCIM request body rejected: {}", ex.getMessage());
			if (ex.getScimError().getStatus() == 408 || ex.getScimError().getStatus() == 413) {
				// The rest of the body is not read, so the connection cannot carry
				// another request.
				response.setHeader(HttpHeaders.CONNECTION, "close");
			}
			writeQuietly(response, ex);
			return;
		}
		chain.doFilter(new BufferedBody(request, body), response);
	}

	private byte[] read(HttpServletRequest request) throws ScimException {
		boolean bulk = request.getRequestURI().equals(request.getContextPath() + BULK_PATH);
		int maxBytes = bulk ? this.maxBulkBytes : this.maxBodyBytes;
		long declared = request.getContentLengthLong();
		if (declared > maxBytes) {
			throw tooLarge(bulk, maxBytes);
		}
		long deadline = System.nanoTime() + this.readTimeout.toNanos();
		ByteArrayOutputStream body = new ByteArrayOutputStream((declared > 0) ? (int) declared : 8192);
		byte[] chunk = new byte[8192];
		try (InputStream input = request.getInputStream()) {
			for (int read = input.read(chunk); read != -1; read = input.read(chunk)) {
				if (body.size() + read > maxBytes) {
					throw tooLarge(bulk, maxBytes);
				}
				body.write(chunk, 0, read);
				if (System.nanoTime() - deadline > 0) {
					throw timedOut(request);
				}
			}
		}
		catch (IOException ex) {
			// The client closed the connection or the container's read timed out.
			throw timedOut(request);
		}
		return body.toByteArray();
	}

	private static ContentTooLargeException tooLarge(boolean bulk, int maxBytes) {
		if (bulk) {
			return new ContentTooLargeException("The Bulk request body is larger than maxPayloadSize, " + maxBytes
					+ " bytes. Split its operations over several Bulk requests");
		}
		return new ContentTooLargeException("The request body is larger than the limit of " + maxBytes + " bytes");
	}

	private ScimException timedOut(HttpServletRequest request) {
		return new ScimException(408, null, "The request body did not arrive within " + this.readTimeout.toSeconds()
				+ " s; send it again. Request id: " + RequestIds.of(request));
	}

	private static void writeQuietly(HttpServletResponse response, ScimException ex) {
		try {
			ScimErrors.write(response, ex);
		}
		catch (IOException | IllegalStateException ignored) {
			// The client closed the connection, so no response can reach it.
		}
	}

	/** A request whose body was read already. */
	private static final class BufferedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		BufferedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream input = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return input.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return input.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return input.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The body was read already");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			return new BufferedReader(new InputStreamReader(getInputStream(),
					(encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
