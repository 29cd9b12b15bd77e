package io.socialmall.identity;

import java.time.Instant;

/**
 * An API token as listed to its owner: only a short prefix of the secret is ever shown again.
 */
public record ApiTokenView(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
		Instant revokedAt) {
}
