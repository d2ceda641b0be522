package io.roster.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.roster.tenant.ConnectionState;
import io.roster.tenant.ScimConnection;
import io.roster.tenant.ScimConnections;

/**
 * The SCIM connections of the admin's company. An admin can disable a connection, whose
 * tokens then get 401, and enable it again, which makes it live.
 */
@RestController
@RequestMapping("/api/v1/scim-connections")
class ScimConnectionsController {

	private final ScimConnections connections;

	private final ApiCallers callers;

	ScimConnectionsController(ScimConnections connections, ApiCallers callers) {
		this.connections = connections;
		this.callers = callers;
	}

	/** A connection, with its state: {@code setup}, {@code live} or {@code disabled}. */
	record ConnectionView(UUID id, String provider, String identityProvider, String state, Instant createdAt,
			Instant updatedAt) {

		static ConnectionView of(ScimConnection connection) {
			return new ConnectionView(connection.id(), connection.provider().code(),
					connection.provider().displayName(), connection.state().code(), connection.createdAt(),
					connection.updatedAt());
		}

	}

	@GetMapping
	List<ConnectionView> list() {
		return this.connections.list(this.callers.current().companyId()).stream().map(ConnectionView::of).toList();
	}

	@PostMapping("/{id}/disable")
	ConnectionView disable(@PathVariable UUID id) {
		return change(id, ConnectionState.DISABLED);
	}

	/**
	 * Enables a disabled connection again: as live, or in setup when its first sync is
	 * not finished.
	 * @throws ApiException 409 when the company has another connection that is not
	 * disabled
	 */
	@PostMapping("/{id}/enable")
	ConnectionView enable(@PathVariable UUID id) {
		return change(id, ConnectionState.LIVE);
	}

	private ConnectionView change(UUID id, ConnectionState state) {
		UUID companyId = this.callers.current().companyId();
		ScimConnection current = this.connections.find(companyId, id)
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "id", "SCIM connection " + id + " not found"));
		if (current.state() == state || (state == ConnectionState.LIVE && !current.isDisabled())) {
			return ConnectionView.of(current);
		}
		try {
			return this.connections.changeState(companyId, id, state)
				.map(ConnectionView::of)
				.orElseThrow(
						() -> new ApiException(HttpStatus.NOT_FOUND, "id", "SCIM connection " + id + " not found"));
		}
		catch (IllegalStateException ex) {
			throw new ApiException(HttpStatus.CONFLICT, "state", "The company has another SCIM connection that is not"
					+ " disabled; disable it before enabling this one");
		}
	}

}
