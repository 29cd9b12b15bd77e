package io.socialmall.identity;

/** A freshly created token: {@code token} is the secret, shown this once and stored only as a hash. */
public record NewApiToken(ApiTokenView details, String token) {
}
