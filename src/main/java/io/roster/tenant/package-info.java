/**
 * Companies, their plans, and the SCIM bearer tokens that choose a company.
 */
@NullMarked
package io.roster.tenant;

import org.jspecify.annotations.NullMarked;
