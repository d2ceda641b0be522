package io.roster.directory;

import java.util.List;

/**
 * The result of a directory command: the colleague or team as it is now, and the fields
 * the command changed (none when it changed nothing).
 */
public record Changed<T>(T value, List<FieldChange> changes) {

	public Changed {
		changes = List.copyOf(changes);
	}

	public static <T> Changed<T> unchanged(T value) {
		return new Changed<>(value, List.of());
	}

}
