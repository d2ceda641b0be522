package io.roster.console;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.roster.support.Browser;
import io.roster.support.RosterServer;
import io.roster.support.ScimHttp;
import io.roster.support.TestCompany;
import io.roster.support.TestDatabase;
import io.roster.tenant.IdentityProvider;
import io.roster.tenant.Plan;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Takes the screenshots of docs/console.md from a Roster with sample data. It is not a
 * test of the build, since its name does not end in Tests; run it with
 * {@code ./mvnw test -Dtest=ConsoleScreenshots} to refresh docs/screenshots.
 */
class ConsoleScreenshots {

	private static final Path DIRECTORY = Path.of("docs", "screenshots");

	private static final String[][] PEOPLE = { { "Ada", "Lovelace", "Engineering Manager", "Engineering" },
			{ "Grace", "Hopper", "Principal Engineer", "Engineering" }, { "Alan", "Turing", "Researcher", "Research" },
			{ "Katherine", "Johnson", "Analyst", "Finance" }, { "Linus", "Torvalds", "Kernel Engineer", "Platform" },
			{ "Margaret", "Hamilton", "Director of Software", "Engineering" } };

	@Test
	void takeScreenshots() {
		try (RosterServer server = RosterServer.start(TestDatabase.H2); Browser browser = Browser.start()) {
			TestCompany company = server.newCompany("Acme", Plan.ENTERPRISE, IdentityProvider.OKTA);
			String firstUserId = seed(company);
			String colleagueId = company.api()
				.get("colleagues?q=ada.lovelace")
				.json()
				.get("items")
				.get(0)
				.get("id")
				.asString();

			browser.signIn(server.baseUrl() + "/console/sign-in", company.adminEmail(), company.adminPassword());
			assertThat(browser.path()).isEqualTo("/console");
			shoot(browser, server.baseUrl() + "/console/colleagues", "colleagues.png");
			shoot(browser, server.baseUrl() + "/console/colleagues/" + colleagueId, "colleague-locked.png");
			shoot(browser, server.baseUrl() + "/console/teams", "teams.png");
			shoot(browser, server.baseUrl() + "/console/activity", "activity.png");
			browser.open(server.baseUrl() + "/console/scim");
			browser.submit(browser.driver().findElement(By.cssSelector("button[aria-label='Rotate Test token']")));
			// The image shows a placeholder, so no token-shaped string is committed with
			// it.
			browser.driver()
				.executeScript("document.getElementById('secret').textContent = 'rst_(the new secret, shown once)';");
			browser.screenshot(DIRECTORY.resolve("scim.png"));
			assertThat(firstUserId).isNotBlank();
		}
	}

	private static void shoot(Browser browser, String url, String file) {
		browser.open(url);
		browser.screenshot(DIRECTORY.resolve(file));
	}

	/**
	 * Provisions users and a group over SCIM and adds app-managed colleagues and a team.
	 */
	private static String seed(TestCompany company) {
		ScimHttp scim = company.scim();
		String firstId = null;
		StringBuilder members = new StringBuilder();
		for (String[] person : PEOPLE) {
			String email = (person[0] + "." + person[1] + "@acme.example").toLowerCase(java.util.Locale.ROOT);
			ScimHttp.Response created = scim.post("/Users", """
					{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
					  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
					 "userName": "%s", "name": {"givenName": "%s", "familyName": "%s"},
					 "displayName": "%s %s", "title": "%s", "active": true,
					 "emails": [{"value": "%s", "type": "work", "primary": true}],
					 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "%s",
					  "employeeNumber": "%d"}}""".formatted(email, person[0], person[1], person[0], person[1],
					person[2], email, person[3], 1000 + members.length()));
			String id = created.json().get("id").asString();
			firstId = (firstId != null) ? firstId : id;
			members.append(members.length() > 0 ? ", " : "").append("{\"value\": \"").append(id).append("\"}");
		}
		scim.post("/Groups", """
				{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "Engineering",
				 "members": [%s]}""".formatted(members));
		scim.patch("/Users/" + firstId, """
				{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations": [{"op": "Replace", "path": "title", "value": "VP Engineering"}]}""");
		scim.post("/Users", """
				{"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "", "active": true}""");
		company.api().post("colleagues", """
				{"email": "sam.contractor@acme.example", "givenName": "Sam", "familyName": "Contractor",
				 "title": "Contractor"}""");
		company.api().post("colleagues", """
				{"email": "robin.intern@acme.example", "givenName": "Robin", "familyName": "Intern",
				 "title": "Intern", "active": false}""");
		company.api().post("teams", "{\"name\": \"Launch crew\"}");
		return firstId;
	}

}
