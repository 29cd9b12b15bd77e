package io.socialmall.payment;

import java.time.Instant;

/** The provider reported that the payer declined or the payment failed; the buyer may try again. */
public record PaymentFailed(long paymentIntentId, String reference, long payerId, String reason, Instant at) {
}
