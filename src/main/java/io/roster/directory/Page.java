package io.roster.directory;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One page of a search, with the number of matches in all pages.
 *
 * @param lastId internal id of the last item, from which a seek continues, or
 * {@code null} for an empty page
 * @param hasMore whether more items follow this page
 */
public record Page<T>(List<T> items, long total, @Nullable UUID lastId, boolean hasMore) {

}
