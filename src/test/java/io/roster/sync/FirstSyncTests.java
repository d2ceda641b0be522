package io.roster.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.roster.directory.PlanEntry;
import io.roster.directory.PlanPage;
import io.roster.directory.PlanSection;
import io.roster.support.ApiHttp;
import io.roster.support.RosterServer;
import io.roster.support.ScimHttp;
import io.roster.support.TestCompany;
import io.roster.support.TestDatabase;
import io.roster.tenant.Actor;
import io.roster.tenant.CompanyStore;
import io.roster.tenant.ConnectionState;
import io.roster.tenant.IdentityProvider;
import io.roster.tenant.Plan;
import io.roster.tenant.ScimConnection;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The staged first sync end to end: an identity provider syncs through a connection in
 * setup over real HTTP, the real directory stays as it was, support reads the plan and
 * finishes the sync, and the provider's ids keep working on the real company.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class FirstSyncTests {

	private static final Actor OPERATOR = Actor.operator(UUID.randomUUID(), "support@roster.test");

	private static RosterServer server;

	@Parameter
	TestDatabase database;

	@BeforeParameterizedClassInvocation
	static void start(TestDatabase database) {
		server = RosterServer.start(database);
	}

	@AfterParameterizedClassInvocation
	static void stop() {
		server.close();
	}

	@Test
	void stagedRequestsLeaveRealDirectoryAlone() {
		Staged staged = stage("Alone");
		ApiHttp api = staged.company().api();

		assertThat(api.get("colleagues?limit=100").body()).isEqualTo(staged.colleaguesBefore());
		assertThat(api.get("teams?limit=100").body()).isEqualTo(staged.teamsBefore());
		assertThat(api.get("colleagues/" + staged.ann()).json().get("managedBy").asString()).isEqualTo("app");
		assertThat(api.get("colleagues?q=eve").json().get("total").asLong()).isZero();
		assertThat(api.get("teams/" + staged.sales()).json().get("managedBy").asString()).isEqualTo("app");
		assertThat(firstSync().connection(staged.company().id()).orElseThrow().state())
			.isEqualTo(ConnectionState.SETUP);
	}

	@Test
	void stagedRequestsReadBackWhatTheyWrote() {
		Staged staged = stage("Reads");
		ScimHttp scim = staged.company().scim();

		JsonNode ann = scim.get("/Users/" + staged.scimAnn()).json();
		JsonNode found = scim.get("/Users?filter=userName%20eq%20%22fay@reads.test%22").json();
		JsonNode design = scim.get("/Groups/" + staged.scimDesign()).json();
		JsonNode groups = scim.get("/Groups?filter=displayName%20sw%20%22sal%22").json();

		assertThat(ann.get("userName").asString()).isEqualTo("ANN@reads.test");
		assertThat(ann.get("title").asString()).isEqualTo("Lead");
		assertThat(found.get("totalResults").asLong()).isEqualTo(1);
		assertThat(found.get("Resources").get(0).get("title").asString()).isEqualTo("Designer");
		assertThat(design.get("members")).hasSize(1);
		assertThat(design.get("members").get(0).get("value").asString()).isEqualTo(staged.scimEve());
		assertThat(groups.get("totalResults").asLong()).isEqualTo(1);
		assertThat(scim.get("/Users/" + staged.scimGus()).status()).isEqualTo(404);
		assertThat(scim.post("/Users", "{\"userName\": \"eve@reads.test\"}").status()).isEqualTo(409);
	}

	@Test
	void stagedResponsesMatchLiveOnes() {
		TestCompany live = server.newCompany("Twin", Plan.ENTERPRISE, IdentityProvider.OKTA);
		TestCompany setup = server.newCompanyInSetup("Twin", IdentityProvider.OKTA);
		for (TestCompany company : List.of(live, setup)) {
			company.api().post("colleagues", "{\"email\": \"ann@twin.test\", \"title\": \"Clerk\"}");
			company.api().post("teams", "{\"name\": \"Sales\"}");
		}

		List<String> liveResponses = TwinScript.run(live.scim());
		List<String> setupResponses = TwinScript.run(setup.scim());

		assertThat(setupResponses).hasSize(liveResponses.size());
		for (int i = 0; i < liveResponses.size(); i++) {
			assertThat(setupResponses.get(i)).as("response %d", i).isEqualTo(liveResponses.get(i));
		}
	}

	@Test
	void planListsEveryStagedChange() {
		Staged staged = stage("Plan");
		UUID companyId = staged.company().id();

		Map<PlanSection, Long> counts = firstSync().counts(companyId);
		List<PlanEntry> create = all(companyId, PlanSection.CREATE);
		List<PlanEntry> link = all(companyId, PlanSection.LINK);
		List<PlanEntry> teamsCreate = all(companyId, PlanSection.TEAMS_CREATE);
		List<PlanEntry> teamsTakeOver = all(companyId, PlanSection.TEAMS_TAKE_OVER);
		List<PlanEntry> errors = all(companyId, PlanSection.ERRORS);
		List<PlanEntry> unsent = all(companyId, PlanSection.UNSENT);

		assertThat(counts).containsEntry(PlanSection.CREATE, 2L)
			.containsEntry(PlanSection.LINK, 1L)
			.containsEntry(PlanSection.TEAMS_CREATE, 1L)
			.containsEntry(PlanSection.TEAMS_TAKE_OVER, 1L)
			.containsEntry(PlanSection.ERRORS, 2L)
			.containsEntry(PlanSection.UNSENT, 2L);
		assertThat(create).extracting(PlanEntry::name).containsExactly("eve@plan.test", "fay@plan.test");
		assertThat(create).extracting(PlanEntry::scimId).containsExactly(staged.scimEve(), staged.scimFay());
		assertThat(create).extracting(PlanEntry::existingId).containsOnlyNulls();
		assertThat(link).extracting(PlanEntry::name).containsExactly("ANN@plan.test");
		assertThat(link).extracting(PlanEntry::existingId).containsExactly(staged.ann());
		assertThat(link).extracting(PlanEntry::scimId).containsExactly(staged.scimAnn());
		assertThat(teamsCreate).extracting(PlanEntry::name).containsExactly("Design");
		assertThat(teamsTakeOver).extracting(PlanEntry::name).containsExactly("sales");
		assertThat(teamsTakeOver).extracting(PlanEntry::existingId).containsExactly(staged.sales());
		assertThat(errors).extracting(PlanEntry::subject).containsExactly(PlanEntry.COLLEAGUE, PlanEntry.TEAM);
		assertThat(errors).extracting(PlanEntry::name).containsExactly("dora@plan.test", "engineering");
		assertThat(errors.get(0).problem()).contains("already linked");
		assertThat(errors.get(1).problem()).contains("already manages");
		assertThat(unsent).extracting(PlanEntry::existingId).containsExactly(staged.bob(), staged.carl());
	}

	@Test
	void matchUnderPolicyNeverIsError() {
		Staged staged = stage("Never");
		UUID companyId = staged.company().id();

		staged.company().api().patch("settings", "{\"matchingPolicy\": \"never\"}");
		List<PlanEntry> link = all(companyId, PlanSection.LINK);
		List<PlanEntry> errors = all(companyId, PlanSection.ERRORS);
		long counted = firstSync().counts(companyId).get(PlanSection.ERRORS);

		assertThat(link).isEmpty();
		assertThat(errors).extracting(PlanEntry::name)
			.containsExactly("ANN@never.test", "dora@never.test", "engineering");
		assertThat(errors.get(0).problem()).contains("'never'");
		assertThat(errors.get(0).existingId()).isEqualTo(staged.ann());
		assertThat(counted).isEqualTo(3);
	}

	@Test
	void planPagesFollowTheirCursors() {
		Staged staged = stage("Pages");
		UUID companyId = staged.company().id();

		PlanPage first = firstSync().plan(companyId, PlanSection.ERRORS, null, 1);
		PlanPage second = firstSync().plan(companyId, PlanSection.ERRORS, first.nextCursor(), 1);
		PlanPage unsentFirst = firstSync().plan(companyId, PlanSection.UNSENT, null, 1);

		assertThat(first.entries()).extracting(PlanEntry::name).containsExactly("dora@pages.test");
		assertThat(first.nextCursor()).isNotNull();
		assertThat(second.entries()).extracting(PlanEntry::name).containsExactly("engineering");
		assertThat(second.nextCursor()).isNull();
		assertThat(unsentFirst.nextCursor()).isNotNull();
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> firstSync().plan(companyId, PlanSection.TEAMS_CREATE, first.nextCursor(), 1));
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> firstSync().plan(companyId, PlanSection.CREATE, null, 0));
	}

	@Test
	void finishRejectsErrorsAndForeignColleagues() {
		Staged staged = stage("Reject");
		UUID companyId = staged.company().id();
		String before = staged.company().api().get("colleagues?limit=100").body();

		assertThatExceptionOfType(FirstSyncException.class)
			.isThrownBy(() -> firstSync().finish(companyId, Set.of(), OPERATOR))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(FirstSyncException.Reason.PLAN_HAS_ERRORS));
		assertThatExceptionOfType(FirstSyncException.class)
			.isThrownBy(() -> firstSync().finish(companyId, Set.of(staged.ann()), OPERATOR, true))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(FirstSyncException.Reason.NOT_UNSENT))
			.withMessageContaining(staged.ann().toString());
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> firstSync().finish(companyId, Set.of(), Actor.SYSTEM, true));
		assertThat(staged.company().api().get("colleagues?limit=100").body()).isEqualTo(before);
		assertThat(firstSync().connection(companyId).orElseThrow().state()).isEqualTo(ConnectionState.SETUP);
	}

	@Test
	void failedFinishChangesNothing() {
		Staged staged = stage("Atomic");
		UUID companyId = staged.company().id();
		// An inactive colleague holding fay's SCIM id makes the insert of fay, which
		// comes after ann's link and eve's insert, violate the unique SCIM id index.
		jdbc().sql("""
				INSERT INTO colleague (company_id, id, link_id, user_name, user_name_key, active, role, managed_by,
				  version, created_at, updated_at)
				VALUES (?, ?, ?, 'zed@atomic.test', 'zed@atomic.test', FALSE, 'light', 'app', 1,
				  CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
			.params(companyId, UUID.randomUUID(), staged.scimFay())
			.update();
		ApiHttp api = staged.company().api();
		String colleaguesBefore = api.get("colleagues?limit=100").body();
		String teamsBefore = api.get("teams?limit=100").body();
		String annHistoryBefore = api.get("colleagues/" + staged.ann() + "/history").body();
		Map<PlanSection, Long> countsBefore = firstSync().counts(companyId);

		assertThatExceptionOfType(FirstSyncException.class)
			.isThrownBy(() -> firstSync().finish(companyId, Set.of(staged.carl()), OPERATOR, true))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(FirstSyncException.Reason.CONFLICT));

		assertThat(api.get("colleagues?limit=100").body()).isEqualTo(colleaguesBefore);
		assertThat(api.get("teams?limit=100").body()).isEqualTo(teamsBefore);
		assertThat(api.get("colleagues/" + staged.ann() + "/history").body()).isEqualTo(annHistoryBefore);
		assertThat(firstSync().counts(companyId)).isEqualTo(countsBefore);
		assertThat(firstSync().connection(companyId).orElseThrow().state()).isEqualTo(ConnectionState.SETUP);
		assertThat(staged.company().scim().get("/Users/" + staged.scimFay()).status()).isEqualTo(200);
	}

	@Test
	void finishAppliesPlanAndGoesLive() {
		Staged staged = stage("Finish");
		UUID companyId = staged.company().id();
		ScimConnection before = firstSync().connection(companyId).orElseThrow();
		String eveVersion = staged.company()
			.scim()
			.get("/Users/" + staged.scimEve())
			.json()
			.get("meta")
			.get("version")
			.asString();

		FirstSync.Finished finished = firstSync().finish(companyId, Set.of(staged.carl()), OPERATOR, true);

		assertThat(finished.connection().state()).isEqualTo(ConnectionState.LIVE);
		assertThat(finished.connection().stagingCompanyId()).isNull();
		assertThat(finished.applied().created()).isEqualTo(2);
		assertThat(finished.applied().linked()).isEqualTo(1);
		assertThat(finished.applied().teamsCreated()).isEqualTo(1);
		assertThat(finished.applied().teamsTakenOver()).isEqualTo(1);
		assertThat(finished.applied().skipped()).isEqualTo(2);
		assertThat(finished.deactivated()).isEqualTo(1);
		ApiHttp api = staged.company().api();
		JsonNode ann = api.get("colleagues/" + staged.ann()).json();
		assertThat(ann.get("managedBy").asString()).isEqualTo("scim");
		assertThat(ann.get("scimId").asString()).isEqualTo(staged.scimAnn());
		assertThat(ann.get("email").asString()).isEqualTo("ANN@finish.test");
		assertThat(ann.get("title").asString()).isEqualTo("Lead");
		assertThat(ann.get("role").asString()).isEqualTo("member");
		assertThat(ann.get("identityProvider").asString()).isEqualTo("Microsoft Entra ID");
		JsonNode bob = colleague(api, "bob@finish.test");
		assertThat(bob.get("active").asBoolean()).isTrue();
		assertThat(bob.get("managedBy").asString()).isEqualTo("app");
		JsonNode carl = colleague(api, "carl@finish.test");
		assertThat(carl.get("active").asBoolean()).isFalse();
		assertThat(carl.get("managedBy").asString()).isEqualTo("app");
		JsonNode dora = colleague(api, "dora@finish.test");
		assertThat(dora.get("scimId").asString()).isEqualTo(staged.liveDora());
		assertThat(colleague(api, "fay@finish.test").get("title").asString()).isEqualTo("Designer");
		assertThat(api.get("colleagues?q=gus").json().get("total").asLong()).isZero();
		JsonNode sales = api.get("teams/" + staged.sales()).json();
		assertThat(sales.get("managedBy").asString()).isEqualTo("scim");
		assertThat(sales.get("name").asString()).isEqualTo("sales");
		assertThat(sales.get("scimId").asString()).isEqualTo(staged.scimSales());
		assertThat(memberEmails(sales)).containsExactlyInAnyOrder("ANN@finish.test", "eve@finish.test");
		assertThat(api.get("teams?q=engineering").json().get("items").get(0).get("scimId").asString())
			.isEqualTo(staged.liveEngineering());

		ScimHttp scim = staged.company().scim();
		assertThat(scim.get("/Users/" + staged.scimAnn()).json().get("userName").asString())
			.isEqualTo("ANN@finish.test");
		assertThat(scim.get("/Users/" + staged.scimEve()).json().get("meta").get("version").asString())
			.isEqualTo(eveVersion);
		assertThat(scim.get("/Users?filter=userName%20eq%20%22fay@finish.test%22").json().get("totalResults").asLong())
			.isEqualTo(1);
		assertThat(scim.get("/Users/" + staged.scimDora()).status()).isEqualTo(404);
		assertThat(scim.patch("/Groups/" + staged.scimDesign(), """
				{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations": [{"op": "add", "path": "members", "value": [{"value": "%s"}]}]}"""
			.formatted(staged.scimFay())).status()).isEqualTo(204);
		JsonNode design = api.get("teams?q=design").json().get("items").get(0);
		assertThat(memberEmails(api.get("teams/" + design.get("id").asString()).json()))
			.containsExactlyInAnyOrder("eve@finish.test", "fay@finish.test");

		JsonNode annHistory = last(api.get("colleagues/" + staged.ann() + "/history").json());
		assertThat(annHistory.get("action").asString()).isEqualTo("linked");
		assertThat(annHistory.get("actor").get("type").asString()).isEqualTo("scim");
		assertThat(annHistory.get("actor").get("id").asString()).isEqualTo(before.id().toString());
		JsonNode eveHistory = api
			.get("colleagues/" + colleague(api, "eve@finish.test").get("id").asString() + "/history")
			.json()
			.get(0);
		assertThat(eveHistory.get("action").asString()).isEqualTo("provisioned");
		assertThat(eveHistory.get("actor").get("type").asString()).isEqualTo("scim");
		JsonNode carlHistory = last(api.get("colleagues/" + staged.carl() + "/history").json());
		assertThat(carlHistory.get("actor").get("type").asString()).isEqualTo("operator");
		assertThat(carlHistory.get("actor").get("id").asString()).isEqualTo(OPERATOR.id().toString());
		JsonNode salesHistory = last(api.get("teams/" + staged.sales() + "/history").json());
		assertThat(salesHistory.get("action").asString()).isEqualTo("taken_over");

		assertThat(jdbc().sql("SELECT COUNT(*) FROM company WHERE id = ?")
			.param(before.stagingCompanyId())
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc().sql("SELECT COUNT(*) FROM colleague WHERE company_id = ?")
			.param(before.stagingCompanyId())
			.query(Long.class)
			.single()).isZero();
		for (String table : List.of("history_entry", "team_member", "activity_entry")) {
			assertThat(jdbc().sql("SELECT COUNT(*) FROM " + table + " WHERE company_id = ?")
				.param(before.stagingCompanyId())
				.query(Long.class)
				.single()).as("rows of the staging company in %s", table).isZero();
		}
		assertThatExceptionOfType(FirstSyncException.class)
			.isThrownBy(() -> firstSync().finish(companyId, Set.of(), OPERATOR, true))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(FirstSyncException.Reason.NOT_IN_SETUP));
	}

	@Test
	void changeDuringFinishReachesRealCompany() throws Exception {
		TestCompany company = server.newCompanyInSetup("Race", IdentityProvider.OKTA);
		ScimHttp scim = company.scim();
		assertThat(scim.post("/Users", "{\"userName\": \"ann@race.test\"}").status()).isEqualTo(201);
		TransactionTemplate transaction = new TransactionTemplate(
				server.bean(org.springframework.transaction.PlatformTransactionManager.class));
		CompletableFuture<ScimHttp.Response> during = new CompletableFuture<>();
		List<Boolean> doneWhileFinishing = new ArrayList<>();

		transaction.executeWithoutResult((status) -> {
			firstSync().finish(company.id(), Set.of(), OPERATOR);
			CompletableFuture
				.supplyAsync(() -> scim.post("/Users", "{\"userName\": \"bea@race.test\", \"title\": \"Late\"}"))
				.whenComplete((response, failure) -> {
					if (failure != null) {
						during.completeExceptionally(failure);
					}
					else {
						during.complete(response);
					}
				});
			sleep(Duration.ofMillis(800));
			doneWhileFinishing.add(during.isDone());
		});
		ScimHttp.Response response = during.get(30, TimeUnit.SECONDS);

		assertThat(doneWhileFinishing).containsExactly(false);
		assertThat(response.status()).isEqualTo(201);
		String id = response.json().get("id").asString();
		assertThat(scim.get("/Users/" + id).json().get("title").asString()).isEqualTo("Late");
		JsonNode bea = colleague(company.api(), "bea@race.test");
		assertThat(bea.get("scimId").asString()).isEqualTo(id);
		assertThat(bea.get("managedBy").asString()).isEqualTo("scim");
		assertThat(colleague(company.api(), "ann@race.test").get("managedBy").asString()).isEqualTo("scim");
	}

	@Test
	void stagingCompanyStaysHidden() {
		long companiesBefore = server.bean(CompanyStore.class).count();
		TestCompany company = server.newCompanyInSetup("Hidden", IdentityProvider.OKTA);
		TestCompany other = server.newCompany("Other", Plan.ENTERPRISE, IdentityProvider.OKTA);
		ScimHttp scim = company.scim();
		String user = scim.post("/Users", "{\"userName\": \"iso@hidden.test\"}").json().get("id").asString();
		String group = scim.post("/Groups", "{\"displayName\": \"Iso\", \"members\": [{\"value\": \"" + user + "\"}]}")
			.json()
			.get("id")
			.asString();
		UUID stagingId = firstSync().connection(company.id()).orElseThrow().stagingCompanyId();

		assertThat(other.scim().get("/Users/" + user).status()).isEqualTo(404);
		assertThat(other.scim().get("/Groups/" + group).status()).isEqualTo(404);
		assertThat(other.scim().patch("/Users/" + user, """
				{"Operations": [{"op": "replace", "path": "title", "value": "X"}]}""").status()).isEqualTo(404);
		assertThat(other.scim()
			.get("/Users?filter=userName%20eq%20%22iso@hidden.test%22")
			.json()
			.get("totalResults")
			.asLong()).isZero();
		assertThat(company.api().get("colleagues?q=iso").json().get("total").asLong()).isZero();
		assertThat(company.api().get("teams?q=iso").json().get("total").asLong()).isZero();
		assertThat(company.api().get("scim-connections").json().get(0).get("state").asString()).isEqualTo("setup");
		assertThat(stagingId).isNotNull();
		assertThat(server.bean(CompanyStore.class).find(stagingId)).isEmpty();
		assertThat(server.bean(CompanyStore.class).ids()).doesNotContain(stagingId);
		assertThat(server.bean(CompanyStore.class).count()).isEqualTo(companiesBefore + 2);
		assertThat(company.api().get("activity?limit=100").json().get("items"))
			.allSatisfy((entry) -> assertThat(entry.get("connectionId").asString())
				.isEqualTo(company.connectionId().toString()))
			.hasSize(2);
		UUID demo = jdbc().sql("SELECT id FROM company WHERE name = 'Demo'").query(UUID.class).single();
		assertThat(firstSync().connection(demo).orElseThrow().state()).isEqualTo(ConnectionState.LIVE);
	}

	@Test
	void reenabledSetupConnectionStaysInSetup() {
		TestCompany company = server.newCompanyInSetup("Again", IdentityProvider.OKTA);
		ApiHttp api = company.api();
		String user = company.scim().post("/Users", "{\"userName\": \"ann@again.test\"}").json().get("id").asString();

		assertThat(api.post("scim-connections/" + company.connectionId() + "/disable", null).status()).isEqualTo(200);
		assertThat(company.scim().get("/Users/" + user).status()).isEqualTo(401);
		JsonNode enabled = api.post("scim-connections/" + company.connectionId() + "/enable", null).json();

		assertThat(enabled.get("state").asString()).isEqualTo("setup");
		assertThat(company.scim().get("/Users/" + user).status()).isEqualTo(200);
		assertThat(api.get("colleagues?q=ann").json().get("total").asLong()).isZero();
	}

	/**
	 * Builds a company with a history and a connection in setup whose provider has sent
	 * users and groups covering every section of the plan.
	 */
	private static Staged stage(String name) {
		String domain = name.toLowerCase(java.util.Locale.ROOT) + ".test";
		TestCompany first = server.newCompany(name, Plan.ENTERPRISE, IdentityProvider.OKTA);
		ScimHttp old = first.scim();
		String liveDora = created(old.post("/Users", "{\"userName\": \"dora@" + domain + "\"}"));
		String liveEngineering = created(old.post("/Groups",
				"{\"displayName\": \"Engineering\", \"members\": [{\"value\": \"" + liveDora + "\"}]}"));
		ApiHttp api = first.api();
		assertThat(api.post("scim-connections/" + first.connectionId() + "/disable", null).status()).isEqualTo(200);
		UUID ann = appColleague(api, "ann@" + domain, "member");
		UUID bob = appColleague(api, "bob@" + domain, "light");
		UUID carl = appColleague(api, "carl@" + domain, "light");
		UUID sales = UUID
			.fromString(api.post("teams", "{\"name\": \"Sales\", \"members\": [\"" + ann + "\", \"" + bob + "\"]}")
				.json()
				.get("id")
				.asString());
		String colleaguesBefore = api.get("colleagues?limit=100").body();
		String teamsBefore = api.get("teams?limit=100").body();
		TestCompany company = server.inSetup(first.id(), IdentityProvider.ENTRA,
				new String[] { first.adminEmail(), first.adminPassword() });
		ScimHttp scim = company.scim();

		String scimAnn = created(
				scim.post("/Users", "{\"userName\": \"ANN@" + domain + "\", \"title\": \"Lead\", \"active\": true}"));
		String scimEve = created(scim.post("/Users", "{\"userName\": \"eve@" + domain + "\"}"));
		String scimFay = created(scim.post("/Users", "{\"userName\": \"fay@" + domain + "\"}"));
		String scimGus = created(scim.post("/Users", "{\"userName\": \"gus@" + domain + "\"}"));
		String scimDora = created(scim.post("/Users", "{\"userName\": \"dora@" + domain + "\"}"));
		assertThat(scim.patch("/Users/" + scimFay, """
				{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations": [{"op": "replace", "path": "title", "value": "Designer"}]}""").status()).isEqualTo(200);
		assertThat(scim.delete("/Users/" + scimGus).status()).isEqualTo(204);
		String scimSales = created(scim.post("/Groups", "{\"displayName\": \"sales\", \"members\": [{\"value\": \""
				+ scimAnn + "\"}, {\"value\": \"" + scimEve + "\"}]}"));
		String scimDesign = created(scim.post("/Groups", "{\"displayName\": \"Design\", \"members\": [{\"value\": \""
				+ scimEve + "\"}, {\"value\": \"" + scimFay + "\"}]}"));
		assertThat(scim.patch("/Groups/" + scimDesign, """
				{"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
				 "Operations": [{"op": "remove", "path": "members[value eq \\"%s\\"]"}]}""".formatted(scimFay))
			.status()).isEqualTo(204);
		created(scim.post("/Groups", "{\"displayName\": \"engineering\"}"));
		return new Staged(company, colleaguesBefore, teamsBefore, ann, bob, carl, sales, liveDora, liveEngineering,
				scimAnn, scimEve, scimFay, scimGus, scimDora, scimSales, scimDesign);
	}

	private record Staged(TestCompany company, String colleaguesBefore, String teamsBefore, UUID ann, UUID bob,
			UUID carl, UUID sales, String liveDora, String liveEngineering, String scimAnn, String scimEve,
			String scimFay, String scimGus, String scimDora, String scimSales, String scimDesign) {
	}

	private static String created(ScimHttp.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	private static UUID appColleague(ApiHttp api, String email, String role) {
		ApiHttp.Response response = api.post("colleagues",
				"{\"email\": \"" + email + "\", \"role\": \"" + role + "\"}");
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return UUID.fromString(response.json().get("id").asString());
	}

	private static JsonNode colleague(ApiHttp api, String email) {
		JsonNode items = api.get("colleagues?q=" + email).json().get("items");
		assertThat(items).as(email).hasSize(1);
		return items.get(0);
	}

	private static List<String> memberEmails(JsonNode team) {
		List<String> emails = new ArrayList<>();
		team.get("members").forEach((member) -> emails.add(member.get("email").asString()));
		return emails;
	}

	private static JsonNode last(JsonNode array) {
		return array.get(array.size() - 1);
	}

	private static List<PlanEntry> all(UUID companyId, PlanSection section) {
		List<PlanEntry> entries = new ArrayList<>();
		String cursor = null;
		do {
			PlanPage page = firstSync().plan(companyId, section, cursor, 2);
			entries.addAll(page.entries());
			cursor = page.nextCursor();
		}
		while (cursor != null);
		return entries;
	}

	private static FirstSync firstSync() {
		return server.bean(FirstSync.class);
	}

	private static JdbcClient jdbc() {
		return server.bean(JdbcClient.class);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
