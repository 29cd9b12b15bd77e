package io.socialmall.payment.spi;

import io.socialmall.core.Money;

/**
 * A payment to open at a gateway.
 * @param merchantOrderNo our key for it at the gateway (the intent's id); it comes back in notifications
 * @param returnUrl where the gateway sends the buyer afterwards
 * @param notifyUrl where the gateway posts its signed notifications
 */
public record CheckoutRequest(String merchantOrderNo, Money amount, String description, String returnUrl,
		String notifyUrl) {
}
