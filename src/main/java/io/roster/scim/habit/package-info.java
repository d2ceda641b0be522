/**
 * Client habits: the departures from RFC 7644 that real identity providers send and
 * Roster accepts. Each habit is one class that documents the shape it accepts next to the
 * standard one and rewrites the request into the standard form before it is parsed.
 */
@NullMarked
package io.roster.scim.habit;

import org.jspecify.annotations.NullMarked;
