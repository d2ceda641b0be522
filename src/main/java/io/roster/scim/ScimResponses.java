package io.roster.scim;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds SCIM responses: UTF-8 JSON with {@code Content-Type: application/scim+json}, an
 * {@code ETag} on single resources and a {@code Location} on created ones.
 */
final class ScimResponses {

	private ScimResponses() {
	}

	static ResponseEntity<byte[]> ok(JsonNode body) {
		return ResponseEntity.ok().contentType(ScimJson.MEDIA_TYPE).body(bytes(body));
	}

	/** Returns a 200 response with {@code Retry-After} in whole seconds, at least 1. */
	static ResponseEntity<byte[]> ok(JsonNode body, Duration retryAfter) {
		return ResponseEntity.ok()
			.header(HttpHeaders.RETRY_AFTER, ScimErrors.retryAfterSeconds(retryAfter))
			.contentType(ScimJson.MEDIA_TYPE)
			.body(bytes(body));
	}

	static ResponseEntity<byte[]> resource(ObjectNode resource, long version) {
		return ResponseEntity.ok().eTag(Meta.etag(version)).contentType(ScimJson.MEDIA_TYPE).body(bytes(resource));
	}

	static ResponseEntity<byte[]> created(ObjectNode resource, long version, String location) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create(location))
			.eTag(Meta.etag(version))
			.contentType(ScimJson.MEDIA_TYPE)
			.body(bytes(resource));
	}

	static ResponseEntity<byte[]> notModified(long version) {
		return ResponseEntity.status(HttpStatus.NOT_MODIFIED).header(HttpHeaders.ETAG, Meta.etag(version)).build();
	}

	static ResponseEntity<byte[]> noContent() {
		return ResponseEntity.noContent().build();
	}

	private static byte[] bytes(JsonNode body) {
		return ScimJson.write(body).getBytes(StandardCharsets.UTF_8);
	}

}
