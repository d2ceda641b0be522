package io.roster.directory;

import java.util.List;

/**
 * One page of a search, with the number of matches in all pages.
 */
public record Page<T>(List<T> items, long total) {

}
