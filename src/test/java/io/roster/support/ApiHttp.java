package io.roster.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain HTTP requests to the product API under {@code /api/v1}, signed in with HTTP Basic
 * as one admin.
 */
public final class ApiHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final String baseUrl;

	private final String authorization;

	/**
	 * @param baseUrl the server's root URL, such as {@code http://127.0.0.1:8080}
	 * @param email the admin's email, or {@code null} to send no credentials
	 */
	public ApiHttp(String baseUrl, String email, String password) {
		this.baseUrl = baseUrl;
		this.authorization = (email != null)
				? "Basic "
						+ Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8))
				: null;
	}

	public Response get(String path) {
		return send("GET", path, null);
	}

	public Response post(String path, String body) {
		return send("POST", path, body);
	}

	public Response patch(String path, String body, String... headers) {
		return send("PATCH", path, body, headers);
	}

	/**
	 * Sends a request; a path that does not start with {@code /api} or {@code /} is taken
	 * relative to {@code /api/v1}.
	 */
	public Response send(String method, String path, String body, String... headers) {
		String url = this.baseUrl + (path.startsWith("/") ? path : "/api/v1/" + path);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(60))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (this.authorization != null) {
			request.header("Authorization", this.authorization);
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			return new Response(this.client.send(request.build(), HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A response with its body parsed as JSON when it has one. */
	public record Response(HttpResponse<String> http) {

		public int status() {
			return this.http.statusCode();
		}

		public String header(String name) {
			return this.http.headers().firstValue(name).orElse(null);
		}

		public String body() {
			return this.http.body();
		}

		public JsonNode json() {
			try {
				return JSON.readTree(this.http.body());
			}
			catch (RuntimeException ex) {
				throw new AssertionError("Response body is not JSON: " + this.http.body(), ex);
			}
		}

	}

}
