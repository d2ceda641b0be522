package io.roster.scim;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.unboundid.scim2.common.bulk.BulkOpType;
import com.unboundid.scim2.common.exceptions.BadRequestException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One operation of a Bulk request (RFC 7644 section 3.7): a method, a bulkId (required
 * for POST), a path such as {@code /Users} or {@code /Groups/{id}}, an optional
 * {@code version} used as {@code If-Match}, and {@code data} for POST, PUT and PATCH. The
 * method is matched ignoring case. A malformed operation keeps its error and fails alone
 * when its turn comes, so the other operations still run.
 *
 * @param index position in the request's {@code Operations}
 * @param methodText the method as sent, echoed in the response; {@code null} unless a
 * string
 * @param method {@code null} when {@code methodText} names no Bulk method
 * @param target {@code null} when the path is missing or malformed
 * @param references the bulkIds that the path and the data reference
 * @param error why the operation is malformed, or {@code null}
 */
record BulkOperation(int index, @Nullable String methodText, @Nullable BulkOpType method, @Nullable String bulkId,
		@Nullable String version, @Nullable Target target, @Nullable ObjectNode data, Set<String> references,
		@Nullable BadRequestException error) {

	private static final Pattern PATH = Pattern.compile("^/(Users|Groups)(?:/([^/?#]+))?$");

	/**
	 * The endpoint an operation addresses, {@code /Users} or {@code /Groups}, and for
	 * PUT, PATCH and DELETE the id of a resource there, which may be a bulkId reference.
	 */
	record Target(String endpoint, @Nullable String id) {

		String path() {
			return (this.id != null) ? this.endpoint + "/" + this.id : this.endpoint;
		}

	}

	/**
	 * Reads one element of {@code Operations}. A malformed element becomes an operation
	 * that carries its error, instead of an exception that would fail the whole request.
	 */
	static BulkOperation parse(JsonNode node, int index) {
		String where = "Operations[" + index + "]";
		if (!(node instanceof ObjectNode operation)) {
			return new BulkOperation(index, null, null, null, null, null, null, Set.of(), BadRequestException
				.invalidSyntax(where + " must be a JSON object, not " + JsonAttributes.kind(node)));
		}
		String methodText = string(operation.get("method"));
		String bulkId = string(operation.get("bulkId"));
		BulkOpType method = null;
		Target target = null;
		try {
			method = method(operation.get("method"), where);
			checkBulkId(operation.get("bulkId"), method, where);
			target = target(operation.get("path"), method, where);
			String version = version(operation.get("version"), where);
			ObjectNode data = data(operation.get("data"), method, where);
			Set<String> references = new LinkedHashSet<>();
			if (target.id() != null) {
				BulkReferences.collect(target.id(), references);
			}
			BulkReferences.collect(data, references);
			return new BulkOperation(index, methodText, method, bulkId, version, target, data, references, null);
		}
		catch (BadRequestException ex) {
			return new BulkOperation(index, methodText, method, bulkId, null, target, null, Set.of(), ex);
		}
	}

	/** Returns whether this is a POST that other operations can reference by bulkId. */
	boolean createsBulkId() {
		return this.method == BulkOpType.POST && this.bulkId != null && !this.bulkId.isEmpty();
	}

	private static BulkOpType method(@Nullable JsonNode method, String where) throws BadRequestException {
		if (method == null || method.isNull()) {
			throw BadRequestException.invalidValue(where + " needs a 'method' of POST, PUT, PATCH or DELETE");
		}
		if (method.isString()) {
			switch (method.stringValue().toUpperCase(Locale.ROOT)) {
				case "POST":
					return BulkOpType.POST;
				case "PUT":
					return BulkOpType.PUT;
				case "PATCH":
					return BulkOpType.PATCH;
				case "DELETE":
					return BulkOpType.DELETE;
				default:
					break;
			}
		}
		throw BadRequestException
			.invalidValue(where + " 'method' must be POST, PUT, PATCH or DELETE, not " + JsonAttributes.kind(method));
	}

	private static void checkBulkId(@Nullable JsonNode bulkId, BulkOpType method, String where)
			throws BadRequestException {
		if (bulkId == null || bulkId.isNull()) {
			if (method == BulkOpType.POST) {
				throw BadRequestException.invalidValue(where + " is a POST, so it needs a 'bulkId'");
			}
			return;
		}
		if (!bulkId.isString() || bulkId.stringValue().isEmpty()) {
			throw BadRequestException
				.invalidValue(where + " 'bulkId' must be a non-empty string, not " + JsonAttributes.kind(bulkId));
		}
	}

	private static Target target(@Nullable JsonNode path, BulkOpType method, String where) throws BadRequestException {
		if (path == null || path.isNull()) {
			throw BadRequestException.invalidValue(where + " needs a 'path' such as /Users or /Groups/{id}");
		}
		Matcher matcher = path.isString() ? PATH.matcher(path.stringValue()) : null;
		if (matcher == null || !matcher.matches()) {
			throw BadRequestException.invalidPath(where + " 'path' must be /Users, /Groups, /Users/{id} or"
					+ " /Groups/{id}, not " + JsonAttributes.kind(path));
		}
		Target target = new Target("/" + matcher.group(1), matcher.group(2));
		if (method == BulkOpType.POST && target.id() != null) {
			throw BadRequestException
				.invalidPath(where + " is a POST, so its 'path' must be /Users or /Groups, not " + target.path());
		}
		if (method != BulkOpType.POST && target.id() == null) {
			throw BadRequestException.invalidPath(where + " is a " + method + ", so its 'path' must name one"
					+ " resource, such as " + target.endpoint() + "/{id}");
		}
		return target;
	}

	private static @Nullable String version(@Nullable JsonNode version, String where) throws BadRequestException {
		if (version == null || version.isNull()) {
			return null;
		}
		if (!version.isString()) {
			throw BadRequestException.invalidValue(where + " 'version' must be an entity tag string such as"
					+ " W/\"3\", not " + JsonAttributes.kind(version));
		}
		return version.stringValue();
	}

	private static @Nullable ObjectNode data(@Nullable JsonNode data, BulkOpType method, String where)
			throws BadRequestException {
		if (method == BulkOpType.DELETE) {
			return null;
		}
		if (data == null || data.isNull()) {
			throw BadRequestException.invalidValue(where + " is a " + method + ", so it needs 'data'");
		}
		if (!data.isObject()) {
			throw BadRequestException
				.invalidSyntax(where + " 'data' must be a JSON object, not " + JsonAttributes.kind(data));
		}
		return (ObjectNode) data;
	}

	private static @Nullable String string(@Nullable JsonNode node) {
		return (node != null && node.isString()) ? node.stringValue() : null;
	}

}
