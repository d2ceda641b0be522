package io.roster.tenant;

import org.jspecify.annotations.Nullable;

/**
 * A company with its open SCIM connection, as support lists companies.
 *
 * @param connection the connection that is in setup or live, or {@code null} when the
 * company has none
 */
public record CompanyOverview(Company company, @Nullable ScimConnection connection) {
}
