package io.socialmall.payment.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the payment module ({@code socialmall.payment.*}).
 * @param callbackBaseUrl how gateways reach this application; blank means {@code http://localhost:<port>}
 */
@ConfigurationProperties("socialmall.payment")
record PaymentProperties(@DefaultValue("") String callbackBaseUrl, @DefaultValue Refund refund) {

	/**
	 * @param maxAttempts provider calls before a refund is given up as FAILED (an operator may retry it)
	 * @param retryDelay wait after the first failed call; doubled after each further failure
	 * @param maxRetryDelay the longest wait between two calls
	 * @param lease how long a worker owns a refund's provider call before another may take it over
	 */
	record Refund(@DefaultValue("5") int maxAttempts, @DefaultValue("30s") Duration retryDelay,
			@DefaultValue("30m") Duration maxRetryDelay, @DefaultValue("2m") Duration lease) {
	}
}
