package io.roster.scim;

import java.util.UUID;

import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import io.roster.support.RosterServer;
import io.roster.support.ScimHttp;
import io.roster.support.TestDatabase;
import io.roster.tenant.Plan;

import static io.roster.scim.ScimAssertions.assertScimError;
import static io.roster.scim.ScimFixtures.createGroup;
import static io.roster.scim.ScimFixtures.createUser;
import static io.roster.scim.ScimFixtures.patchBody;
import static io.roster.scim.ScimFixtures.read;
import static io.roster.scim.ScimFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests for an id that does not exist and for an id of another company. Both are 404,
 * and the two responses are the same apart from the id, so a token never reveals whether
 * another company's resource exists. The other company's resource stays as it was.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class ScimNotFoundTests {

	private static RosterServer server;

	private static ScimHttp scim;

	private static ScimHttp otherCompany;

	@Parameter
	TestDatabase database;

	@BeforeParameterizedClassInvocation
	static void startServer(TestDatabase database) {
		server = RosterServer.start(database);
		scim = new ScimHttp(server.scimUrl(), server.demoToken());
		otherCompany = new ScimHttp(server.scimUrl(), server.tokenOfNewCompany("Other Company", Plan.ENTERPRISE));
	}

	@AfterParameterizedClassInvocation
	static void stopServer() {
		server.close();
	}

	@ParameterizedTest
	@CsvSource({ "Users, GET", "Users, PATCH", "Users, PUT", "Users, DELETE", "Groups, GET", "Groups, PATCH",
			"Groups, PUT", "Groups, DELETE" })
	void foreignIdIsNotFoundLikeMissingId(String endpoint, String method) {
		String name = "Not Found " + endpoint + " " + method;
		String otherId = create(otherCompany, endpoint, name);
		String otherBefore = read(otherCompany, "/" + endpoint + "/" + otherId);
		ScimFixtures.DirectorySnapshot before = snapshot(scim);
		String missingId = UUID.randomUUID().toString();
		ScimHttp.Response missing = scim.send(method, "/" + endpoint + "/" + missingId, body(endpoint, method, name));

		ScimHttp.Response foreign = scim.send(method, "/" + endpoint + "/" + otherId, body(endpoint, method, name));

		assertScimError(missing, 404, null, missingId);
		assertScimError(foreign, 404, null, otherId);
		assertThat(foreign.body().replace(otherId, "<id>")).isEqualTo(missing.body().replace(missingId, "<id>"));
		assertThat(foreign.header("Content-Type")).isEqualTo(missing.header("Content-Type"));
		assertThat(read(otherCompany, "/" + endpoint + "/" + otherId)).isEqualTo(otherBefore);
		assertThat(snapshot(scim)).isEqualTo(before);
	}

	/** Returns a valid body for the method, or {@code null} for GET and DELETE. */
	private static String body(String endpoint, String method, String name) {
		return switch (method) {
			case "PUT" -> endpoint.equals("Users") ? ScimFixtures.userBody(userName(name))
					: ScimFixtures.groupBody(name + " Renamed");
			case "PATCH" -> patchBody("{\"op\": \"replace\", \"path\": \"externalId\", \"value\": \"taken-over\"}");
			default -> null;
		};
	}

	private static String create(ScimHttp company, String endpoint, String name) {
		return (endpoint.equals("Users") ? createUser(company, userName(name)) : createGroup(company, name)).path("id")
			.asString();
	}

	private static String userName(String name) {
		return name.replace(' ', '.') + "@example.com";
	}

}
