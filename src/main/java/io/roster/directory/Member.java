package io.roster.directory;

import org.jspecify.annotations.Nullable;

/**
 * A colleague in a team, named by the colleague's link id.
 */
public record Member(String linkId, @Nullable String display) {

}
