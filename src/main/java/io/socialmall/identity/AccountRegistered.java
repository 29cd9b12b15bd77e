package io.socialmall.identity;

import java.time.Instant;

/** Someone opened an account. Registering earns nobody anything; it only lets others record who invited whom. */
public record AccountRegistered(long accountId, Instant at) {
}
