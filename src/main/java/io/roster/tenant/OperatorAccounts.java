package io.roster.tenant;

import java.util.Optional;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates operator accounts and looks them up for sign-in. Like admin passwords, operator
 * passwords are random, returned once, and stored only as hashes of the configured
 * {@link PasswordEncoder}.
 */
@Service
public class OperatorAccounts {

	private final OperatorAccountStore store;

	private final PasswordEncoder encoder;

	OperatorAccounts(OperatorAccountStore store, PasswordEncoder encoder) {
		this.store = store;
		this.encoder = encoder;
	}

	/** An operator account together with its password hash, for a sign-in check. */
	public record Credentials(OperatorAccount account, String passwordHash) {
	}

	/**
	 * Creates an operator with a random password and returns the password, which is not
	 * stored.
	 * @throws org.springframework.dao.DuplicateKeyException when an operator has the
	 * email, ignoring case
	 */
	@Transactional
	public String create(String email) {
		String password = RandomPasswords.next();
		OperatorAccount account = new OperatorAccount(UUID.randomUUID(), email, AdminAccountStore.now());
		this.store.insert(account, this.encoder.encode(password));
		return password;
	}

	/** Returns the operator with the email, ignoring case, with the password hash. */
	public Optional<Credentials> findForSignIn(String email) {
		return this.store.findByEmail(email).map((stored) -> new Credentials(stored.account(), stored.passwordHash()));
	}

	public long count() {
		return this.store.count();
	}

}
