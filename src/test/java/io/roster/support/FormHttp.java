package io.roster.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client for Roster's HTML pages: it keeps cookies, so a session
 * lasts across requests, follows no redirects, and can send a form with the CSRF token of
 * the last page it read.
 */
public final class FormHttp {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final String baseUrl;

	private String csrfToken;

	public FormHttp(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/** Reads a page and remembers the CSRF token of its first form. */
	public Page get(String path) {
		Page page = send(HttpRequest.newBuilder(uri(path)).GET());
		Matcher token = CSRF.matcher(page.body());
		if (token.find()) {
			this.csrfToken = token.group(1);
		}
		return page;
	}

	/** Sends a form with the CSRF token of the last page read. */
	public Page post(String path, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		if (this.csrfToken != null) {
			all.put("_csrf", this.csrfToken);
		}
		return postWithout(path, all);
	}

	/**
	 * Sends a form exactly as given, without a CSRF token unless {@code fields} has one.
	 */
	public Page postWithout(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private URI uri(String path) {
		return URI.create(path.startsWith("http") ? path : this.baseUrl + path);
	}

	private Page send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.client.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Page(response.statusCode(), response.body(),
					response.headers().firstValue("Location").orElse(null));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/** A response: status, body and the {@code Location} of a redirect. */
	public record Page(int status, String body, String location) {
	}

}
