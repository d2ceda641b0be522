package io.roster.directory;

import org.jspecify.annotations.Nullable;

/**
 * A column that criteria can compare, with its type.
 *
 * @param column the column, qualified by the alias of its table
 * @param keyColumn a lower-cased, indexed copy of the column used by comparisons that
 * ignore case, or {@code null} to compare {@code LOWER(column)}
 */
public record Field(String column, Type type, @Nullable String keyColumn) {

	/** The value type of a field. */
	public enum Type {

		STRING, BOOLEAN, INSTANT,
		/** An internal id, compared with a {@link java.util.UUID}. */
		ID

	}

	/**
	 * A multi-valued attribute stored as rows of a child table.
	 *
	 * @param from the child table with its alias, joins included
	 * @param correlation the condition that ties a child row to the parent row
	 */
	public record Collection(String from, String correlation) {
	}

	// Colleague columns (alias c).

	public static final Field COLLEAGUE_LINK_ID = new Field("c.link_id", Type.STRING, null);

	public static final Field USER_NAME = new Field("c.user_name", Type.STRING, "c.user_name_key");

	public static final Field COLLEAGUE_EXTERNAL_ID = new Field("c.external_id", Type.STRING, null);

	public static final Field GIVEN_NAME = new Field("c.given_name", Type.STRING, null);

	public static final Field FAMILY_NAME = new Field("c.family_name", Type.STRING, null);

	public static final Field FORMATTED_NAME = new Field("c.formatted_name", Type.STRING, null);

	public static final Field COLLEAGUE_DISPLAY_NAME = new Field("c.display_name", Type.STRING, "c.display_name_key");

	public static final Field TITLE = new Field("c.title", Type.STRING, null);

	public static final Field ACTIVE = new Field("c.active", Type.BOOLEAN, null);

	public static final Field EMPLOYEE_NUMBER = new Field("c.employee_number", Type.STRING, null);

	public static final Field DEPARTMENT = new Field("c.department", Type.STRING, null);

	public static final Field COST_CENTER = new Field("c.cost_center", Type.STRING, null);

	public static final Field ORGANIZATION = new Field("c.organization", Type.STRING, null);

	public static final Field DIVISION = new Field("c.division", Type.STRING, null);

	public static final Field MANAGER_LINK_ID = new Field("c.manager_link_id", Type.STRING, null);

	public static final Field ROLE = new Field("c.role", Type.STRING, null);

	public static final Field COLLEAGUE_MANAGED_BY = new Field("c.managed_by", Type.STRING, null);

	public static final Field COLLEAGUE_CREATED = new Field("c.created_at", Type.INSTANT, null);

	public static final Field COLLEAGUE_UPDATED = new Field("c.updated_at", Type.INSTANT, null);

	public static final Collection EMAILS = new Collection("colleague_value v",
			"v.company_id = c.company_id AND v.colleague_id = c.id AND v.kind = 'email'");

	public static final Collection ROLES = new Collection("colleague_value v",
			"v.company_id = c.company_id AND v.colleague_id = c.id AND v.kind = 'role'");

	/** The teams a colleague belongs to, archived ones included. */
	public static final Collection TEAMS = new Collection("team_member tm",
			"tm.company_id = c.company_id AND tm.colleague_id = c.id");

	/** The team of one membership in TEAMS (alias tm). */
	public static final Field MEMBERSHIP_TEAM = new Field("tm.team_id", Type.ID, null);

	// Columns of one value of EMAILS or ROLES (alias v).

	public static final Field ITEM_VALUE = new Field("v.item_value", Type.STRING, "v.item_value_key");

	public static final Field ITEM_TYPE = new Field("v.item_type", Type.STRING, null);

	public static final Field ITEM_DISPLAY = new Field("v.item_display", Type.STRING, null);

	public static final Field ITEM_PRIMARY = new Field("v.is_primary", Type.BOOLEAN, null);

	// Team columns (alias t).

	public static final Field TEAM_LINK_ID = new Field("t.link_id", Type.STRING, null);

	public static final Field TEAM_DISPLAY_NAME = new Field("t.display_name", Type.STRING, "t.active_name_key");

	public static final Field TEAM_EXTERNAL_ID = new Field("t.external_id", Type.STRING, null);

	/** The team's name compared as stored, archived teams included. */
	public static final Field TEAM_NAME = new Field("t.display_name", Type.STRING, null);

	public static final Field TEAM_MANAGED_BY = new Field("t.managed_by", Type.STRING, null);

	public static final Field TEAM_ARCHIVED = new Field("t.archived", Type.BOOLEAN, null);

	public static final Field TEAM_CREATED = new Field("t.created_at", Type.INSTANT, null);

	public static final Field TEAM_UPDATED = new Field("t.updated_at", Type.INSTANT, null);

	public static final Collection MEMBERS = new Collection(
			"team_member m JOIN colleague mc ON mc.company_id = m.company_id AND mc.id = m.colleague_id",
			"m.company_id = t.company_id AND m.team_id = t.id");

	// Columns of one member of MEMBERS (alias mc, the member colleague).

	public static final Field MEMBER_VALUE = new Field("mc.link_id", Type.STRING, null);

	public static final Field MEMBER_DISPLAY = new Field("mc.display_name", Type.STRING, "mc.display_name_key");

}
