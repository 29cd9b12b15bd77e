package io.socialmall.ordering;

import io.socialmall.core.IdempotentCommands;
import io.socialmall.payment.PaymentRedirect;

/**
 * Turning a buyer's cart lines into orders, one per supplier, with one payment for them all.
 */
public interface Checkouts {

	/**
	 * What checking out these cart lines would create now (empty {@code skuIds}: the selected lines), without
	 * coupons. Reserves nothing; the address is not needed.
	 */
	default CheckoutPreview preview(long buyerId, java.util.List<Long> skuIds) {
		return preview(buyerId, skuIds, java.util.List.of());
	}

	/**
	 * What checking out these cart lines with these coupons would create now, priced by every
	 * {@link CheckoutParticipant} (which must not write). Reserves nothing; the address is not needed.
	 */
	CheckoutPreview preview(long buyerId, java.util.List<Long> skuIds, java.util.List<Long> couponIds);

	/**
	 * Places the orders: in one transaction prices the lines through every {@link CheckoutParticipant},
	 * reserves the stock, creates one order per supplier with frozen prices, discounts, margins, shipping
	 * fee, platform fee and supplier amount, creates the payment intent (reference
	 * {@code checkout:<id>}) and removes the lines from the cart. Nothing is written if any step fails.
	 * Idempotent by {@code idempotencyKey}: a retry returns the first checkout.
	 * @throws io.socialmall.inventory.SoldOut {@code sold-out} (409) if a SKU has too few units
	 * @throws io.socialmall.core.DomainException {@code not-purchasable} (409), {@code price-changed} (409),
	 *         {@code confirmation-required} (422) when a non-returnable SKU is not confirmed,
	 *         {@code not-found} (404) for another buyer's address, {@code invalid-input} (400),
	 *         {@code discount-too-large} (422), or whatever a participant refuses with
	 */
	IdempotentCommands.Outcome<CheckoutView> checkout(long buyerId, String idempotencyKey, CheckoutRequest request);

	/** One of the buyer's checkouts; anyone else's is "not found". */
	CheckoutView get(long buyerId, long checkoutId);

	/**
	 * Sends the buyer to pay the checkout's payment intent with {@code provider}.
	 * @throws io.socialmall.core.DomainException {@code nothing-to-pay} (409) when no order of the checkout
	 *         still waits for payment (paid, or cancelled by the timeout)
	 */
	PaymentRedirect startPayment(long buyerId, long checkoutId, String provider);
}
