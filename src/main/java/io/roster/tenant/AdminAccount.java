package io.roster.tenant;

import java.time.Instant;
import java.util.UUID;

/**
 * A company admin who signs in to the product API with an email and a password.
 */
public record AdminAccount(UUID companyId, UUID id, String email, Instant createdAt) {

}
