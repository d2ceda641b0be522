package io.roster.system;

import java.nio.file.Path;

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
 */
@ConfigurationProperties("roster")
public record RosterProperties(@DefaultValue("./data") Path dataDir, @Nullable String publicBaseUrl,
		@DefaultValue Demo demo, @DefaultValue Scim scim) {

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
	 */
	public record Scim(@DefaultValue("10485760") int maxBodyBytes, @DefaultValue("100") int defaultPageSize,
			@DefaultValue("1000") int maxPageSize, @DefaultValue("4096") int maxFilterLength,
			@DefaultValue("1000") int bulkMaxOperations, @DefaultValue("1048576") int bulkMaxPayloadBytes) {
	}

}
