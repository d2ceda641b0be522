package io.roster.scim;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;

import io.roster.support.ScimHttp;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assertions on SCIM responses received over HTTP.
 */
final class ScimAssertions {

	static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

	static final MediaType SCIM_JSON = MediaType.parseMediaType("application/scim+json");

	private ScimAssertions() {
	}

	/**
	 * Asserts that a response is a SCIM error (RFC 7644 section 3.12): the HTTP status,
	 * {@code schemas} with only the Error URN, {@code status} as a JSON string, the
	 * {@code scimType} (or none when {@code scimType} is {@code null}), and a
	 * {@code detail} that contains every fragment.
	 */
	static void assertScimError(ScimHttp.Response response, int status, @Nullable String scimType,
			String... detailFragments) {
		assertThat(response.status()).as("HTTP status of the response %s", response.body()).isEqualTo(status);
		assertScimJson(response);
		JsonNode body = response.json();
		assertThat(body.path("schemas").size()).as("number of schemas in %s", body).isEqualTo(1);
		assertThat(body.path("schemas").path(0).asString()).as("schemas in %s", body).isEqualTo(ERROR_SCHEMA);
		assertThat(body.path("status").isString()).as("status is a JSON string in %s", body).isTrue();
		assertThat(body.path("status").asString()).as("status in %s", body).isEqualTo(String.valueOf(status));
		if (scimType == null) {
			assertThat(body.has("scimType")).as("scimType present in %s", body).isFalse();
		}
		else {
			assertThat(body.path("scimType").asString()).as("scimType in %s", body).isEqualTo(scimType);
		}
		assertThat(body.path("detail").asString()).as("detail in %s", body).contains(detailFragments);
	}

	/** Asserts that a response has {@code Content-Type: application/scim+json}. */
	static void assertScimJson(ScimHttp.Response response) {
		String contentType = response.header("Content-Type");
		assertThat(contentType).as("Content-Type of the response %s", response.body()).isNotNull();
		assertThat(MediaType.parseMediaType(contentType).equalsTypeAndSubtype(SCIM_JSON))
			.as("Content-Type %s is application/scim+json", contentType)
			.isTrue();
	}

}
