/**
 * The activity log: one entry per SCIM request, kept for a configured retention and then
 * purged by a scheduled job, and exported as JSON or CSV.
 */
@NullMarked
package io.roster.activity;

import org.jspecify.annotations.NullMarked;
