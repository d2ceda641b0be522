package io.roster.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.unboundid.scim2.common.utils.JsonUtils;

import tools.jackson.databind.JsonNode;

/**
 * Plain HTTP requests to a SCIM endpoint, for tests that send exact bytes and headers
 * that a SCIM client library would not: malformed JSON, odd media types, missing tokens.
 */
public final class ScimHttp {

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final String scimUrl;

	private final String token;

	public ScimHttp(String scimUrl, String token) {
		this.scimUrl = scimUrl;
		this.token = token;
	}

	public Response get(String path, String... headers) {
		return send("GET", path, null, headers);
	}

	public Response post(String path, String body, String... headers) {
		return send("POST", path, body, headers);
	}

	public Response put(String path, String body, String... headers) {
		return send("PUT", path, body, headers);
	}

	public Response patch(String path, String body, String... headers) {
		return send("PATCH", path, body, headers);
	}

	public Response delete(String path, String... headers) {
		return send("DELETE", path, null, headers);
	}

	/**
	 * Sends a request. {@code headers} are name and value pairs; a Content-Type of
	 * application/scim+json and the bearer token are added unless given.
	 */
	public Response send(String method, String path, String body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.scimUrl + path))
			.timeout(Duration.ofSeconds(60))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		List<String> names = new ArrayList<>();
		for (int i = 0; i < headers.length; i += 2) {
			names.add(headers[i].toLowerCase());
			if (headers[i + 1] != null) {
				request.header(headers[i], headers[i + 1]);
			}
		}
		if (!names.contains("authorization") && this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		if (!names.contains("content-type") && body != null) {
			request.header("Content-Type", "application/scim+json");
		}
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response);
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
				return JsonUtils.getObjectReader().readTree(this.http.body());
			}
			catch (RuntimeException ex) {
				throw new AssertionError("Response body is not JSON: " + this.http.body(), ex);
			}
		}

	}

}
