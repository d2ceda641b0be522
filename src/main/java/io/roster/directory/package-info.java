/**
 * The company directory: colleagues, teams, memberships, and their storage. It knows
 * nothing of SCIM; the protocol layer maps resources onto the commands here.
 */
@NullMarked
package io.roster.directory;

import org.jspecify.annotations.NullMarked;
