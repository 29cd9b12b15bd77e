package io.socialmall.ordering;

import java.time.Instant;
import java.util.List;

import io.socialmall.core.Money;
import io.socialmall.payment.PaymentStatus;

/**
 * A submitted checkout: its orders (one per supplier) and the one payment intent for {@code total}.
 * @param payBy when unpaid orders are cancelled and their stock released
 * @param paymentStatus the payment intent's status (PENDING while the buyer is at the provider or the
 *        provider has not confirmed yet)
 */
public record CheckoutView(long id, long buyerId, long paymentIntentId, Money total, Instant createdAt,
		Instant payBy, PaymentStatus paymentStatus, List<OrderSummary> orders) {

	public CheckoutView {
		orders = List.copyOf(orders);
	}

	/** Some order still waits for payment. */
	public boolean awaitingPayment() {
		return orders.stream().anyMatch(o -> o.status() == OrderStatus.CREATED);
	}
}
