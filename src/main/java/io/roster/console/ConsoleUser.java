package io.roster.console;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import io.roster.tenant.AdminAccount;
import io.roster.tenant.OperatorAccount;

/**
 * A person signed in to the console: a company admin or an operator. It is stored in the
 * HTTP session, which Spring Session serializes into the database, so it holds only plain
 * values. The password hash is transient and erased once the sign-in has checked it.
 */
final class ConsoleUser implements UserDetails, CredentialsContainer, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	/** The two kinds of console user, each with the role its pages require. */
	enum Kind {

		ADMIN("COMPANY_ADMIN"), OPERATOR("OPERATOR");

		private final String role;

		Kind(String role) {
			this.role = role;
		}

		String role() {
			return this.role;
		}

	}

	private final Kind kind;

	private final UUID id;

	private final @Nullable UUID companyId;

	private final String email;

	private final Instant createdAt;

	private transient @Nullable String passwordHash;

	private ConsoleUser(Kind kind, UUID id, @Nullable UUID companyId, String email, Instant createdAt,
			String passwordHash) {
		this.kind = kind;
		this.id = id;
		this.companyId = companyId;
		this.email = email;
		this.createdAt = createdAt;
		this.passwordHash = passwordHash;
	}

	static ConsoleUser admin(AdminAccount account, String passwordHash) {
		return new ConsoleUser(Kind.ADMIN, account.id(), account.companyId(), account.email(), account.createdAt(),
				passwordHash);
	}

	static ConsoleUser operator(OperatorAccount account, String passwordHash) {
		return new ConsoleUser(Kind.OPERATOR, account.id(), null, account.email(), account.createdAt(), passwordHash);
	}

	Kind kind() {
		return this.kind;
	}

	String email() {
		return this.email;
	}

	/**
	 * Returns the admin account of a company admin.
	 * @throws IllegalStateException for an operator
	 */
	AdminAccount adminAccount() {
		if (this.kind != Kind.ADMIN || this.companyId == null) {
			throw new IllegalStateException("An operator has no admin account");
		}
		return new AdminAccount(this.companyId, this.id, this.email, this.createdAt);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + this.kind.role()));
	}

	@Override
	public @Nullable String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.email;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

}
