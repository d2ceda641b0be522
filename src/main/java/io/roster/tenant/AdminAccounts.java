package io.roster.tenant;

import java.util.Optional;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates company admin accounts and looks them up for sign-in. Passwords are stored only
 * as hashes of the configured {@link PasswordEncoder}; a new account's password is 144
 * random bits, returned once.
 */
@Service
public class AdminAccounts {

	private final AdminAccountStore store;

	private final PasswordEncoder encoder;

	AdminAccounts(AdminAccountStore store, PasswordEncoder encoder) {
		this.store = store;
		this.encoder = encoder;
	}

	/** An admin account together with its password hash, for a sign-in check. */
	public record Credentials(AdminAccount account, String passwordHash) {
	}

	/**
	 * Creates an admin of the company with a random password and returns the password,
	 * which is not stored.
	 * @throws org.springframework.dao.DuplicateKeyException when the email already
	 * belongs to an admin of any company
	 */
	@Transactional
	public String create(UUID companyId, String email) {
		String password = RandomPasswords.next();
		AdminAccount account = new AdminAccount(companyId, UUID.randomUUID(), email, AdminAccountStore.now());
		this.store.insert(account, this.encoder.encode(password));
		return password;
	}

	/** Returns the admin with the email, ignoring case, with the password hash. */
	public Optional<Credentials> findForSignIn(String email) {
		return this.store.findByEmail(email).map((stored) -> new Credentials(stored.account(), stored.passwordHash()));
	}

}
