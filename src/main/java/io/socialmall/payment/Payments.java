package io.socialmall.payment;

import java.util.List;
import java.util.Optional;

import io.socialmall.core.Money;

/**
 * Payments and refunds. {@link #create} and {@link #requestRefund} join the caller's transaction, so an
 * order and its payment intent (or a cancellation and its refund) commit together; the provider itself
 * is only ever called after commit, never inside a transaction that holds stock.
 */
public interface Payments {

	/** Creates a payment intent. Idempotent by {@code reference}: the same reference returns the same intent. */
	PaymentIntent create(NewPayment payment);

	Optional<PaymentIntent> find(long paymentIntentId);

	Optional<PaymentIntent> findByReference(String reference);

	/**
	 * Starts paying with a provider and returns where to send the buyer. Only the payer may start; an
	 * intent that already succeeded cannot be paid again.
	 */
	PaymentRedirect start(long paymentIntentId, long payerId, String provider);

	/**
	 * Like {@link #start(long, long, String)}, and the provider sends the buyer back to {@code returnPath}
	 * (a path on this site such as {@code /orders?checkout=123}) when they approved or declined. That page
	 * shows that it is processing until the provider's callback lands: the return itself proves nothing. Without a
	 * return path the buyer comes back to the payment's own status page {@code /payments/{id}}.
	 * @throws io.socialmall.core.DomainException {@code invalid-input} (field {@code returnPath}) if it is
	 * not a path on this site
	 */
	default PaymentRedirect start(long paymentIntentId, long payerId, String provider, String returnPath) {
		return start(paymentIntentId, payerId, provider);
	}

	/**
	 * Queues a refund of {@code amount} of a succeeded payment. Idempotent by {@code reference}; the refunds
	 * of one payment can never add up to more than was paid. The provider is called after commit, exactly
	 * once per refund; the outcome arrives as {@link RefundSucceeded} or {@link RefundFailed}.
	 */
	RefundView requestRefund(long paymentIntentId, String reference, Money amount, String reason);

	List<RefundView> refunds(long paymentIntentId);

	/**
	 * Cancels an intent nobody paid (its orders were cancelled). Idempotent. A payment that still arrives
	 * for it is recorded and announced with {@link PaymentSucceeded} like any other (the money was taken);
	 * the module that owns the reference refunds what it cannot use.
	 * @throws io.socialmall.core.DomainException {@code payment-already-succeeded} (409) if it was paid
	 */
	void cancel(long paymentIntentId);
}
