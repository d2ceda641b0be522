package io.roster.tenant;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Who makes a change: a SCIM connection, a company admin, a support operator, or Roster
 * itself. History and activity record the actor with every change.
 *
 * @param id the connection's, admin account's or operator's id; {@code null} for the
 * system
 * @param name what a person reads in the history, such as {@code Okta} or an admin's
 * email
 */
public record Actor(Type type, @Nullable UUID id, String name) {

	/** The kinds of actor, with the code stored in history entries. */
	public enum Type {

		SCIM("scim"), ADMIN("admin"), OPERATOR("operator"), SYSTEM("system");

		private final String code;

		Type(String code) {
			this.code = code;
		}

		public String code() {
			return this.code;
		}

		public static Type fromCode(String code) {
			for (Type type : values()) {
				if (type.code.equals(code)) {
					return type;
				}
			}
			throw new IllegalArgumentException("Unknown actor type " + code);
		}

	}

	/** Roster itself, for changes no person or identity provider asked for. */
	public static final Actor SYSTEM = new Actor(Type.SYSTEM, null, "Roster");

	public static Actor scim(ScimConnection connection) {
		return new Actor(Type.SCIM, connection.id(), connection.provider().displayName());
	}

	public static Actor admin(AdminAccount admin) {
		return new Actor(Type.ADMIN, admin.id(), admin.email());
	}

	/**
	 * A member of the product's support staff, such as the one who finishes a first sync.
	 */
	public static Actor operator(UUID id, String name) {
		return new Actor(Type.OPERATOR, id, name);
	}

}
