package io.roster.scim;

import java.util.ArrayDeque;
import java.util.Deque;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ContentTooLargeException;
import com.unboundid.scim2.common.exceptions.ScimException;

import io.roster.system.RosterProperties;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Checks the structure of a JSON request body in one streaming pass, before any tree is
 * built from it: nesting depth, elements per array and members per object, and tokens in
 * all. A body within the size limit can otherwise hold millions of empty objects or nest
 * deep enough to exhaust the stack of a recursive reader.
 */
final class JsonLimits {

	private static final JsonFactory FACTORY = JsonFactory.builder().build();

	private final RosterProperties.Json limits;

	JsonLimits(RosterProperties.Json limits) {
		this.limits = limits;
	}

	/**
	 * Checks a body.
	 * @throws BadRequestException {@code invalidSyntax} for malformed JSON or nesting
	 * deeper than the limit
	 * @throws ContentTooLargeException for too many elements or tokens
	 */
	void check(byte[] body) throws ScimException {
		Deque<int[]> counts = new ArrayDeque<>();
		long tokens = 0;
		try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), body)) {
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				if (++tokens > this.limits.maxTokens()) {
					throw new ContentTooLargeException(
							"The request body contains more than " + this.limits.maxTokens() + " JSON tokens");
				}
				if (token == JsonToken.END_ARRAY || token == JsonToken.END_OBJECT) {
					counts.pop();
					continue;
				}
				if (token != JsonToken.PROPERTY_NAME && !counts.isEmpty()
						&& ++counts.peek()[0] > this.limits.maxArrayElements()) {
					throw new ContentTooLargeException("A JSON array or object in the request body has more than "
							+ this.limits.maxArrayElements() + " elements");
				}
				if (token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT) {
					if (counts.size() >= this.limits.maxDepth()) {
						throw BadRequestException.invalidSyntax(
								"The request body nests JSON deeper than " + this.limits.maxDepth() + " levels");
					}
					counts.push(new int[1]);
				}
			}
		}
		catch (JacksonException ex) {
			throw ScimJson.invalidJson(ex);
		}
	}

}
