package io.roster.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain HTTP requests to the web console with a cookie jar, as a browser without
 * JavaScript would send them. Redirects are not followed, so tests see each 302. Form
 * posts carry the CSRF token of the last page read unless a test leaves it out.
 */
public final class ConsoleHttp {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient client;

	private final String baseUrl;

	private String csrfToken = "";

	public ConsoleHttp(String baseUrl) {
		this.baseUrl = baseUrl;
		this.client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	/** Signs in at {@code signInPath} and returns the response to the form post. */
	public HttpResponse<String> signIn(String signInPath, String email, String password) {
		get(signInPath);
		return post(signInPath, "email", email, "password", password);
	}

	public HttpResponse<String> get(String path) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET());
		Matcher token = CSRF.matcher(response.body());
		if (token.find()) {
			this.csrfToken = token.group(1);
		}
		return response;
	}

	/** Posts a form of name-value pairs with the current CSRF token. */
	public HttpResponse<String> post(String path, String... form) {
		List<String> fields = new ArrayList<>(List.of(form));
		fields.add("_csrf");
		fields.add(this.csrfToken);
		return postWithoutCsrf(path, fields.toArray(String[]::new));
	}

	/** Posts a form of name-value pairs exactly as given, with no CSRF token added. */
	public HttpResponse<String> postWithoutCsrf(String path, String... form) {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < form.length; i += 2) {
			if (body.length() > 0) {
				body.append('&');
			}
			body.append(URLEncoder.encode(form[i], StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(form[i + 1], StandardCharsets.UTF_8));
		}
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString())));
	}

	private URI uri(String path) {
		return URI.create(path.startsWith("http") ? path : this.baseUrl + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
