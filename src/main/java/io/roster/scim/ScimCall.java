package io.roster.scim;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

import com.unboundid.scim2.common.exceptions.ScimException;

import io.roster.activity.ActivityEntry;
import io.roster.system.RequestIds;
import io.roster.system.TimeOrderedIds;
import io.roster.tenant.Actor;
import io.roster.tenant.Company;
import io.roster.tenant.ScimAccess;

/**
 * One SCIM request, or one operation of a Bulk request, as the activity log records it:
 * who made it, what it targets, the client habits applied to it, what it changed and how
 * it failed. A write records its entry with its change; anything else is recorded when
 * the response is complete.
 */
final class ScimCall {

	private static final String ATTRIBUTE = ScimCall.class.getName();

	private final ScimAccess access;

	/** The company whose directory the call reads and writes; see {@link #company()}. */
	private Company directory;

	private final String requestId;

	private final String method;

	private final String resourceType;

	private @Nullable String resourceId;

	private final Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	private final List<String> habits = new ArrayList<>();

	private List<String> changedAttributes = List.of();

	private @Nullable ScimException error;

	private boolean recorded;

	private ScimCall(ScimAccess access, String requestId, String method, String resourceType,
			@Nullable String resourceId) {
		this.access = access;
		this.directory = access.directory();
		this.requestId = requestId;
		this.method = method;
		this.resourceType = resourceType;
		this.resourceId = resourceId;
	}

	/** Starts the call of an authenticated request and attaches it to the request. */
	static ScimCall start(HttpServletRequest request, ScimAccess access) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String[] segments = path.substring(Math.min(path.length(), ScimWebConfiguration.BASE_PATH.length())).split("/");
		String endpoint = (segments.length > 1) ? segments[1] : "";
		String id = (segments.length > 2 && !segments[2].startsWith(".")) ? segments[2] : null;
		ScimCall call = new ScimCall(access, RequestIds.of(request), request.getMethod(), resourceType(endpoint), id);
		request.setAttribute(ATTRIBUTE, call);
		return call;
	}

	/** Returns the call of a request, or {@code null} when no token authenticated it. */
	static @Nullable ScimCall of(HttpServletRequest request) {
		return (ScimCall) request.getAttribute(ATTRIBUTE);
	}

	/** Starts the call of one Bulk operation, recorded on its own. */
	ScimCall operation(String method, String endpoint, @Nullable String id) {
		ScimCall operation = new ScimCall(this.access, this.requestId, method, resourceType(endpoint.replace("/", "")),
				id);
		operation.directory = this.directory;
		return operation;
	}

	/**
	 * Returns the company whose directory the call reads and writes: the token's company,
	 * or its staging company while the connection is in setup.
	 */
	Company company() {
		return this.directory;
	}

	/** Returns the id of the token's company, which records the call's activity. */
	UUID activityCompanyId() {
		return this.access.company().id();
	}

	ScimAccess access() {
		return this.access;
	}

	/** Moves the call's reads and writes to another directory, as a change requires. */
	void directory(Company company) {
		this.directory = company;
	}

	Actor actor() {
		return this.access.actor();
	}

	void habitsApplied(List<String> names) {
		this.habits.addAll(names);
	}

	void resourceId(@Nullable String id) {
		if (id != null) {
			this.resourceId = id;
		}
	}

	void changed(List<String> attributes) {
		this.changedAttributes = List.copyOf(attributes);
	}

	void failed(ScimException ex) {
		this.error = ex;
	}

	boolean isRecorded() {
		return this.recorded;
	}

	void markRecorded() {
		this.recorded = true;
	}

	ActivityEntry entry(int status) {
		return entry(status, this.resourceId, this.changedAttributes);
	}

	/**
	 * Returns the entry the call would have if it changed these attributes of this
	 * resource, without taking them as the call's.
	 */
	ActivityEntry entry(int status, @Nullable String resourceId, List<String> changedAttributes) {
		ScimException failure = (status >= 400) ? this.error : null;
		String errorType = (failure != null) ? failure.getScimError().getScimType() : null;
		String detail = (failure != null) ? failure.getScimError().getDetail() : null;
		return new ActivityEntry(0, TimeOrderedIds.next(), this.startedAt, this.access.connection().id(),
				this.requestId, this.method, this.resourceType, (resourceId != null) ? resourceId : this.resourceId,
				status, (status < 400) ? changedAttributes : List.of(), this.habits, errorType, detail);
	}

	private static String resourceType(String endpoint) {
		return switch (endpoint) {
			case "Users" -> "User";
			case "Groups" -> "Group";
			case "" -> "Root";
			case ".search" -> "Root";
			default -> (endpoint.length() > 40) ? endpoint.substring(0, 40) : endpoint;
		};
	}

}
