package io.roster.scim.habit;

import org.junit.jupiter.api.Test;

import com.unboundid.scim2.common.utils.JsonUtils;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each client habit rewrites the shape it names into the RFC 7644 form and leaves
 * standard requests untouched.
 */
class ClientHabitsTests {

	private final ClientHabits habits = new ClientHabits();

	@Test
	void capitalizedOpIsLowerCased() {
		ObjectNode patch = json("{\"Operations\":[{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"x\"}]}");

		assertThat(this.habits.rewritePatch(patch)).containsExactly("capitalized-patch-op");
		assertThat(patch.get("Operations").get(0).get("op").asString()).isEqualTo("replace");
	}

	@Test
	void standardPatchIsLeftAlone() {
		String standard = "{\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false},"
				+ "{\"op\":\"add\",\"value\":{\"title\":\"Lead\",\"name\":{\"givenName\":\"A\"}}},"
				+ "{\"op\":\"add\",\"path\":\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager\","
				+ "\"value\":{\"value\":\"u-1\"}}]}";
		ObjectNode patch = json(standard);

		assertThat(this.habits.rewritePatch(patch)).isEmpty();
		assertThat(patch).isEqualTo(json(standard));
	}

	@Test
	void booleanStringsBecomeBooleansOnlyOnBooleanAttributes() {
		ObjectNode patch = json("{\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":\"False\"},"
				+ "{\"op\":\"replace\",\"path\":\"title\",\"value\":\"True\"}]}");

		assertThat(this.habits.rewritePatch(patch)).containsExactly("boolean-strings");
		assertThat(patch.get("Operations").get(0).get("value").isBoolean()).isTrue();
		assertThat(patch.get("Operations").get(0).get("value").asBoolean()).isFalse();
		assertThat(patch.get("Operations").get(1).get("value").asString()).isEqualTo("True");
	}

	@Test
	void booleanStringsInResourceRolesBecomeBooleans() {
		ObjectNode user = json(
				"{\"userName\":\"a\",\"active\":\"true\",\"roles\":[{\"value\":\"r\",\"primary\":\"True\"}]}");

		assertThat(this.habits.rewriteResource(user)).containsExactly("boolean-strings");
		assertThat(user.get("active").isBoolean()).isTrue();
		assertThat(user.get("roles").get(0).get("primary").asBoolean()).isTrue();
	}

	@Test
	void dottedPathlessKeysBecomeOperationsOfTheirOwn() {
		ObjectNode patch = json(
				"{\"Operations\":[{\"op\":\"replace\",\"value\":{\"displayName\":\"A S\"," + "\"name.givenName\":\"A\","
						+ "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department\":\"Platform\"}}]}");

		assertThat(this.habits.rewritePatch(patch)).containsExactly("dotted-pathless-keys");
		assertThat(patch.get("Operations")).hasSize(3);
		assertThat(patch.get("Operations").get(0).get("path").asString()).isEqualTo("name.givenName");
		assertThat(patch.get("Operations").get(1).get("path").asString())
			.isEqualTo("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department");
		assertThat(patch.get("Operations").get(2).get("value").propertyNames()).containsExactly("displayName");
	}

	@Test
	void managerStringBecomesComplexValue() {
		ObjectNode patch = json("{\"Operations\":[{\"op\":\"Add\","
				+ "\"path\":\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager\",\"value\":\"u-9\"}]}");

		assertThat(this.habits.rewritePatch(patch)).contains("manager-as-string");
		assertThat(patch.get("Operations").get(0).get("value").get("value").asString()).isEqualTo("u-9");
	}

	@Test
	void managerValuePathKeepsItsString() {
		ObjectNode patch = json("{\"Operations\":[{\"op\":\"replace\","
				+ "\"path\":\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value\",\"value\":\"u-9\"}]}");

		assertThat(this.habits.rewritePatch(patch)).isEmpty();
		assertThat(patch.get("Operations").get(0).get("value").asString()).isEqualTo("u-9");
	}

	@Test
	void oneLoginEnterpriseAliasMovesToStandardKey() {
		ObjectNode user = json("{\"userName\":\"carol@example.com\","
				+ "\"urn:scim:schemas:extension:enterprise:2.0\":{\"department\":\"Finance\",\"manager\":\"u-2\"}}");

		assertThat(this.habits.rewriteResource(user)).containsExactly("onelogin-schema-aliases", "manager-as-string");
		ObjectNode enterprise = (ObjectNode) user.get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
		assertThat(enterprise.get("department").asString()).isEqualTo("Finance");
		assertThat(enterprise.get("manager").get("value").asString()).isEqualTo("u-2");
		assertThat(user.has("urn:scim:schemas:extension:enterprise:2.0")).isFalse();
	}

	private static ObjectNode json(String text) {
		return (ObjectNode) JsonUtils.getObjectReader().readTree(text);
	}

}
