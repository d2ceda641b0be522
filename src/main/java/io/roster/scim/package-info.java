/**
 * The SCIM 2.0 service provider under {@code /scim/v2} (RFC 7643 and RFC 7644):
 * endpoints, discovery, filters, PATCH and the SCIM error model.
 */
@NullMarked
package io.roster.scim;

import org.jspecify.annotations.NullMarked;
