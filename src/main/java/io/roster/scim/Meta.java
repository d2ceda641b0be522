package io.roster.scim;

import java.time.Instant;

import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code meta} attribute of a resource (RFC 7643 section 3.1) and the weak entity tag
 * derived from a resource's version.
 */
final class Meta {

	private Meta() {
	}

	static ObjectNode of(String resourceType, Instant created, Instant lastModified, long version, String location) {
		ObjectNode meta = ScimJson.object();
		meta.put("resourceType", resourceType);
		meta.put("created", created.toString());
		meta.put("lastModified", lastModified.toString());
		meta.put("location", location);
		meta.put("version", etag(version));
		return meta;
	}

	static String etag(long version) {
		return "W/\"" + version + "\"";
	}

}
