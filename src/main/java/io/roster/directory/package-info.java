/**
 * The company directory: colleagues, teams, memberships, roles, the rules of who may
 * change what, the history of every change, and their storage. It knows nothing of SCIM
 * or HTTP: the SCIM layer and the product API map their requests onto the commands here,
 * so both obey the same rules.
 */
@NullMarked
package io.roster.directory;

import org.jspecify.annotations.NullMarked;
