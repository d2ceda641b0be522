package io.roster.scim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ContentTooLargeException;
import com.unboundid.scim2.common.exceptions.ScimException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Bulk request (RFC 7644 section 3.7). The request as a whole is rejected, before any
 * operation runs, only when its {@code Operations} or {@code failOnErrors} are unusable,
 * when two operations share a bulkId, or when it contains more than {@code maxOperations}
 * (413, section 3.7.4). A malformed operation fails on its own.
 *
 * @param failOnErrors the number of failed operations after which processing stops;
 * {@link Integer#MAX_VALUE} when the request sets none
 */
record BulkRequest(int failOnErrors, List<BulkOperation> operations) {

	static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";

	static BulkRequest parse(ObjectNode body, int maxOperations) throws ScimException {
		JsonNode operations = body.get("Operations");
		if (operations == null || !operations.isArray()) {
			throw BadRequestException.invalidSyntax("A Bulk request needs an 'Operations' array (" + SCHEMA + "), not "
					+ ((operations == null) ? "nothing" : JsonAttributes.kind(operations)));
		}
		if (operations.size() > maxOperations) {
			throw new ContentTooLargeException(
					"The Bulk request contains " + operations.size() + " operations, more than maxOperations, "
							+ maxOperations + ". Split them over several Bulk requests");
		}
		int failOnErrors = failOnErrors(body.get("failOnErrors"));
		List<BulkOperation> parsed = new ArrayList<>();
		for (JsonNode operation : operations) {
			parsed.add(BulkOperation.parse(operation, parsed.size()));
		}
		checkUniqueBulkIds(parsed);
		return new BulkRequest(failOnErrors, List.copyOf(parsed));
	}

	/** Returns the index of the POST operation that defines each bulkId. */
	Map<String, Integer> postsByBulkId() {
		Map<String, Integer> posts = new HashMap<>();
		for (BulkOperation operation : this.operations) {
			if (operation.createsBulkId()) {
				posts.put(operation.bulkId(), operation.index());
			}
		}
		return posts;
	}

	private static int failOnErrors(@Nullable JsonNode failOnErrors) throws BadRequestException {
		if (failOnErrors == null || failOnErrors.isNull()) {
			return Integer.MAX_VALUE;
		}
		if (!failOnErrors.isIntegralNumber() || failOnErrors.bigIntegerValue().signum() <= 0) {
			throw BadRequestException.invalidValue("'failOnErrors' must be a positive integer, the number of"
					+ " errors after which processing stops, not " + JsonAttributes.kind(failOnErrors));
		}
		return failOnErrors.canConvertToInt() ? failOnErrors.intValue() : Integer.MAX_VALUE;
	}

	/**
	 * Rejects a request in which two operations carry the same bulkId, since a reference
	 * to it would be ambiguous (RFC 7644 section 3.7 requires bulkIds to be unique).
	 */
	private static void checkUniqueBulkIds(List<BulkOperation> operations) throws BadRequestException {
		Set<String> seen = new HashSet<>();
		for (BulkOperation operation : operations) {
			String bulkId = operation.bulkId();
			if (bulkId != null && !seen.add(bulkId)) {
				throw BadRequestException.invalidValue("bulkId '" + bulkId + "' appears on more than one operation,"
						+ " but each bulkId must be unique within a Bulk request");
			}
		}
	}

}
