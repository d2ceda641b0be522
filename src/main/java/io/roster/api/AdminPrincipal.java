package io.roster.api;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import io.roster.tenant.AdminAccount;

/**
 * The principal that Spring Security stores for a signed-in company admin.
 */
final class AdminPrincipal implements UserDetails {

	static final String ROLE = "COMPANY_ADMIN";

	private final AdminAccount account;

	private final String passwordHash;

	AdminPrincipal(AdminAccount account, String passwordHash) {
		this.account = account;
		this.passwordHash = passwordHash;
	}

	AdminAccount account() {
		return this.account;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + ROLE));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.account.email();
	}

}
