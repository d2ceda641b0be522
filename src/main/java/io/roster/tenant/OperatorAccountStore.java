package io.roster.tenant;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores operator accounts with their password hashes.
 */
@Repository
class OperatorAccountStore {

	/** An account with its password hash, which never leaves the tenant package. */
	record StoredOperator(OperatorAccount account, String passwordHash) {
	}

	private final JdbcClient jdbc;

	OperatorAccountStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(OperatorAccount account, String passwordHash) {
		this.jdbc.sql("""
				INSERT INTO operator_account (id, email, email_key, password_hash, created_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(account.id(), account.email(), key(account.email()), passwordHash,
					OffsetDateTime.ofInstant(account.createdAt(), ZoneOffset.UTC))
			.update();
	}

	Optional<StoredOperator> findByEmail(String email) {
		return this.jdbc.sql("SELECT * FROM operator_account WHERE email_key = ?")
			.param(key(email))
			.query((rs, row) -> new StoredOperator(
					new OperatorAccount(rs.getObject("id", UUID.class), rs.getString("email"),
							rs.getObject("created_at", OffsetDateTime.class).toInstant()),
					rs.getString("password_hash")))
			.optional();
	}

	long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM operator_account").query(Long.class).single();
	}

	private static String key(String email) {
		return email.toLowerCase(Locale.ROOT);
	}

}
