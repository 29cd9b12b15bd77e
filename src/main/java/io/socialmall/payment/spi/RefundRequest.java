package io.socialmall.payment.spi;

import io.socialmall.core.Money;

/**
 * A refund to execute at a gateway.
 * @param idempotencyKey the same for every attempt of one refund; the gateway executes a key once
 * @param transactionId the gateway's id of the payment to refund
 * @param paymentAmount what the payment was, as some gateways want it with the refund
 */
public record RefundRequest(String idempotencyKey, String transactionId, Money amount, Money paymentAmount,
		String reason) {
}
