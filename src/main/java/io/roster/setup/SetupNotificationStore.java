package io.roster.setup;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.roster.tenant.IdentityProvider;

/**
 * Stores the notifications for support.
 */
@Repository
class SetupNotificationStore {

	private final JdbcClient jdbc;

	SetupNotificationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(SetupNotification notification) {
		this.jdbc.sql("""
				INSERT INTO setup_notification (company_id, id, connection_id, provider, message, created_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(notification.companyId(), notification.id(), notification.connectionId(),
					notification.provider().code(), notification.message(),
					OffsetDateTime.ofInstant(notification.createdAt(), ZoneOffset.UTC))
			.update();
	}

	/**
	 * Returns the newest notifications of all companies, for support. This is the one
	 * query across companies, since support serves them all.
	 */
	List<SetupNotification> newest(int limit) {
		return this.jdbc.sql("SELECT * FROM setup_notification ORDER BY seq DESC LIMIT ?")
			.param(limit)
			.query((rs, row) -> new SetupNotification(rs.getObject("company_id", UUID.class),
					rs.getObject("id", UUID.class), rs.getObject("connection_id", UUID.class),
					IdentityProvider.parse(rs.getString("provider")).orElse(IdentityProvider.OTHER),
					rs.getString("message"), rs.getObject("created_at", OffsetDateTime.class).toInstant()))
			.list();
	}

}
