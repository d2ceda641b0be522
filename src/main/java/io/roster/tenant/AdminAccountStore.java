package io.roster.tenant;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores admin accounts with their password hashes.
 */
@Repository
class AdminAccountStore {

	/** An account with its password hash, which never leaves the tenant package. */
	record StoredAdmin(AdminAccount account, String passwordHash) {
	}

	private final JdbcClient jdbc;

	AdminAccountStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(AdminAccount account, String passwordHash) {
		this.jdbc.sql("""
				INSERT INTO admin_account (company_id, id, email, email_key, password_hash, created_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(account.companyId(), account.id(), account.email(), key(account.email()), passwordHash,
					OffsetDateTime.ofInstant(account.createdAt(), ZoneOffset.UTC))
			.update();
	}

	Optional<StoredAdmin> findByEmail(String email) {
		return this.jdbc.sql("SELECT * FROM admin_account WHERE email_key = ?")
			.param(key(email))
			.query((rs, row) -> new StoredAdmin(
					new AdminAccount(rs.getObject("company_id", UUID.class), rs.getObject("id", UUID.class),
							rs.getString("email"), rs.getObject("created_at", OffsetDateTime.class).toInstant()),
					rs.getString("password_hash")))
			.optional();
	}

	private static String key(String email) {
		return email.toLowerCase(Locale.ROOT);
	}

	static Instant now() {
		return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
	}

}
