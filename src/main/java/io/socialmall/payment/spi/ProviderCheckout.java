package io.socialmall.payment.spi;

/** An opened payment: the page to send the buyer to and the gateway's id for the session. */
public record ProviderCheckout(String redirectUrl, String sessionId) {
}
