/**
 * Companies, their plans and settings, SCIM connections with the bearer tokens that
 * choose a company, company admin accounts, and the actors that changes are recorded
 * under.
 */
@NullMarked
package io.roster.tenant;

import org.jspecify.annotations.NullMarked;
