package io.roster.setup;

import java.util.List;
import java.util.Optional;

import io.roster.setup.ProviderGuide.Mapping;
import io.roster.tenant.IdentityProvider;

/**
 * The identity providers the setup wizard offers, each with its steps and attribute
 * mapping. Menu names are those of each provider's admin console, and {@code docs/setup/}
 * repeats these guides.
 */
public final class ProviderGuides {

	/** SCIM name of the Roster extension's role attribute. */
	public static final String ROLE_EXTENSION = "urn:ietf:params:scim:schemas:extension:roster:2.0:User:role";

	private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:";

	private static final String WORK_EMAIL = "emails[type eq \"work\"].value";

	private static final List<ProviderGuide> GUIDES = List.of(okta(), entra(), oneLogin(), jumpCloud(), google(),
			rippling(), other());

	/** How Workday and BambooHR reach Roster, shown beside the choice of provider. */
	public static final String HR_SYSTEMS_NOTE = "Workday and BambooHR do not call Roster themselves: they feed"
			+ " an identity provider such as Okta, Microsoft Entra ID, OneLogin, JumpCloud or Rippling, which then"
			+ " provisions Roster. Choose that identity provider here.";

	private ProviderGuides() {
	}

	public static List<ProviderGuide> all() {
		return GUIDES;
	}

	public static Optional<ProviderGuide> find(String code) {
		return GUIDES.stream().filter((guide) -> guide.code().equals(code)).findFirst();
	}

	/** Returns the guide of a connection's provider; {@code other} for unknown ones. */
	public static ProviderGuide of(IdentityProvider provider) {
		return GUIDES.stream().filter((guide) -> guide.provider() == provider).findFirst().orElse(other());
	}

	private static ProviderGuide okta() {
		return new ProviderGuide("okta", "Okta", IdentityProvider.OKTA, List.of(
				"In the Okta Admin Console, open Applications > Applications and create an app integration for"
						+ " Roster (or open the one you use for sign-in). On its General tab, choose SCIM as the"
						+ " provisioning method and save.",
				"On the Provisioning tab, open Integration > Edit. Enter the SCIM base URL as the SCIM connector"
						+ " base URL and userName as the unique identifier field for users.",
				"Select Push New Users, Push Profile Updates and Push Groups as the supported provisioning actions.",
				"Choose HTTP Header as the authentication mode and paste the token as the bearer token. Select"
						+ " Test Connector Configuration, then Save.",
				"Under Provisioning > To App, enable Create Users, Update User Attributes and Deactivate Users.",
				"To send roles, open Directory > Profile Editor, pick the Roster app's profile and add a string"
						+ " attribute with the external name role and the external namespace"
						+ " urn:ietf:params:scim:schemas:extension:roster:2.0:User, with the values admin, member"
						+ " and light. Map it on the To App mapping page.",
				"Assign people and groups on the Assignments tab, and add the groups that should become teams on"
						+ " the Push Groups tab."),
				List.of(new Mapping("user.login", "userName", "Email (the colleague's username)"),
						new Mapping("user.firstName", "name.givenName", "First name"),
						new Mapping("user.lastName", "name.familyName", "Last name"),
						new Mapping("user.email", WORK_EMAIL, "Work email"),
						new Mapping("user.title", "title", "Job title"),
						new Mapping("role (the attribute added above)", ROLE_EXTENSION, "Role"),
						new Mapping("user.employeeNumber", ENTERPRISE + "employeeNumber", "Employee number"),
						new Mapping("user.department", ENTERPRISE + "department", "Department"),
						new Mapping("user.costCenter", ENTERPRISE + "costCenter", "Cost center"),
						new Mapping("user.organization", ENTERPRISE + "organization", "Organization"),
						new Mapping("user.division", ENTERPRISE + "division", "Division"),
						new Mapping("user.managerId", ENTERPRISE + "manager.value", "Manager")),
				List.of("Okta deactivates an unassigned person with active: false, so Roster keeps them as a"
						+ " deactivated colleague.",
						"Okta's push of groups creates or takes over the team with the group's name."));
	}

	private static ProviderGuide entra() {
		return new ProviderGuide("entra", "Microsoft Entra ID", IdentityProvider.ENTRA, List.of(
				"In the Microsoft Entra admin center, open Enterprise applications > New application > Create"
						+ " your own application, name it Roster and choose the option to integrate an application"
						+ " that is not in the gallery.",
				"Open Provisioning, set Provisioning Mode to Automatic, enter the SCIM base URL as the Tenant URL"
						+ " and the token as the Secret Token, select Test Connection, then Save.",
				"Under Mappings, open Provision Microsoft Entra ID Users and compare it with the table below. If"
						+ " user principal names are not people's email addresses, map mail to userName instead.",
				"To send roles, add the app roles admin, member and light to the app registration, and map the"
						+ " expression SingleAppRoleAssignment([appRoleAssignments]) to roles[primary eq \"True\"]"
						+ ".value.",
				"Assign users and groups under Users and groups, set Provisioning Status to On and save. The first"
						+ " cycle starts within minutes; later cycles run about every 40 minutes."),
				List.of(new Mapping("userPrincipalName", "userName", "Email (the colleague's username)"),
						new Mapping("givenName", "name.givenName", "First name"),
						new Mapping("surname", "name.familyName", "Last name"),
						new Mapping("mail", WORK_EMAIL, "Work email"), new Mapping("jobTitle", "title", "Job title"),
						new Mapping("Switch([IsSoftDeleted], , \"False\", \"True\", \"True\", \"False\")", "active",
								"Active"),
						new Mapping("SingleAppRoleAssignment([appRoleAssignments])", "roles[primary eq \"True\"].value",
								"Role"),
						new Mapping("employeeId", ENTERPRISE + "employeeNumber", "Employee number"),
						new Mapping("department", ENTERPRISE + "department", "Department"),
						new Mapping("manager", ENTERPRISE + "manager", "Manager")),
				List.of("Entra ID sends PATCH requests in its own shapes (such as \"True\" as a string); Roster"
						+ " accepts them.",
						"A user removed from the app is first deactivated with active: false and deleted later."));
	}

	private static ProviderGuide oneLogin() {
		return new ProviderGuide("onelogin", "OneLogin", IdentityProvider.ONELOGIN, List.of(
				"In the OneLogin admin portal, open Applications > Add App, pick the SCIM Provisioner with SAML"
						+ " (SCIM v2 Enterprise) connector and save it as Roster.",
				"On the Configuration tab, enter the SCIM base URL as the SCIM Base URL and the token as the SCIM"
						+ " Bearer Token, then enable the API connection.",
				"On the Provisioning tab, select Enable provisioning and choose what happens to a colleague when"
						+ " the user is deleted or suspended in OneLogin.",
				"On the Parameters tab, check the mapping below. For roles, add a parameter named roles (or"
						+ " map one into the SCIM JSON template as the Roster extension's role) and include it in"
						+ " user provisioning. Mark the Groups parameter for user provisioning to send teams.",
				"Give users access through the Users tab or a mapping rule; approve pending provisioning under"
						+ " Users > Provisioning if approval is required."),
				List.of(new Mapping("Email (the scimusername parameter)", "userName",
						"Email (the colleague's username)"), new Mapping("First Name", "name.givenName", "First name"),
						new Mapping("Last Name", "name.familyName", "Last name"),
						new Mapping("Email", WORK_EMAIL, "Work email"), new Mapping("Title", "title", "Job title"),
						new Mapping("roles (the parameter added above)", "roles", "Role"),
						new Mapping("Department", ENTERPRISE + "department", "Department")),
				List.of("OneLogin writes some enterprise attributes under its own schema names; Roster accepts"
						+ " them."));
	}

	private static ProviderGuide jumpCloud() {
		return new ProviderGuide("jumpcloud", "JumpCloud", IdentityProvider.JUMPCLOUD,
				List.of("In the JumpCloud admin portal, open SSO Applications > Add New Application, create a custom"
						+ " application named Roster and select the identity management (user export) option.",
						"On the application's Identity Management tab, choose SCIM 2.0, enter the SCIM base URL as the"
								+ " base URL and the token as the bearer token, test the connection and activate it.",
						"Turn on group management if teams should follow JumpCloud user groups.",
						"Bind the user groups whose members should be colleagues to the application on its User Groups"
								+ " tab."),
				List.of(new Mapping("email", "userName", "Email (the colleague's username)"),
						new Mapping("firstname", "name.givenName", "First name"),
						new Mapping("lastname", "name.familyName", "Last name"),
						new Mapping("email", WORK_EMAIL, "Work email"), new Mapping("jobTitle", "title", "Job title"),
						new Mapping("employeeIdentifier", ENTERPRISE + "employeeNumber", "Employee number"),
						new Mapping("department", ENTERPRISE + "department", "Department"),
						new Mapping("costCenter", ENTERPRISE + "costCenter", "Cost center"),
						new Mapping("company", ENTERPRISE + "organization", "Organization"),
						new Mapping("manager", ENTERPRISE + "manager.value", "Manager")),
				List.of("JumpCloud sends a fixed set of attributes and no role, so colleagues get the default role"
						+ " you choose in the next step.", "The user groups bound to the application become teams."));
	}

	private static ProviderGuide google() {
		return new ProviderGuide("google", "Google Workspace", IdentityProvider.GOOGLE, List.of(
				"In the Google Admin console, open Apps > Web and mobile apps > Add app > Add custom SAML app and"
						+ " name it Roster.",
				"Open the app. If it has an Auto-provisioning section, set it up: enter the SCIM base URL as the"
						+ " endpoint URL and the token as the access token, review the attribute mapping, choose"
						+ " the provisioning scope and turn auto-provisioning on.",
				"Turn the app on for the organizational units or groups that should use it.",
				"If your Admin console offers no auto-provisioning for the app, connect Google Workspace to an"
						+ " identity provider that imports users from it (JumpCloud and Okta do) and choose that"
						+ " provider here instead."),
				List.of(new Mapping("Primary email", "userName", "Email (the colleague's username)"),
						new Mapping("First name", "name.givenName", "First name"),
						new Mapping("Last name", "name.familyName", "Last name"),
						new Mapping("Primary email", WORK_EMAIL, "Work email"),
						new Mapping("Job title", "title", "Job title"),
						new Mapping("Employee ID", ENTERPRISE + "employeeNumber", "Employee number"),
						new Mapping("Department", ENTERPRISE + "department", "Department"),
						new Mapping("Cost center", ENTERPRISE + "costCenter", "Cost center")),
				List.of("Google Workspace provisions users but not groups, so teams stay as they are in Roster.",
						"Google sends no role; colleagues get the default role you choose in the next step."));
	}

	private static ProviderGuide rippling() {
		return new ProviderGuide("rippling", "Rippling", IdentityProvider.RIPPLING, List.of(
				"In Rippling, open Custom App under Identity Management, create a new app named Roster and select"
						+ " User Management via SCIM.",
				"Set the SCIM version to 2.0, enter the SCIM base URL as the SCIM Base URL and the token as the"
						+ " bearer token.",
				"Choose who gets the app with its access rules, and the groups that should become teams.",
				"Review the attribute mapping below and save; Rippling then provisions everyone in scope."),
				List.of(new Mapping("Work email", "userName", "Email (the colleague's username)"),
						new Mapping("First name", "name.givenName", "First name"),
						new Mapping("Last name", "name.familyName", "Last name"),
						new Mapping("Work email", WORK_EMAIL, "Work email"), new Mapping("Title", "title", "Job title"),
						new Mapping("Employee number", ENTERPRISE + "employeeNumber", "Employee number"),
						new Mapping("Department", ENTERPRISE + "department", "Department"),
						new Mapping("Manager", ENTERPRISE + "manager.value", "Manager")),
				List.of("Rippling is also an HR system, so department and manager come straight from payroll"
						+ " records."));
	}

	private static ProviderGuide other() {
		return new ProviderGuide("other", "Other SCIM 2.0 client", IdentityProvider.OTHER, List.of(
				"Point the client at the SCIM base URL and send the token in every request as the header"
						+ " Authorization: Bearer followed by the token.",
				"Use userName, the colleague's email, as the unique identifier of users, and displayName of"
						+ " groups.",
				"Roster serves /Users, /Groups, /Bulk, /.search and the discovery endpoints /ServiceProviderConfig,"
						+ " /ResourceTypes and /Schemas; read them to see what Roster supports."),
				List.of(new Mapping("userName", "userName", "Email (the colleague's username)"),
						new Mapping("name.givenName", "name.givenName", "First name"),
						new Mapping("name.familyName", "name.familyName", "Last name"),
						new Mapping(WORK_EMAIL, WORK_EMAIL, "Work email"), new Mapping("title", "title", "Job title"),
						new Mapping("active", "active", "Active"),
						new Mapping("roles (primary value)", "roles", "Role"),
						new Mapping(ROLE_EXTENSION, ROLE_EXTENSION, "Role (wins over roles)"),
						new Mapping("enterprise employeeNumber, department, costCenter, organization, division,"
								+ " manager.value", ENTERPRISE + "*", "The same enterprise fields")),
				List.of("Roles are admin, member and light, matched ignoring case."));
	}

}
