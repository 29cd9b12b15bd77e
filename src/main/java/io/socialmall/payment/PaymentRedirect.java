package io.socialmall.payment;

/** Where to send the buyer to pay: the provider's page (the sandbox's page on this site). */
public record PaymentRedirect(long paymentIntentId, String provider, String url) {
}
