package io.socialmall.payment.sandbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the built-in sandbox gateway ({@code socialmall.payment.sandbox.*}).
 * @param enabled whether the sandbox gateway and its pages exist at all (off in production: it takes no money)
 * @param secret the key both sides sign notifications with (HMAC-SHA256); at least 16 characters
 * @param tolerance how far a notification's timestamp may be from our clock
 * @param sessionTtl how long a buyer has to approve on the sandbox page
 * @param notifyMaxAttempts deliveries of one notification before the gateway gives up on it
 * @param notifyRetryDelay wait after the first failed delivery, doubled after each further one
 * @param notifyMaxRetryDelay the longest wait between two deliveries
 */
@ConfigurationProperties("socialmall.payment.sandbox")
record SandboxProperties(@DefaultValue("true") boolean enabled, String secret,
		@DefaultValue("SocialMall") String merchantName, @DefaultValue("5m") Duration tolerance,
		@DefaultValue("30m") Duration sessionTtl, @DefaultValue("30") int notifyMaxAttempts,
		@DefaultValue("15s") Duration notifyRetryDelay, @DefaultValue("1h") Duration notifyMaxRetryDelay) {

	SandboxProperties {
		if (enabled && (secret == null || secret.length() < 16)) {
			throw new IllegalStateException(
					"socialmall.payment.sandbox.secret must be set to at least 16 characters while the sandbox is enabled");
		}
	}
}
