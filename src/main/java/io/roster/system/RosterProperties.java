package io.roster.system;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code roster.*}.
 *
 * @param dataDir directory of the embedded database and of the demo credentials
 * @param publicBaseUrl absolute URL clients reach Roster at behind a proxy, or empty to
 * use each request's own URL
 * @param demo settings of the demo company created on first start
 * @param scim limits of the SCIM endpoint
 * @param api limits of the product API
 */
@ConfigurationProperties("roster")
public record RosterProperties(@DefaultValue("./data") Path dataDir, @Nullable String publicBaseUrl,
		@DefaultValue Demo demo, @DefaultValue Scim scim, @DefaultValue Api api) {

	/**
	 * @param enabled whether the first start on an empty database creates the company
	 * "Demo"
	 */
	public record Demo(@DefaultValue("true") boolean enabled) {
	}

	/**
	 * @param maxBodyBytes largest request body accepted, in bytes
	 * @param defaultPageSize page size of a list request without {@code count}
	 * @param maxPageSize largest page a list request returns, whatever its {@code count}
	 * @param maxFilterLength longest {@code filter} accepted, in characters
	 * @param bulkMaxOperations maximum number of operations in one Bulk request,
	 * advertised as {@code bulk.maxOperations}
	 * @param bulkMaxPayloadBytes maximum size of a Bulk request body, in bytes,
	 * advertised as {@code bulk.maxPayloadSize} and used in place of {@code maxBodyBytes}
	 * for Bulk requests
	 * @param bodyReadTimeout longest time a client may take to send a request body
	 * @param maxConcurrentRequestsPerCompany requests of one company served at once; more
	 * get 429
	 * @param unavailableRetryAfter {@code Retry-After} of a 503 during a database outage,
	 * on SCIM and also on the product API and the consoles
	 * @param rateLimit requests per SCIM connection, all its tokens together
	 * @param authFailures invalid tokens tolerated per client address
	 * @param json structure limits of request bodies
	 */
	public record Scim(@DefaultValue("10485760") int maxBodyBytes, @DefaultValue("100") int defaultPageSize,
			@DefaultValue("1000") int maxPageSize, @DefaultValue("4096") int maxFilterLength,
			@DefaultValue("1000") int bulkMaxOperations, @DefaultValue("1048576") int bulkMaxPayloadBytes,
			@DefaultValue("60s") Duration bodyReadTimeout, @DefaultValue("8") int maxConcurrentRequestsPerCompany,
			@DefaultValue("10s") Duration unavailableRetryAfter, @DefaultValue RateLimit rateLimit,
			@DefaultValue AuthFailures authFailures, @DefaultValue Json json) {
	}

	/**
	 * @param requestsPerSecond requests a SCIM connection may send per second on average
	 * @param burst requests a SCIM connection may send at once after a quiet period
	 */
	public record RateLimit(@DefaultValue("100") double requestsPerSecond, @DefaultValue("500") int burst) {
	}

	/**
	 * @param maxPerAddress invalid tokens one client address may send within
	 * {@code window} before its requests with unknown tokens get 429
	 * @param window length of the counting window, and so of the block
	 */
	public record AuthFailures(@DefaultValue("10") int maxPerAddress, @DefaultValue("1m") Duration window) {
	}

	/**
	 * @param maxBodyBytes largest request body of the product API, in bytes
	 * @param bodyReadTimeout longest time a client may take to send a product API request
	 * body
	 */
	public record Api(@DefaultValue("1048576") int maxBodyBytes, @DefaultValue("60s") Duration bodyReadTimeout) {
	}

	/**
	 * @param maxDepth deepest nesting of objects and arrays
	 * @param maxArrayElements most elements in one array, and most members in one object
	 * @param maxTokens most JSON tokens (values, names, brackets) in one body
	 */
	public record Json(@DefaultValue("32") int maxDepth, @DefaultValue("100000") int maxArrayElements,
			@DefaultValue("1000000") int maxTokens) {
	}

}
