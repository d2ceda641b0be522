package io.roster.scim;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import com.unboundid.scim2.common.bulk.BulkOpType;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.exceptions.ServerErrorException;

import io.roster.directory.Colleague;
import io.roster.directory.DirectoryException;
import io.roster.directory.Team;
import io.roster.system.DatabaseAvailability;
import io.roster.system.DatabaseFailures;
import io.roster.system.LogText;
import io.roster.system.RosterProperties;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs Bulk requests (RFC 7644 section 3.7). Each operation goes through
 * {@link ScimUsers} or {@link ScimGroups} exactly as the same single request would, in
 * its own transaction, so a failed operation changes nothing and the others still run.
 * Processing stops after {@code failOnErrors} failures, and the response lists only the
 * operations that ran, in request order. Once an operation finds the database
 * unreachable, the operations after it get 503 without trying, so a Bulk request during
 * an outage ends at once instead of waiting for a connection once per operation.
 */
@Component
class ScimBulk {

	static final String BULK_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";

	private static final Logger logger = LoggerFactory.getLogger(ScimBulk.class);

	private final ScimUsers users;

	private final ScimGroups groups;

	private final ScimActivity activity;

	private final DatabaseAvailability database;

	private final Duration retryAfter;

	ScimBulk(ScimUsers users, ScimGroups groups, ScimActivity activity, DatabaseAvailability database,
			RosterProperties properties) {
		this.users = users;
		this.groups = groups;
		this.activity = activity;
		this.database = database;
		this.retryAfter = properties.scim().unavailableRetryAfter();
	}

	/**
	 * Runs the operations and returns the BulkResponse. Each operation records its own
	 * activity entry, besides the entry of the Bulk request itself.
	 */
	ObjectNode process(ScimCall call, BulkRequest request, String baseUrl, String requestId) {
		Run run = new Run(call, request, baseUrl, requestId);
		BulkPlan plan = BulkPlan.of(request);
		ObjectNode[] results = new ObjectNode[request.operations().size()];
		int errors = 0;
		for (int index : plan.order()) {
			BulkOperation operation = request.operations().get(index);
			results[index] = run.execute(operation, plan.cycles().get(index));
			if (!isSuccess(results[index]) && ++errors >= request.failOnErrors()) {
				break;
			}
		}
		if (run.unexpectedFailures > 1) {
			logger.error("{} Bulk operations failed unexpectedly (request id {}), and the first one is logged above",
					run.unexpectedFailures, requestId);
		}
		ObjectNode response = ScimJson.object();
		response.putArray("schemas").add(BULK_RESPONSE);
		ArrayNode operations = response.putArray("Operations");
		for (ObjectNode result : results) {
			if (result != null) {
				operations.add(result);
			}
		}
		return response;
	}

	private static ObjectNode result(BulkOperation operation, int status, @Nullable String location) {
		ObjectNode result = ScimJson.object();
		String method = (operation.method() != null) ? operation.method().name() : operation.methodText();
		JsonAttributes.putText(result, "method", method);
		JsonAttributes.putText(result, "bulkId", operation.bulkId());
		JsonAttributes.putText(result, "location", location);
		result.put("status", String.valueOf(status));
		return result;
	}

	/**
	 * Returns whether an operation of the BulkResponse got 503, which Roster returns when
	 * the database is unreachable or an operation was a deadlock victim.
	 */
	static boolean anyUnavailable(ObjectNode response) {
		for (JsonNode operation : response.path("Operations")) {
			if (operation.path("status").asString().equals("503")) {
				return true;
			}
		}
		return false;
	}

	private static boolean isSuccess(ObjectNode result) {
		return result.get("status").stringValue().startsWith("2");
	}

	/** The state of one Bulk request while it runs. */
	private final class Run {

		private final ScimCall call;

		/** The activity call of the operation that runs. */
		private ScimCall current;

		private final String baseUrl;

		private final String requestId;

		private final Map<String, Integer> posts;

		/** The id each successful POST created, by bulkId. */
		private final Map<String, String> createdIds = new HashMap<>();

		/** The status of each failed POST, by bulkId. */
		private final Map<String, Integer> failedPosts = new HashMap<>();

		private int unexpectedFailures;

		private boolean databaseUnreachable;

		Run(ScimCall call, BulkRequest request, String baseUrl, String requestId) {
			this.call = call;
			this.current = call;
			this.baseUrl = baseUrl;
			this.requestId = requestId;
			this.posts = request.postsByBulkId();
		}

		ObjectNode execute(BulkOperation operation, @Nullable List<String> cycle) {
			String location = (operation.target() != null && operation.method() != BulkOpType.POST)
					? this.baseUrl + operation.target().path() : null;
			String method = (operation.method() != null) ? operation.method().name() : "Bulk";
			this.current = this.call.operation(method,
					(operation.target() != null) ? operation.target().endpoint() : "/Bulk", null);
			try {
				if (this.databaseUnreachable) {
					throw ScimOutages.unavailable(this.requestId, ScimBulk.this.retryAfter);
				}
				if (operation.error() != null) {
					throw operation.error();
				}
				if (cycle != null) {
					throw new ResourceConflictException("Circular bulkId reference " + String.join(" -> ", cycle)
							+ ". Roster cannot resolve it in one Bulk request, so create these resources first"
							+ " and link them with PATCH");
				}
				Map<String, String> ids = resolveReferences(operation);
				BulkOperation.Target target = operation.target();
				String id = (target.id() != null) ? BulkReferences.resolve(target.id(), ids) : null;
				if (id != null) {
					location = this.baseUrl + target.endpoint() + "/" + id;
					this.current.resourceId(id);
				}
				if (operation.data() != null) {
					BulkReferences.resolve(operation.data(), ids);
				}
				return target.endpoint().equals("/Users") ? user(operation, id) : group(operation, id);
			}
			catch (ScimException ex) {
				return failure(operation, ex, location);
			}
			catch (ScimFailure ex) {
				return failure(operation, ex.scimException(), location);
			}
			catch (DirectoryException ex) {
				return failure(operation, ScimErrors.of(ex), location);
			}
			catch (DataIntegrityViolationException ex) {
				logger.debug("Bulk operation {} violated a database constraint (SQLSTATE {})", operation.index(),
						DatabaseFailures.sqlState(ex));
				return failure(operation, ScimErrors.constraintViolation(), location);
			}
			catch (RuntimeException ex) {
				if (DatabaseFailures.isLockConflict(ex)) {
					logger.warn(
							"Bulk operation {} rolled back after a lock conflict with a concurrent request"
									+ " (SQLSTATE {}, request id {})",
							operation.index(), DatabaseFailures.sqlState(ex), this.requestId);
					return failure(operation, ScimErrors.lockConflict(this.requestId), location);
				}
				if (DatabaseFailures.isOutage(ex)) {
					this.databaseUnreachable = true;
					ScimBulk.this.database.failedToReachDatabase();
					return failure(operation, ScimOutages.unavailable(this.requestId, ScimBulk.this.retryAfter),
							location);
				}
				return unexpectedFailure(operation, ex, location);
			}
		}

		/**
		 * Returns the created id of every bulkId the operation references.
		 * @throws BadRequestException {@code invalidValue} when a reference names no POST
		 * in the request
		 * @throws ResourceConflictException when a referenced POST failed
		 */
		private Map<String, String> resolveReferences(BulkOperation operation) throws ScimException {
			List<String> unknown = operation.references().stream().filter((id) -> !this.posts.containsKey(id)).toList();
			if (!unknown.isEmpty()) {
				throw BadRequestException.invalidValue("No POST operation in this Bulk request has the bulkId that "
						+ BulkReferences.describe(unknown) + " references");
			}
			Map<String, String> ids = new HashMap<>();
			for (String bulkId : operation.references()) {
				String id = this.createdIds.get(bulkId);
				if (id == null) {
					throw new ResourceConflictException(BulkReferences.describe(List.of(bulkId))
							+ " cannot be resolved because the POST with that bulkId failed with status "
							+ this.failedPosts.get(bulkId));
				}
				ids.put(bulkId, id);
			}
			return ids;
		}

		private ObjectNode user(BulkOperation operation, @Nullable String id) throws ScimException {
			ScimUsers users = ScimBulk.this.users;
			Long expected = expectedVersion(operation);
			if (operation.method() == BulkOpType.DELETE) {
				users.delete(this.current, id, expected);
				return success(operation, 204, this.baseUrl + "/Users/" + id, null);
			}
			Colleague colleague = switch (operation.method()) {
				case POST -> users.create(this.current, operation.data());
				case PUT -> users.replace(this.current, id, expected, operation.data());
				default -> users.patch(this.current, id, expected, operation.data());
			};
			created(operation, colleague.linkId());
			int status = (operation.method() == BulkOpType.POST) ? 201 : 200;
			return success(operation, status, ScimUsers.location(colleague, this.baseUrl), colleague.version());
		}

		/**
		 * Runs a Group operation. A PATCH returns 204, as {@code PATCH /Groups/{id}}
		 * without {@code attributes} does.
		 */
		private ObjectNode group(BulkOperation operation, @Nullable String id) throws ScimException {
			ScimGroups groups = ScimBulk.this.groups;
			Long expected = expectedVersion(operation);
			if (operation.method() == BulkOpType.DELETE) {
				groups.delete(this.current, id, expected);
				return success(operation, 204, this.baseUrl + "/Groups/" + id, null);
			}
			Team team = switch (operation.method()) {
				case POST -> groups.create(this.current, operation.data());
				case PUT -> groups.replace(this.current, id, expected, operation.data());
				default -> groups.patch(this.current, id, expected, operation.data(), 204);
			};
			created(operation, team.linkId());
			int status = switch (operation.method()) {
				case POST -> 201;
				case PATCH -> 204;
				default -> 200;
			};
			return success(operation, status, ScimGroups.location(team, this.baseUrl), team.version());
		}

		private @Nullable Long expectedVersion(BulkOperation operation) throws ScimException {
			return (operation.method() == BulkOpType.POST) ? null
					: ScimRequests.expectedVersion(operation.version(), "version");
		}

		private void created(BulkOperation operation, String linkId) {
			if (operation.method() == BulkOpType.POST) {
				this.createdIds.put(operation.bulkId(), linkId);
			}
		}

		private ObjectNode success(BulkOperation operation, int status, String location, @Nullable Long version) {
			ObjectNode result = result(operation, status, location);
			if (version != null) {
				result.put("version", Meta.etag(version));
			}
			return result;
		}

		private ObjectNode failure(BulkOperation operation, ScimException ex, @Nullable String location) {
			int status = ex.getScimError().getStatus();
			logger.debug("Bulk operation {} rejected with status {}: {}", operation.index(), status,
					LogText.sanitize(String.valueOf(ex.getMessage())));
			if (operation.createsBulkId()) {
				this.failedPosts.put(operation.bulkId(), status);
			}
			this.current.failed(ex);
			// Once the database is unreachable, recording would fail for every operation.
			if (!this.databaseUnreachable) {
				ScimBulk.this.activity.recordOutcome(this.current, status);
			}
			ObjectNode result = result(operation, status, location);
			result.set("response", ScimErrors.body(ex));
			return result;
		}

		private ObjectNode unexpectedFailure(BulkOperation operation, RuntimeException ex, @Nullable String location) {
			this.unexpectedFailures++;
			if (this.unexpectedFailures == 1) {
				logger.error("Bulk operation {} failed unexpectedly (request id {})", operation.index(), this.requestId,
						LogText.sanitize(ex));
			}
			return failure(operation, new ServerErrorException(
					"Internal error. This operation changed nothing. Request id: " + this.requestId), location);
		}

	}

}
