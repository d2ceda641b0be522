package io.roster.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import io.roster.system.RosterProperties;

import tools.jackson.databind.json.JsonMapper;

/**
 * Bounds the request bodies of the product API: a body larger than
 * {@code roster.api.max-body-bytes} is 413, at once when {@code Content-Length} declares
 * it, and a body that takes longer than {@code roster.api.body-read-timeout} to arrive is
 * 408. Spring MVC reads the body while it binds it, so a limit hit during the read
 * surfaces as a {@link BodyLimitException} inside the framework's unreadable-body error,
 * which {@link ApiExceptionHandler} turns into the problem detail.
 * <p>
 * {@code server.tomcat.connection-timeout} bounds each single read, so a client that
 * stalls gets its 408 at most that long after the deadline.
 */
class ApiRequestBodies extends OncePerRequestFilter {

	private final JsonMapper mapper;

	private final int maxBodyBytes;

	private final Duration readTimeout;

	ApiRequestBodies(JsonMapper mapper, RosterProperties.Api properties) {
		this.mapper = mapper;
		this.maxBodyBytes = properties.maxBodyBytes();
		this.readTimeout = properties.bodyReadTimeout();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.maxBodyBytes) {
			// The body is not read, so the connection cannot carry another request.
			response.setHeader(HttpHeaders.CONNECTION, "close");
			ApiSecurity.problem(response, this.mapper, HttpStatus.CONTENT_TOO_LARGE, tooLarge().getMessage());
			return;
		}
		chain.doFilter(new LimitedBody(request, System.nanoTime() + this.readTimeout.toNanos()), response);
	}

	private BodyLimitException tooLarge() {
		return new BodyLimitException(HttpStatus.CONTENT_TOO_LARGE,
				"The request body is larger than the limit of " + this.maxBodyBytes + " bytes");
	}

	private BodyLimitException timedOut() {
		return new BodyLimitException(HttpStatus.REQUEST_TIMEOUT,
				"The request body did not arrive within " + this.readTimeout.toSeconds() + " s; send it again");
	}

	/** A request body that broke a limit while it was read. */
	static final class BodyLimitException extends IOException {

		private final HttpStatus status;

		BodyLimitException(HttpStatus status, String message) {
			super(message);
			this.status = status;
		}

		HttpStatus status() {
			return this.status;
		}

	}

	/** A request whose body stream counts its bytes and checks the deadline. */
	private final class LimitedBody extends HttpServletRequestWrapper {

		private final long deadline;

		private long bytesRead;

		LimitedBody(HttpServletRequest request, long deadline) {
			super(request);
			this.deadline = deadline;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			ServletInputStream input = super.getInputStream();
			return new ServletInputStream() {

				@Override
				public int read() throws IOException {
					checkDeadline();
					int read = input.read();
					count((read == -1) ? -1 : 1);
					return read;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					checkDeadline();
					int read = input.read(buffer, offset, length);
					count(read);
					return read;
				}

				@Override
				public boolean isFinished() {
					return input.isFinished();
				}

				@Override
				public boolean isReady() {
					return input.isReady();
				}

				@Override
				public void setReadListener(ReadListener listener) {
					input.setReadListener(listener);
				}

			};
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			return new BufferedReader(new InputStreamReader(getInputStream(),
					(encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8));
		}

		private void checkDeadline() throws BodyLimitException {
			if (System.nanoTime() - this.deadline > 0) {
				throw timedOut();
			}
		}

		private void count(int read) throws BodyLimitException {
			if (read > 0) {
				this.bytesRead += read;
				if (this.bytesRead > ApiRequestBodies.this.maxBodyBytes) {
					throw tooLarge();
				}
			}
			checkDeadline();
		}

	}

}
