package io.roster.tenant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores companies. A staging company, the hidden directory of a SCIM connection in
 * setup, is a company row marked with the real company it stages for; every read here
 * except {@link #createStaging} and {@link #deleteStaging} leaves staging companies out.
 */
@Repository
public class CompanyStore {

	private final JdbcClient jdbc;

	CompanyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Company create(String name, Plan plan) {
		Company company = new Company(UUID.randomUUID(), name, plan, "light", "auto", now());
		this.jdbc.sql("""
				INSERT INTO company (id, name, plan, default_role, matching_policy, created_at)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(company.id(), company.name(), plan.code(), company.defaultRole(), company.matchingPolicy(),
					OffsetDateTime.ofInstant(company.createdAt(), ZoneOffset.UTC))
			.update();
		return company;
	}

	public Optional<Company> find(UUID id) {
		return this.jdbc.sql("SELECT * FROM company WHERE id = ? AND staging_of IS NULL")
			.param(id)
			.query(CompanyStore::map)
			.optional();
	}

	/** Returns the ids of all companies, for jobs that run company by company. */
	public java.util.List<UUID> ids() {
		return this.jdbc.sql("SELECT id FROM company WHERE staging_of IS NULL ORDER BY id")
			.query((rs, row) -> rs.getObject("id", UUID.class))
			.list();
	}

	/**
	 * Returns companies whose name contains {@code query} (ignoring case), by name, each
	 * with its open SCIM connection. This query reads across companies, for support.
	 */
	public List<CompanyOverview> search(String query, int offset, int limit) {
		return this.jdbc.sql("""
				SELECT c.*, s.id AS connection_id, s.provider, s.state, s.created_at AS connection_created_at,
				    s.updated_at AS connection_updated_at, s.staging_company_id
				FROM company c LEFT JOIN scim_connection s ON s.company_id = c.id AND s.open_key = 1
				WHERE LOWER(c.name) LIKE ? ESCAPE '\\' AND c.staging_of IS NULL
				ORDER BY LOWER(c.name), c.id LIMIT ? OFFSET ?""")
			.params(containsPattern(query), limit, offset)
			.query((rs, row) -> new CompanyOverview(map(rs, row), connection(rs)))
			.list();
	}

	/**
	 * Returns the number of companies whose name contains {@code query}, ignoring case.
	 */
	public long countMatching(String query) {
		return this.jdbc.sql("SELECT COUNT(*) FROM company WHERE LOWER(name) LIKE ? ESCAPE '\\' AND staging_of IS NULL")
			.param(containsPattern(query))
			.query(Long.class)
			.single();
	}

	public long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM company WHERE staging_of IS NULL").query(Long.class).single();
	}

	/**
	 * Creates the staging company of a real company, empty, and returns its id. It copies
	 * the real company's plan and settings only for completeness: requests that use it
	 * read the real company's settings.
	 */
	UUID createStaging(Company real) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO company (id, name, plan, default_role, matching_policy, created_at, staging_of)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, real.name() + " (first sync)", real.plan().code(), real.defaultRole(), real.matchingPolicy(),
					OffsetDateTime.ofInstant(now(), ZoneOffset.UTC), real.id())
			.update();
		return id;
	}

	/**
	 * Deletes the row of a staging company. Its directory data, history included, must be
	 * gone already, because no foreign key of the history or activity tables checks it.
	 * @return whether a staging company with this id existed
	 */
	boolean deleteStaging(UUID stagingId) {
		return this.jdbc.sql("DELETE FROM company WHERE id = ? AND staging_of IS NOT NULL")
			.param(stagingId)
			.update() == 1;
	}

	/** Sets the default role of provisioned colleagues and the matching policy. */
	public void changeSettings(UUID id, String defaultRole, MatchingPolicy matchingPolicy) {
		this.jdbc.sql("UPDATE company SET default_role = ?, matching_policy = ? WHERE id = ?")
			.params(defaultRole, matchingPolicy.code(), id)
			.update();
	}

	public void changePlan(UUID id, Plan plan) {
		this.jdbc.sql("UPDATE company SET plan = ? WHERE id = ?").params(plan.code(), id).update();
	}

	private static Company map(ResultSet rs, int row) throws SQLException {
		return new Company(rs.getObject("id", UUID.class), rs.getString("name"), Plan.fromCode(rs.getString("plan")),
				rs.getString("default_role"), rs.getString("matching_policy"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}

	private static String containsPattern(String query) {
		String escaped = query.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return "%" + escaped + "%";
	}

	private static @Nullable ScimConnection connection(ResultSet rs) throws SQLException {
		UUID id = rs.getObject("connection_id", UUID.class);
		if (id == null) {
			return null;
		}
		return new ScimConnection(rs.getObject("id", UUID.class), id,
				IdentityProvider.parse(rs.getString("provider")).orElse(IdentityProvider.OTHER),
				ConnectionState.fromCode(rs.getString("state")),
				rs.getObject("connection_created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("connection_updated_at", OffsetDateTime.class).toInstant(),
				rs.getObject("staging_company_id", UUID.class));
	}

	private static Instant now() {
		return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
	}

}
