package io.roster.scim;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.roster.support.RosterServer;
import io.roster.support.ScimHttp;
import io.roster.support.TestCompany;
import io.roster.support.TestDatabase;
import io.roster.tenant.IdentityProvider;
import io.roster.tenant.Plan;

import static io.roster.scim.ScimFixtures.createGroup;
import static io.roster.scim.ScimFixtures.createUser;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rows that SCIM requests and the product add are keyed by time-ordered (version 7)
 * UUIDs, so that new rows land at the end of their primary key index.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class TimeOrderedKeysTests {

	private static RosterServer server;

	@Parameter
	TestDatabase database;

	@BeforeParameterizedClassInvocation
	static void startServer(TestDatabase database) {
		server = RosterServer.start(database);
	}

	@AfterParameterizedClassInvocation
	static void stopServer() {
		server.close();
	}

	@Test
	void newRowsHaveVersion7Ids() {
		TestCompany company = server.newCompany("Ordered", Plan.ENTERPRISE, IdentityProvider.OKTA);
		ScimHttp scim = company.scim();
		String ann = createUser(scim, "ann@ordered.test").get("id").asString();
		String bob = createUser(scim, "bob@ordered.test").get("id").asString();
		createGroup(scim, "Ordered team", ann, bob);
		assertThat(company.api().post("colleagues", "{\"email\": \"dora@ordered.test\"}").status()).isEqualTo(201);

		for (String table : List.of("colleague", "team", "history_entry", "activity_entry")) {
			List<UUID> ids = JdbcClient.create(server.bean(DataSource.class))
				.sql("SELECT id FROM " + table + " WHERE company_id = ?")
				.param(company.id())
				.query(UUID.class)
				.list();
			assertThat(ids).as(table).isNotEmpty();
			assertThat(ids).as(table).allSatisfy((id) -> assertThat(id.version()).isEqualTo(7));
		}
	}

}
