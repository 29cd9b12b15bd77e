package io.socialmall.ordering.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.socialmall.core.DomainException;
import io.socialmall.core.Ids;
import io.socialmall.ordering.OrderCancelled;
import io.socialmall.ordering.OrderStatus;
import io.socialmall.payment.PaymentStatus;
import io.socialmall.payment.PaymentSucceeded;
import io.socialmall.payment.Payments;
import io.socialmall.payment.RefundFailed;
import io.socialmall.payment.RefundSucceeded;

/**
 * How orders follow their payment. A successful payment is handled inside the payment's own transaction, so
 * the payment, the orders' move to PAID, the committed stock and the {@code OrderPaid} events commit
 * together or not at all. An order the timeout (or the buyer) cancelled before the payment arrived is not
 * revived: its share of the payment is refunded instead. Both sides move the order with a conditional
 * update from CREATED, so a late payment and the timeout can never both win.
 */
@Component
class PaymentReactions {

	private static final Logger log = LoggerFactory.getLogger(PaymentReactions.class);

	private final OrderStore store;
	private final OrderTransitions transitions;
	private final JdbcClient jdbc;
	private final Payments payments;

	private final TransactionTemplate ownTransaction;

	PaymentReactions(OrderStore store, OrderTransitions transitions, JdbcClient jdbc, Payments payments,
			PlatformTransactionManager transactions) {
		this.store = store;
		this.transitions = transitions;
		this.jdbc = jdbc;
		this.payments = payments;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@EventListener
	@Transactional
	public void on(PaymentSucceeded payment) {
		Long checkoutId = checkoutId(payment.reference());
		if (checkoutId == null) {
			return;
		}
		List<OrderRow> orders = store.byCheckout(checkoutId);
		if (orders.isEmpty()) {
			log.warn("payment {} names checkout {} which has no orders", payment.paymentIntentId(), checkoutId);
			return;
		}
		List<OrderRow> created = orders.stream().filter(o -> o.status() == OrderStatus.CREATED).toList();
		Set<Long> paid = transitions.markPaid(created, payment.paymentIntentId())
			.stream()
			.map(OrderRow::id)
			.collect(Collectors.toSet());
		for (OrderRow order : orders) {
			if (paid.contains(order.id())) {
				continue;
			}
			// lost to (or came after) a cancellation: look at the state it is in now
			OrderRow now = store.find(order.id()).orElseThrow();
			if (now.status() == OrderStatus.CANCELLED && now.paidAt() == null) {
				transitions.refundLatePayment(now, payment.paymentIntentId());
			}
		}
	}

	/**
	 * Once every order of a checkout was cancelled unpaid, nobody should pay its intent any more: cancel it at
	 * the payment module (after commit, outside the cancelling transaction). If the payment won the race
	 * after all, the intent cannot be cancelled; the payment's own listener above refunds it.
	 */
	@ApplicationModuleListener
	public void on(OrderCancelled cancelled) {
		if (cancelled.wasPaid()) {
			return;
		}
		store.find(cancelled.orderId()).ifPresent(order -> {
			List<OrderRow> siblings = store.byCheckout(order.checkoutId());
			boolean nothingLeftToPay = siblings.stream()
				.allMatch(o -> o.status() == OrderStatus.CANCELLED && o.paidAt() == null);
			if (nothingLeftToPay && payments.find(order.paymentIntentId())
				.map(intent -> intent.status() != PaymentStatus.SUCCEEDED && intent.status() != PaymentStatus.CANCELLED)
				.orElse(false)) {
				try {
					// a transaction of its own: a refusal (the payment won meanwhile) must not roll back this listener's
					ownTransaction.executeWithoutResult(status -> payments.cancel(order.paymentIntentId()));
				}
				catch (DomainException e) {
					log.info("payment {} of checkout {} not cancelled: {}", order.paymentIntentId(), order.checkoutId(),
							e.getMessage());
				}
			}
		});
	}

	/** Notes in the order's history that the money reached the buyer. */
	@ApplicationModuleListener
	public void on(RefundSucceeded refund) {
		note(refund.reference(), "refund " + refund.amount().toDecimalString() + " completed (refund " + refund.refundId() + ")",
				refund.at());
	}

	/** Notes a refund the provider refused, for the operator who resolves it. */
	@ApplicationModuleListener
	public void on(RefundFailed refund) {
		if (orderId(refund.reference()) == null) {
			return;
		}
		log.warn("refund {} ({}) failed: {}", refund.refundId(), refund.reference(), refund.reason());
		note(refund.reference(), "refund " + refund.amount().toDecimalString() + " FAILED (refund " + refund.refundId()
				+ "): " + refund.reason(), refund.at());
	}

	private void note(String reference, String note, java.time.Instant at) {
		Long orderId = orderId(reference);
		if (orderId == null) {
			return;
		}
		store.find(orderId).ifPresent(order -> jdbc.sql("""
				INSERT INTO order_events (id, order_id, from_status, to_status, actor, actor_id, note, occurred_at)
				VALUES (:id, :order, :status, :status, 'PAYMENT', NULL, :note, :at)""")
			.param("id", Ids.next())
			.param("order", orderId)
			.param("status", order.status().name())
			.param("note", note.length() <= 200 ? note : note.substring(0, 200))
			.param("at", at)
			.update());
	}

	/** {@code checkout:<id>} → id; anything else is not ours. */
	static Long checkoutId(String reference) {
		return number(reference, CheckoutService.REFERENCE_PREFIX);
	}

	/** {@code order:<id>:<why>} → id (the references of the refunds this module requests). */
	static Long orderId(String reference) {
		if (reference == null || !reference.startsWith("order:")) {
			return null;
		}
		String rest = reference.substring("order:".length());
		int colon = rest.indexOf(':');
		return number(colon < 0 ? rest : rest.substring(0, colon), "");
	}

	private static Long number(String reference, String prefix) {
		if (reference == null || !reference.startsWith(prefix)) {
			return null;
		}
		try {
			return Long.parseLong(reference.substring(prefix.length()));
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
