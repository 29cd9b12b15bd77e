package io.socialmall.payment.spi;

import java.time.Instant;

import io.socialmall.core.Money;

/**
 * A verified notification from a gateway.
 * @param notificationId the gateway's unique id for this notification (retries of it carry the same id)
 * @param merchantOrderNo what we passed as {@link CheckoutRequest#merchantOrderNo()}
 * @param transactionId the gateway's id for the payment
 */
public record ProviderNotification(String notificationId, Kind kind, String merchantOrderNo, String transactionId,
		Money amount, String reason, Instant occurredAt) {

	public enum Kind {
		/** The payer paid; the money is at the gateway. */
		PAYMENT_SUCCEEDED,
		/** The payer declined or the payment failed; nothing was taken. */
		PAYMENT_FAILED
	}
}
