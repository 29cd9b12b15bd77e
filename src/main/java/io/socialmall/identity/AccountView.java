package io.socialmall.identity;

import java.time.Instant;
import java.util.Set;

/** An account as other modules and clients may see it (no password, no token). */
public record AccountView(long id, String email, String displayName, Set<Role> roles, Instant createdAt) {
}
