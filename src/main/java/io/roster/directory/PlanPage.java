package io.roster.directory;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A page of one plan section.
 *
 * @param nextCursor the cursor of the next page, or {@code null} on the last one
 */
public record PlanPage(PlanSection section, List<PlanEntry> entries, @Nullable String nextCursor) {

	public PlanPage {
		entries = List.copyOf(entries);
	}

}
