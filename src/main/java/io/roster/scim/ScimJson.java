package io.roster.scim;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.MediaType;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ContentTooLargeException;
import com.unboundid.scim2.common.utils.JsonUtils;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reading and writing SCIM JSON with the UnboundID SDK's mapper, whose object nodes match
 * attribute names ignoring case as RFC 7643 section 2.1 requires.
 */
final class ScimJson {

	static final String MEDIA_TYPE_VALUE = "application/scim+json";

	static final MediaType MEDIA_TYPE = MediaType.parseMediaType(MEDIA_TYPE_VALUE);

	private ScimJson() {
	}

	/**
	 * Parses a request body that must be one JSON object.
	 * @throws BadRequestException {@code invalidSyntax} for anything else
	 */
	static ObjectNode readObject(byte[] body) throws BadRequestException {
		if (body.length == 0) {
			throw BadRequestException.invalidSyntax("The request body is empty; a JSON object is required");
		}
		JsonNode node;
		try {
			node = JsonUtils.getObjectReader().readTree(body);
		}
		catch (JacksonException ex) {
			throw invalidJson(ex);
		}
		if (node == null || !node.isObject()) {
			throw BadRequestException.invalidSyntax("The request body must be a JSON object");
		}
		return (ObjectNode) node;
	}

	/**
	 * Reads a request body of at most {@code maxBytes}, without reading past the limit.
	 * @throws ContentTooLargeException for a larger body
	 */
	static byte[] readAll(InputStream input, int maxBytes) throws IOException, ContentTooLargeException {
		byte[] body = input.readNBytes(maxBytes + 1);
		if (body.length > maxBytes) {
			throw new ContentTooLargeException("The request body is larger than the limit of " + maxBytes + " bytes");
		}
		return body;
	}

	static ObjectNode object() {
		return JsonUtils.getJsonNodeFactory().objectNode();
	}

	static String write(JsonNode node) {
		return JsonUtils.getObjectWriter().writeValueAsString(node);
	}

	static JsonNode toNode(Object value) {
		return JsonUtils.valueToNode(value);
	}

	/**
	 * Returns the error for a body that is not valid JSON. The detail gives only where
	 * parsing stopped: Jackson's own message can quote the body, such as a password sent
	 * unquoted.
	 */
	static BadRequestException invalidJson(JacksonException ex) {
		TokenStreamLocation location = ex.getLocation();
		String where = (location != null && location.getLineNr() > 0)
				? " at line " + location.getLineNr() + ", column " + location.getColumnNr() : "";
		return BadRequestException.invalidSyntax("The request body is not valid JSON" + where);
	}

}
