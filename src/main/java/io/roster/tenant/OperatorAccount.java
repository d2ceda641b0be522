package io.roster.tenant;

import java.time.Instant;
import java.util.UUID;

/**
 * A member of the product's support staff, who signs in to the support console at
 * {@code /support}. Operators belong to no company.
 */
public record OperatorAccount(UUID id, String email, Instant createdAt) {

}
