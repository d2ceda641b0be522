package io.roster.scim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.UserResource;

import io.roster.support.RosterServer;
import io.roster.support.ScimClients;
import io.roster.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Drives a running Roster only through the UnboundID SCIM 2 client, over HTTP, through
 * the life of a company's directory, and checks that a restart keeps all of it.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ScimEndToEndTests {

	private static final int USERS = 200;

	private static final int GROUPS = 10;

	@Parameter
	TestDatabase database;

	@Test
	void provisioningLifecycleSurvivesRestart() throws Exception {
		try (RosterServer server = RosterServer.start(this.database)) {
			ScimService scim = ScimClients.connect(server.scimUrl(), server.demoToken());

			List<UserResource> users = new ArrayList<>();
			for (int i = 0; i < USERS; i++) {
				users.add(scim.create("Users", user(i)));
			}
			assertThat(users).extracting(UserResource::getId).doesNotContainNull().doesNotHaveDuplicates();
			assertThat(users.get(7).getUserName()).isEqualTo("User.7@Example.com");

			List<GroupResource> groups = new ArrayList<>();
			for (int g = 0; g < GROUPS; g++) {
				GroupResource group = new GroupResource().setDisplayName("Team " + g);
				List<Member> members = new ArrayList<>();
				for (int i = g; i < USERS; i += GROUPS) {
					members.add(new Member().setValue(users.get(i).getId()));
				}
				groups.add(scim.create("Groups", group.setMembers(members)));
			}
			assertThat(groups.get(3).getMembers()).hasSize(USERS / GROUPS);

			ListResponse<UserResource> found = scim.searchRequest("Users")
				.filter("userName eq \"user.42@example.com\"")
				.invoke(UserResource.class);
			assertThat(found.getTotalResults()).isEqualTo(1);
			assertThat(found.getResources().get(0).getId()).isEqualTo(users.get(42).getId());

			ListResponse<UserResource> either = scim.searchRequest("Users")
				.filter("externalId eq \"hr-1\" or emails.value eq \"user.2@example.com\"")
				.invoke(UserResource.class);
			assertThat(either.getResources()).extracting(UserResource::getId)
				.containsExactlyInAnyOrder(users.get(1).getId(), users.get(2).getId());

			ListResponse<UserResource> page = scim.searchRequest("Users").page(21, 50).invoke(UserResource.class);
			assertThat(page.getTotalResults()).isEqualTo(USERS);
			assertThat(page.getResources()).hasSize(50);
			assertThat(page.getStartIndex()).isEqualTo(21);

			String patchedId = users.get(5).getId();
			UserResource patched = scim.modifyRequest("Users", patchedId)
				.replaceValue("title", "Staff Engineer")
				.replaceValue("active", false)
				.invoke(UserResource.class);
			assertThat(patched.getTitle()).isEqualTo("Staff Engineer");
			assertThat(patched.getActive()).isFalse();
			assertThat(patched.getMeta().getVersion()).isEqualTo("W/\"2\"");

			UserResource replacement = user(6).setDisplayName("Replaced Six").setTitle("Director");
			replacement.setId(users.get(6).getId());
			replacement.setMeta(users.get(6).getMeta());
			UserResource replaced = scim.replace(replacement);
			assertThat(replaced.getDisplayName()).isEqualTo("Replaced Six");
			assertThat(replaced.getTitle()).isEqualTo("Director");
			assertThat(replaced.getMeta().getCreated()).isEqualTo(users.get(6).getMeta().getCreated());

			String removedMember = users.get(13).getId();
			scim.modifyRequest("Groups", groups.get(3).getId())
				.removeValues("members[value eq \"" + removedMember + "\"]")
				.invoke(GroupResource.class);
			GroupResource afterRemoval = scim.retrieve("Groups", groups.get(3).getId(), GroupResource.class);
			assertThat(afterRemoval.getMembers()).hasSize(USERS / GROUPS - 1)
				.extracting(Member::getValue)
				.doesNotContain(removedMember);

			scim.delete("Groups", groups.get(9).getId());
			assertThatExceptionOfType(ResourceNotFoundException.class)
				.isThrownBy(() -> scim.retrieve("Groups", groups.get(9).getId(), GroupResource.class));

			String deletedUser = users.get(0).getId();
			scim.delete("Users", deletedUser);
			assertThatExceptionOfType(ResourceNotFoundException.class)
				.isThrownBy(() -> scim.retrieve("Users", deletedUser, UserResource.class));
			GroupResource withoutDeleted = scim.retrieve("Groups", groups.get(0).getId(), GroupResource.class);
			assertThat(withoutDeleted.getMembers()).extracting(Member::getValue).doesNotContain(deletedUser);

			Map<String, GenericScimResource> before = everything(scim);
			assertThat(before).hasSize(USERS - 1 + GROUPS - 1);

			server.restart();
			ScimService restarted = ScimClients.connect(server.scimUrl(), server.demoToken());
			Map<String, GenericScimResource> after = everything(restarted);
			assertThat(after.keySet()).isEqualTo(before.keySet());
			for (Map.Entry<String, GenericScimResource> entry : before.entrySet()) {
				assertThat(withoutLocation(after.get(entry.getKey()))).as(entry.getKey())
					.isEqualTo(withoutLocation(entry.getValue()));
			}
			assertThatExceptionOfType(ResourceNotFoundException.class)
				.isThrownBy(() -> restarted.retrieve("Users", deletedUser, UserResource.class));
		}
	}

	private static UserResource user(int i) {
		UserResource user = new UserResource().setUserName("User." + i + "@Example.com")
			.setName(new Name().setGivenName("Given" + i).setFamilyName("Family" + i))
			.setDisplayName("User " + i)
			.setActive(true)
			.setEmails(List.of(new Email().setValue("user." + i + "@example.com").setType("work").setPrimary(true)));
		user.setExternalId("hr-" + i);
		user.setExtension(new EnterpriseUserExtension().setDepartment("Department " + (i % 7))
			.setEmployeeNumber(String.valueOf(1000 + i)));
		return user;
	}

	private static Map<String, GenericScimResource> everything(ScimService scim) throws Exception {
		Map<String, GenericScimResource> all = new HashMap<>();
		collect(scim, "Users", UserResource.class, all);
		collect(scim, "Groups", GroupResource.class, all);
		return all;
	}

	// NOTE: pages are read as typed resources, because scim2-sdk-client 6.0.0 fails to
	// read a
	// ListResponse of GenericScimResource (a Jackson 3 trailing-token check in its
	// parser).
	private static <T extends com.unboundid.scim2.common.ScimResource> void collect(ScimService scim, String endpoint,
			Class<T> type, Map<String, GenericScimResource> all) throws Exception {
		int start = 1;
		while (true) {
			ListResponse<T> page = scim.searchRequest(endpoint).page(start, 100).invoke(type);
			page.getResources()
				.forEach((resource) -> all.put(endpoint + "/" + resource.getId(), resource.asGenericScimResource()));
			start += page.getResources().size();
			if (page.getResources().isEmpty() || start > page.getTotalResults()) {
				break;
			}
		}
	}

	/** The resource without meta.location, whose port changes across a restart. */
	private static String withoutLocation(GenericScimResource resource) {
		GenericScimResource copy = new GenericScimResource(resource.getObjectNode().deepCopy());
		((tools.jackson.databind.node.ObjectNode) copy.getObjectNode().get("meta")).remove("location");
		tools.jackson.databind.JsonNode members = copy.getObjectNode().get("members");
		if (members != null) {
			members.forEach((member) -> ((tools.jackson.databind.node.ObjectNode) member).remove("$ref"));
		}
		return copy.getObjectNode().toString();
	}

}
