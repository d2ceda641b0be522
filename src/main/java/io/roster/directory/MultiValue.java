package io.roster.directory;

import org.jspecify.annotations.Nullable;

/**
 * One value of a multi-valued attribute of a colleague, such as an email address or a
 * role.
 */
public record MultiValue(String value, @Nullable String type, @Nullable String display, boolean primary) {

}
