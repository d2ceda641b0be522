/**
 * The staged first sync of a SCIM connection: the service that support's console uses to
 * open a connection in setup, read the plan its identity provider's requests built, and
 * finish the sync.
 */
@NullMarked
package io.roster.sync;

import org.jspecify.annotations.NullMarked;
