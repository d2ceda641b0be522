package io.roster.scim;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.unboundid.scim2.common.exceptions.ContentTooLargeException;
import com.unboundid.scim2.common.exceptions.ScimException;

import io.roster.system.RequestIds;
import io.roster.system.RosterProperties;

import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code /Bulk} endpoint (RFC 7644 section 3.7). It returns 200 with a BulkResponse
 * whenever the request is usable, even if operations failed, since each operation reports
 * its own status. A body larger than {@code maxPayloadSize} or more than
 * {@code maxOperations} operations is 413 before anything runs (section 3.7.4). When an
 * operation got 503, because the database became unreachable or the operation lost a lock
 * conflict (a deadlock or a lock wait that timed out), the response also carries the
 * {@code Retry-After} of a database outage.
 */
@RestController
class BulkController {

	private final ScimBulk bulk;

	private final ScimRequests requests;

	private final RosterProperties.Scim limits;

	BulkController(ScimBulk bulk, ScimRequests requests, RosterProperties properties) {
		this.bulk = bulk;
		this.requests = requests;
		this.limits = properties.scim();
	}

	@PostMapping(ScimWebConfiguration.BASE_PATH + "/Bulk")
	ResponseEntity<byte[]> bulk(HttpServletRequest request) throws ScimException, IOException {
		ScimCall call = this.requests.call(request);
		BulkRequest bulkRequest = BulkRequest.parse(ScimJson.readObject(payload(request)),
				this.limits.bulkMaxOperations());
		ObjectNode response = this.bulk.process(call, bulkRequest, this.requests.baseUrl(request),
				RequestIds.of(request));
		if (ScimBulk.anyUnavailable(response)) {
			// The operations that got 503 can be sent again once the database is back or
			// the conflicting request has finished.
			return ScimResponses.ok(response, this.limits.unavailableRetryAfter());
		}
		return ScimResponses.ok(response);
	}

	private byte[] payload(HttpServletRequest request) throws IOException, ContentTooLargeException {
		int maxBytes = this.limits.bulkMaxPayloadBytes();
		try {
			return ScimJson.readAll(request.getInputStream(), maxBytes);
		}
		catch (ContentTooLargeException ex) {
			throw new ContentTooLargeException("The Bulk request body is larger than maxPayloadSize, " + maxBytes
					+ " bytes. Split its operations over several Bulk requests");
		}
	}

}
