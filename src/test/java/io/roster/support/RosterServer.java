package io.roster.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.roster.RosterApplication;
import io.roster.sync.FirstSync;
import io.roster.tenant.AdminAccounts;
import io.roster.tenant.Company;
import io.roster.tenant.ConnectionState;
import io.roster.tenant.IdentityProvider;
import io.roster.tenant.CompanyStore;
import io.roster.tenant.Plan;
import io.roster.tenant.ScimConnection;
import io.roster.tenant.ScimConnections;
import io.roster.tenant.ScimTokens;

/**
 * A real Roster process in the test JVM, listening on a random port of 127.0.0.1 with its
 * own data directory and database. It can be stopped and started again on the same data,
 * as a restart would.
 */
public final class RosterServer implements AutoCloseable {

	private final Map<String, Object> properties;

	private final Path dataDir;

	private ConfigurableApplicationContext context;

	private RosterServer(Map<String, Object> properties, Path dataDir) {
		this.properties = properties;
		this.dataDir = dataDir;
		start();
	}

	/** Starts Roster on a new, empty database with the demo company. */
	public static RosterServer start(TestDatabase database, Map<String, Object> extra) {
		try {
			Path dataDir = TemporaryDirectories.create("roster-test-");
			Map<String, Object> properties = new LinkedHashMap<>(database.newDatabase(dataDir));
			properties.put("server.address", "127.0.0.1");
			properties.put("server.port", "0");
			// The lowest bcrypt cost, since every product API request verifies a
			// password.
			properties.put("roster.security.bcrypt-strength", "4");
			properties.putAll(extra);
			return new RosterServer(properties, dataDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static RosterServer start(TestDatabase database) {
		return start(database, Map.of());
	}

	/**
	 * Starts a second Roster instance on the database of {@code other}, with its own data
	 * directory and port, as another instance behind a load balancer would run. The demo
	 * company is the one {@code other} created.
	 */
	public static RosterServer startBeside(RosterServer other) {
		try {
			Path dataDir = TemporaryDirectories.create("roster-test-");
			Map<String, Object> properties = new LinkedHashMap<>(other.properties);
			// An H2 file database opened twice in one JVM is one database, so the second
			// instance shares it when it names the first one's file.
			properties.put("spring.datasource.url",
					other.context.getEnvironment().getProperty("spring.datasource.url"));
			properties.put("roster.data-dir", dataDir.toString());
			properties.put("roster.demo.enabled", "false");
			return new RosterServer(properties, dataDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Starts Roster with exactly the given database settings, such as
	 * {@code spring.datasource.url} of a server the test runs itself.
	 */
	public static RosterServer start(Map<String, Object> properties) {
		try {
			Path dataDir = TemporaryDirectories.create("roster-test-");
			Map<String, Object> all = new LinkedHashMap<>();
			all.put("roster.data-dir", dataDir.toString());
			all.put("server.address", "127.0.0.1");
			all.put("server.port", "0");
			all.putAll(properties);
			return new RosterServer(all, dataDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Stops Roster and starts it again on the same data directory and database. */
	public void restart() {
		stop();
		start();
	}

	public void stop() {
		if (this.context != null) {
			this.context.close();
			this.context = null;
		}
	}

	@Override
	public void close() {
		stop();
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.context.getEnvironment().getProperty("local.server.port");
	}

	public String scimUrl() {
		return baseUrl() + "/scim/v2";
	}

	public Path dataDir() {
		return this.dataDir;
	}

	/** Returns the demo company's SCIM token, as written on first start. */
	public String demoToken() {
		return readSecret("demo-scim-token");
	}

	/** Returns the demo admin's password, as written on first start. */
	public String demoAdminPassword() {
		return readSecret("demo-admin-password");
	}

	/** Returns the demo operator's password, as written on first start. */
	public String demoOperatorPassword() {
		return readSecret("demo-operator-password");
	}

	/**
	 * Creates a company with a live SCIM connection to the given identity provider, a
	 * token of it, and an admin with a random email.
	 */
	public TestCompany newCompany(String name, Plan plan, IdentityProvider provider) {
		Company company = this.context.getBean(CompanyStore.class).create(name, plan);
		ScimConnection connection = this.context.getBean(ScimConnections.class)
			.open(company.id(), provider, ConnectionState.LIVE);
		String token = this.context.getBean(ScimTokens.class).issue(connection, "Test token");
		String email = "admin-" + UUID.randomUUID() + "@" + name.toLowerCase(java.util.Locale.ROOT) + ".test";
		String password = this.context.getBean(AdminAccounts.class).create(company.id(), email);
		return new TestCompany(company.id(), connection.id(), token, email, password, this);
	}

	/**
	 * Creates an enterprise company whose only SCIM connection is in setup and has no
	 * token yet, as the setup wizard finds it before it issues one.
	 */
	public Company newCompanyWithSetupConnection(String name) {
		Company company = this.context.getBean(CompanyStore.class).create(name, Plan.ENTERPRISE);
		this.context.getBean(ScimConnections.class).open(company.id(), IdentityProvider.OTHER, ConnectionState.SETUP);
		return company;
	}

	/** Signs the demo operator in to the support console and returns that session. */
	public ConsoleHttp signedInOperator() {
		ConsoleHttp operator = new ConsoleHttp(baseUrl());
		HttpResponse<String> signedIn = operator.signIn("/support/sign-in", "support@roster.example",
				demoOperatorPassword());
		if (signedIn.statusCode() != 302) {
			throw new IllegalStateException("Demo operator sign-in failed with status " + signedIn.statusCode());
		}
		return operator;
	}

	/**
	 * Creates a company with a SCIM connection in setup, opened as support's console
	 * opens it, a token of it, and an admin with a random email.
	 */
	public TestCompany newCompanyInSetup(String name, IdentityProvider provider) {
		Company company = this.context.getBean(CompanyStore.class).create(name, Plan.ENTERPRISE);
		return inSetup(company.id(), provider, admin(company.id(), name));
	}

	/**
	 * Opens a SCIM connection in setup for a company whose other connections are
	 * disabled, and returns the company with a token of the new connection.
	 */
	public TestCompany inSetup(UUID companyId, IdentityProvider provider, String[] admin) {
		ScimConnection connection = this.context.getBean(FirstSync.class).open(companyId, provider);
		String token = this.context.getBean(ScimTokens.class).issue(connection, "Setup token");
		return new TestCompany(companyId, connection.id(), token, admin[0], admin[1], this);
	}

	private String[] admin(UUID companyId, String name) {
		String email = "admin-" + UUID.randomUUID() + "@" + name.toLowerCase(java.util.Locale.ROOT) + ".test";
		return new String[] { email, this.context.getBean(AdminAccounts.class).create(companyId, email) };
	}

	/** Creates another company and returns a SCIM token of it. */
	public String tokenOfNewCompany(String name, Plan plan) {
		Company company = this.context.getBean(CompanyStore.class).create(name, plan);
		return this.context.getBean(ScimTokens.class).issue(company.id(), "Test token");
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	private String readSecret(String file) {
		try {
			return Files.readString(this.dataDir.resolve(file)).trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void start() {
		// Command-line arguments outrank application.properties; builder properties would
		// not.
		String[] args = this.properties.entrySet()
			.stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
		this.context = new SpringApplicationBuilder(RosterApplication.class).run(args);
	}

}
