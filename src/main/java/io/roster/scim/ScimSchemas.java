package io.roster.scim;

import java.util.List;

import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.AttributeDefinition.Mutability;
import com.unboundid.scim2.common.types.AttributeDefinition.Type;
import com.unboundid.scim2.common.types.AttributeDefinition.Uniqueness;
import com.unboundid.scim2.common.types.SchemaResource;

/**
 * The schemas Roster serves (RFC 7643 sections 4 and 7), limited to the attributes it
 * stores. Discovery publishes exactly these definitions, and filters are checked against
 * them, so the two cannot disagree.
 */
final class ScimSchemas {

	static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";

	static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

	static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

	/** Roster's own User extension, which carries the product role. */
	static final String ROSTER_USER = "urn:ietf:params:scim:schemas:extension:roster:2.0:User";

	static final SchemaResource USER_SCHEMA = new SchemaResource(USER, "User", "A colleague in the company", List.of(
			string("userName", true, false, Uniqueness.SERVER, "Unique identifier, the colleague's sign-in email"),
			complex("name", false, "The components of the colleague's name",
					string("formatted", false, false, Uniqueness.NONE, "The full name"),
					string("familyName", false, false, Uniqueness.NONE, "The family name"),
					string("givenName", false, false, Uniqueness.NONE, "The given name")),
			string("displayName", false, false, Uniqueness.NONE, "The name to display"),
			string("title", false, false, Uniqueness.NONE, "The job title"),
			bool("active", "Whether the colleague can use the product"),
			multiValued("emails", "Email addresses",
					string("value", false, false, Uniqueness.NONE, "The email address"),
					string("type", false, false, Uniqueness.NONE, "A label such as work"),
					string("display", false, false, Uniqueness.NONE, "A display value"),
					bool("primary", "Whether this is the primary address")),
			multiValued("roles", "Roles of the colleague", string("value", false, false, Uniqueness.NONE, "The role"),
					string("type", false, false, Uniqueness.NONE, "A label for the role"),
					string("display", false, false, Uniqueness.NONE, "A display value"),
					bool("primary", "Whether this is the primary role"))));

	static final SchemaResource ENTERPRISE_USER_SCHEMA = new SchemaResource(ENTERPRISE_USER, "EnterpriseUser",
			"Enterprise attributes of a colleague",
			List.of(string("employeeNumber", false, false, Uniqueness.NONE, "The employee number"),
					string("costCenter", false, false, Uniqueness.NONE, "The cost center"),
					string("organization", false, false, Uniqueness.NONE, "The organization"),
					string("division", false, false, Uniqueness.NONE, "The division"),
					string("department", false, false, Uniqueness.NONE, "The department"),
					complex("manager", false, "The colleague's manager",
							string("value", false, true, Uniqueness.NONE, "The id of the manager's User"))));

	static final SchemaResource ROSTER_USER_SCHEMA = new SchemaResource(ROSTER_USER, "RosterUser",
			"Roster attributes of a colleague",
			List.of(new AttributeDefinition.Builder().setName("role")
				.setType(Type.STRING)
				.setCaseExact(false)
				.addCanonicalValues("admin", "member", "light")
				.setDescription("The product role: admin, member (a full user) or light (a light user). When absent,"
						+ " the primary value of roles, or its only value, sets the role; a new colleague without"
						+ " either gets the company's default role")
				.build()));

	static final SchemaResource GROUP_SCHEMA = new SchemaResource(GROUP, "Group", "A team in the company",
			List.of(string("displayName", true, false, Uniqueness.SERVER, "The name of the team"),
					multiValued("members", "The members of the team",
							new AttributeDefinition.Builder().setName("value")
								.setType(Type.STRING)
								.setMutability(Mutability.IMMUTABLE)
								.setCaseExact(true)
								.setDescription("The id of a member User")
								.build(),
							readOnlyString("display", "The member's display name"),
							new AttributeDefinition.Builder().setName("type")
								.setType(Type.STRING)
								.setMutability(Mutability.IMMUTABLE)
								.addCanonicalValues("User")
								.setDescription("The type of the member, always User")
								.build())));

	private ScimSchemas() {
	}

	private static AttributeDefinition string(String name, boolean required, boolean caseExact, Uniqueness uniqueness,
			String description) {
		return new AttributeDefinition.Builder().setName(name)
			.setType(Type.STRING)
			.setRequired(required)
			.setCaseExact(caseExact)
			.setUniqueness(uniqueness)
			.setDescription(description)
			.build();
	}

	private static AttributeDefinition readOnlyString(String name, String description) {
		return new AttributeDefinition.Builder().setName(name)
			.setType(Type.STRING)
			.setMutability(Mutability.READ_ONLY)
			.setDescription(description)
			.build();
	}

	private static AttributeDefinition bool(String name, String description) {
		return new AttributeDefinition.Builder().setName(name)
			.setType(Type.BOOLEAN)
			.setDescription(description)
			.build();
	}

	private static AttributeDefinition complex(String name, boolean multiValued, String description,
			AttributeDefinition... subAttributes) {
		return new AttributeDefinition.Builder().setName(name)
			.setType(Type.COMPLEX)
			.setMultiValued(multiValued)
			.setDescription(description)
			.addSubAttributes(subAttributes)
			.build();
	}

	private static AttributeDefinition multiValued(String name, String description,
			AttributeDefinition... subAttributes) {
		return complex(name, true, description, subAttributes);
	}

}
