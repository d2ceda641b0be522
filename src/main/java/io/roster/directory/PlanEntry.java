package io.roster.directory;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One line of a first sync's plan.
 *
 * @param cursor the position after this entry, for reading the next page
 * @param subject {@code colleague} or {@code team}
 * @param scimId the id the identity provider holds for the user or group; {@code null}
 * for an unsent colleague
 * @param name the userName or displayName the identity provider sent, or the email of an
 * unsent colleague
 * @param existingId the colleague or team of the company that the entry links, takes
 * over, conflicts with or leaves unsent; {@code null} when the entry creates one
 * @param existingName that colleague's email or team's name
 * @param problem why finishing cannot apply the entry; set only in
 * {@link PlanSection#ERRORS}
 */
public record PlanEntry(String cursor, String subject, @Nullable String scimId, String name, @Nullable UUID existingId,
		@Nullable String existingName, @Nullable String problem) {

	public static final String COLLEAGUE = "colleague";

	public static final String TEAM = "team";

}
