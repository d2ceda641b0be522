/**
 * The server-rendered web console: company admins manage their company's colleagues,
 * teams, provisioning activity and SCIM connection under {@code /console}, and support
 * staff (operators) work under {@code /support}. Both sign in with a form; the session
 * lives in the database, so any instance serves any signed-in browser.
 */
@NullMarked
package io.roster.console;

import org.jspecify.annotations.NullMarked;
