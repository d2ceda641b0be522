/**
 * The product's JSON API under {@code /api/v1}, for company admins: colleagues and teams
 * with their labels and history, the activity log, directory settings and SCIM
 * connections. Admins sign in with HTTP Basic; errors are RFC 9457 problem details.
 */
@NullMarked
package io.roster.api;

import org.jspecify.annotations.NullMarked;
