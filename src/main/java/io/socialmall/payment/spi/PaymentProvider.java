package io.socialmall.payment.spi;

/**
 * What the payment module needs from a payment gateway. One implementation per gateway (the built-in
 * sandbox; WeChat Pay and Alipay adapters later), registered as a Spring bean and chosen by {@link #name()}.
 * The payment module owns intents, deduplication and state changes; an adapter only talks to its gateway.
 * No method is called inside a transaction that holds stock rows.
 */
public interface PaymentProvider {

	/** The provider's name as clients pass it, upper case, e.g. {@code SANDBOX}. */
	String name();

	/**
	 * Opens a payment at the gateway and returns where to send the buyer.
	 * @throws ProviderUnavailable if the gateway cannot be reached or is down
	 */
	ProviderCheckout begin(CheckoutRequest request);

	/**
	 * Checks that a notification really comes from the gateway (signature, freshness) and reads it.
	 * @throws InvalidNotification if it does not verify or cannot be read; nothing may be changed then
	 */
	ProviderNotification verify(NotificationRequest request);

	/**
	 * Asks the gateway to return money. Must be safe to repeat: the gateway deduplicates by
	 * {@link RefundRequest#idempotencyKey()}, so a retry after a lost answer refunds nothing twice.
	 * Throwing counts as {@link RefundOutcome.Status#RETRY}.
	 */
	RefundOutcome refund(RefundRequest request);
}
