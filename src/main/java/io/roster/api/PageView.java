package io.roster.api;

import java.util.List;

/**
 * One page of a list, with the number of matches in all pages.
 */
record PageView<T>(List<T> items, long total, int offset, int limit) {

}
