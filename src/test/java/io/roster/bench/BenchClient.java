package io.roster.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * HTTP/1.1 requests to one Roster instance with its SCIM bearer token.
 */
final class BenchClient {

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final String baseUrl;

	private final String token;

	BenchClient(String baseUrl, String token) {
		this.baseUrl = baseUrl;
		this.token = token;
	}

	/** Sends a request to a path under {@code /scim/v2}. */
	HttpResponse<String> scim(String method, String path, String body) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/scim/v2" + path))
			.timeout(Duration.ofSeconds(120))
			.header("Authorization", "Bearer " + this.token)
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/scim+json");
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Reads a path outside SCIM, such as an actuator endpoint, without a token. */
	int plainGet(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(60))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
