package io.roster.directory;

import org.jspecify.annotations.Nullable;

/**
 * One field a change touched, with its value before and after; {@code null} is no value.
 * Team memberships appear as the field {@code team} of a colleague and {@code member} of
 * a team, with the other side's id as the value.
 */
public record FieldChange(String field, @Nullable String oldValue, @Nullable String newValue) {

}
