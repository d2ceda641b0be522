package io.roster.directory;

import org.jspecify.annotations.Nullable;

/**
 * What an identity provider or an admin sets on a team, apart from its members.
 */
public record TeamProfile(String displayName, @Nullable String externalId) {

}
