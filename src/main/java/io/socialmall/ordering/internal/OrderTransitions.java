package io.socialmall.ordering.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.socialmall.core.DomainException;
import io.socialmall.core.Money;
import io.socialmall.inventory.Inventory;
import io.socialmall.inventory.SkuQuantity;
import io.socialmall.ordering.OrderCancelled;
import io.socialmall.ordering.OrderCompleted;
import io.socialmall.ordering.OrderLineInfo;
import io.socialmall.ordering.OrderPaid;
import io.socialmall.ordering.OrderReceived;
import io.socialmall.ordering.OrderRefunded;
import io.socialmall.ordering.OrderShipped;
import io.socialmall.ordering.OrderStatus;
import io.socialmall.ordering.Shipment;
import io.socialmall.payment.Payments;
import io.socialmall.payment.RefundView;

/**
 * The order state machine. Every transition is one conditional UPDATE guarded by the current state, so of two
 * racing transitions exactly one wins and the other returns false; the winner records the history row, moves
 * the stock and publishes the event in the same transaction. Callers re-read the order when a transition
 * returns false and decide from the state they find. Lock order everywhere: order rows first, then stock rows
 * (Inventory sorts them by SKU id), so the state machine and checkouts cannot deadlock.
 */
@Component
@Transactional
class OrderTransitions {

	private final OrderStore store;
	private final JdbcClient jdbc;
	private final Inventory inventory;
	private final Payments payments;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final OrderingProperties properties;

	OrderTransitions(OrderStore store, JdbcClient jdbc, Inventory inventory, Payments payments,
			ApplicationEventPublisher events, Clock clock, OrderingProperties properties) {
		this.store = store;
		this.jdbc = jdbc;
		this.inventory = inventory;
		this.payments = payments;
		this.events = events;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * CREATED → CANCELLED and the reserved units released. With {@code onlyIfDue} (the payment timeout) only
	 * an order whose payment deadline has passed moves.
	 */
	boolean cancelUnpaid(OrderRow order, Actor actor, String reason, boolean onlyIfDue) {
		Instant now = clock.instant();
		if (!store.move(order.id(), OrderStatus.CREATED, OrderStatus.CANCELLED,
				"cancelled_at = :now, cancel_reason = :reason, due_at = NULL", onlyIfDue ? "due_at <= :now" : "",
				OrderStore.params("now", now, "reason", reason))) {
			return false;
		}
		inventory.release(openUnits(store.lines(order.id())));
		store.record(order.id(), OrderStatus.CREATED, OrderStatus.CANCELLED, actor, reason, now);
		events.publishEvent(new OrderCancelled(order.id(), order.orderNo(), order.buyerId(), order.supplierId(), false,
				reason, now));
		return true;
	}

	/**
	 * PAID → CANCELLED before shipment: the sold units go back to stock and the whole order is refunded.
	 */
	boolean cancelPaid(OrderRow order, Actor actor, String reason) {
		Instant now = clock.instant();
		if (!store.move(order.id(), OrderStatus.PAID, OrderStatus.CANCELLED,
				"cancelled_at = :now, cancel_reason = :reason, due_at = NULL", "", OrderStore.params("now", now, "reason", reason))) {
			return false;
		}
		List<LineRow> lines = store.lines(order.id());
		inventory.restock(openUnits(lines));
		store.record(order.id(), OrderStatus.PAID, OrderStatus.CANCELLED, actor, reason, now);
		events.publishEvent(new OrderCancelled(order.id(), order.orderNo(), order.buyerId(), order.supplierId(), true,
				reason, now));
		List<LineRefund> everything = lines.stream()
			.filter(l -> l.openQuantity() > 0)
			.map(l -> new LineRefund(l.id(), l.openQuantity(), l.amount() - l.refundedAmount()))
			.toList();
		long lineRefunds = lines.stream().mapToLong(LineRow::refundedAmount).sum();
		long shippingLeft = order.shippingFee() - (order.refundedAmount() - lineRefunds);
		refund(order.withStatus(OrderStatus.CANCELLED), everything, shippingLeft, "order:" + order.id() + ":cancel",
				"order cancelled before shipment", actor);
		return true;
	}

	/**
	 * CREATED → PAID for the orders of one payment; the units of every order that moved are committed in one
	 * call (one lock order) and each gets its {@link OrderPaid}.
	 * @return the orders that moved
	 */
	List<OrderRow> markPaid(List<OrderRow> orders, long paymentIntentId) {
		Instant now = clock.instant();
		List<OrderRow> paid = new ArrayList<>();
		for (OrderRow order : orders.stream().sorted(Comparator.comparingLong(OrderRow::id)).toList()) {
			if (store.move(order.id(), OrderStatus.CREATED, OrderStatus.PAID, "paid_at = :now, due_at = NULL", "",
					OrderStore.params("now", now))) {
				paid.add(order);
			}
		}
		if (paid.isEmpty()) {
			return paid;
		}
		List<LineRow> lines = store.lines(paid.stream().map(OrderRow::id).toList());
		inventory.commit(openUnits(lines));
		for (OrderRow order : paid) {
			store.record(order.id(), OrderStatus.CREATED, OrderStatus.PAID, Actor.PAYMENT, "payment " + paymentIntentId, now);
			List<OrderLineInfo> infos = lines.stream().filter(l -> l.orderId() == order.id()).map(l -> l.info(order.currency())).toList();
			events.publishEvent(new OrderPaid(order.id(), order.orderNo(), order.buyerId(), order.supplierId(),
					paymentIntentId, order.money(order.total()), order.money(order.shippingFee()),
					order.money(order.platformFee()), order.money(order.supplierAmount()), order.money(order.resellerMargin()),
					order.money(order.platformDiscount()), order.money(order.discountAmount()), infos, now));
		}
		return paid;
	}

	/**
	 * The payment for an order arrived after the order was cancelled unpaid: that order's share goes back to
	 * the buyer. Guarded so it happens once per order, and never for an order that was paid (its refund, if
	 * any, came with its own cancellation).
	 */
	boolean refundLatePayment(OrderRow order, long paymentIntentId) {
		if (jdbc.sql("""
				UPDATE orders SET refunded_amount = total
				WHERE id = :id AND status = 'CANCELLED' AND paid_at IS NULL AND refunded_amount = 0""")
			.param("id", order.id())
			.update() == 0) {
			return false;
		}
		RefundView refund = payments.requestRefund(paymentIntentId, "order:" + order.id() + ":late-payment",
				order.money(order.total()), "order " + order.orderNo() + " was cancelled before its payment arrived");
		store.record(order.id(), OrderStatus.CANCELLED, OrderStatus.CANCELLED, Actor.PAYMENT,
				"late payment refunded (refund " + refund.id() + ")", clock.instant());
		return true;
	}

	/** PAID → SHIPPED with the carrier's tracking number; automatic receipt becomes due later. */
	boolean ship(OrderRow order, Actor actor, Shipment shipment) {
		Instant now = clock.instant();
		String carrier = shipment.carrier().strip();
		String tracking = shipment.trackingNumber().strip();
		if (!store.move(order.id(), OrderStatus.PAID, OrderStatus.SHIPPED,
				"carrier = :carrier, tracking_no = :tracking, shipped_at = :now, due_at = :due", "",
				OrderStore.params("carrier", carrier, "tracking", tracking, "now", now, "due",
						now.plus(properties.autoReceiveAfter())))) {
			return false;
		}
		store.record(order.id(), OrderStatus.PAID, OrderStatus.SHIPPED, actor, carrier + " " + tracking, now);
		events.publishEvent(new OrderShipped(order.id(), order.orderNo(), order.buyerId(), order.supplierId(), carrier,
				tracking, now));
		return true;
	}

	/**
	 * SHIPPED → RECEIVED, by the buyer or automatically once due; the return window starts.
	 */
	boolean receive(OrderRow order, Actor actor, boolean automatic) {
		Instant now = clock.instant();
		if (!store.move(order.id(), OrderStatus.SHIPPED, OrderStatus.RECEIVED, "received_at = :now, due_at = :due",
				automatic ? "due_at <= :now" : "", OrderStore.params("now", now, "due", now.plus(properties.returnWindow())))) {
			return false;
		}
		store.record(order.id(), OrderStatus.SHIPPED, OrderStatus.RECEIVED, actor, automatic ? "confirmed automatically" : null, now);
		events.publishEvent(new OrderReceived(order.id(), order.orderNo(), order.buyerId(), order.supplierId(), automatic, now));
		return true;
	}

	/**
	 * RECEIVED → COMPLETED once the return window has passed and no after-sales case is open
	 * ({@code after_sales_open = 0}: the hook after-sales uses, see {@link #openAfterSales}).
	 */
	boolean complete(OrderRow order) {
		Instant now = clock.instant();
		if (!store.move(order.id(), OrderStatus.RECEIVED, OrderStatus.COMPLETED, "completed_at = :now, due_at = NULL",
				"due_at <= :now AND after_sales_open = 0", OrderStore.params("now", now))) {
			return false;
		}
		store.record(order.id(), OrderStatus.RECEIVED, OrderStatus.COMPLETED, Actor.SYSTEM, "return window passed", now);
		events.publishEvent(new OrderCompleted(order.id(), order.orderNo(), order.buyerId(), order.supplierId(), now));
		return true;
	}

	/**
	 * After-sales hook: an open case (return, refund request) holds the order back from completing; the
	 * completion sweeper looks again after {@link #closeAfterSales}.
	 */
	void openAfterSales(long orderId) {
		jdbc.sql("UPDATE orders SET after_sales_open = after_sales_open + 1 WHERE id = :id").param("id", orderId).update();
	}

	void closeAfterSales(long orderId) {
		jdbc.sql("UPDATE orders SET after_sales_open = after_sales_open - 1 WHERE id = :id AND after_sales_open > 0")
			.param("id", orderId)
			.update();
	}

	/**
	 * Refunds part or all of a paid order by line (the cancellation refunds every open line and the shipping;
	 * after-sales returns refund some lines). Every part of the order's money split goes back in proportion,
	 * cumulatively ({@link FeeShares}): the platform fee with the order's refunded amount, each line's reseller
	 * margin and platform subsidy with that line's refunded amount, so the shares of all refunds add up exactly
	 * to the whole when everything is refunded, and the supplier gives back the rest
	 * ({@code amount - fee - margin + subsidy}). The refund is requested in this transaction and
	 * {@link OrderRefunded} published.
	 * @param reference unique per refund, e.g. {@code order:<id>:cancel}; the payment module refunds each once
	 */
	RefundView refund(OrderRow order, List<LineRefund> lineRefunds, long shippingRefund, String reference, String reason,
			Actor actor) {
		long amount = shippingRefund + lineRefunds.stream().mapToLong(LineRefund::amount).sum();
		if (amount <= 0 || shippingRefund < 0 || lineRefunds.stream().anyMatch(l -> l.amount() < 0 || l.quantity() < 0)) {
			throw DomainException.invalid("amount", "a refund must be positive");
		}
		long refunded = order.refundedAmount() + amount;
		if (refunded > order.total()) {
			throw DomainException.unprocessable("refund-too-large", "more than the order's total would be refunded");
		}
		long feeShare = FeeShares.share(order.platformFee(), order.total(), order.refundedAmount(), order.refundedFee(), amount);
		long feeRefunded = order.refundedFee() + feeShare;
		// the guarded update also makes concurrent refunds of this order wait here, so the lines read below are current
		int updated = jdbc.sql("""
				UPDATE orders SET refunded_amount = :refunded, refunded_fee = :fee
				WHERE id = :id AND refunded_amount = :before AND refunded_fee = :feeBefore""")
			.param("refunded", refunded)
			.param("fee", feeRefunded)
			.param("id", order.id())
			.param("before", order.refundedAmount())
			.param("feeBefore", order.refundedFee())
			.update();
		if (updated == 0) {
			throw DomainException.conflict("refund-conflict", "another refund of this order is in progress; try again");
		}
		Map<Long, LineRow> lines = new java.util.HashMap<>();
		store.lines(order.id()).forEach(l -> lines.put(l.id(), l));
		List<OrderLineInfo> infos = new ArrayList<>();
		long marginShare = 0;
		long subsidyShare = 0;
		for (LineRefund line : lineRefunds) {
			LineRow row = lines.get(line.lineId());
			if (row == null) {
				throw DomainException.invalid("lineId", "line " + line.lineId() + " is not part of this order");
			}
			if (row.refundedQuantity() + line.quantity() > row.quantity() || row.refundedAmount() + line.amount() > row.amount()) {
				throw DomainException.unprocessable("refund-too-large", "line " + line.lineId() + " has less left to refund");
			}
			long margin = FeeShares.lineShare(row.resellerMargin(), row.amount(), row.quantity(), row.refundedAmount(),
					row.refundedQuantity(), row.refundedMargin(), line.amount(), line.quantity());
			long subsidy = FeeShares.lineShare(row.platformDiscount(), row.amount(), row.quantity(), row.refundedAmount(),
					row.refundedQuantity(), row.refundedSubsidy(), line.amount(), line.quantity());
			int moved = jdbc.sql("""
					UPDATE order_lines SET refunded_quantity = refunded_quantity + :qty, refunded_amount = refunded_amount + :amount,
					  refunded_margin = refunded_margin + :margin, refunded_subsidy = refunded_subsidy + :subsidy
					WHERE id = :id AND order_id = :order AND refunded_quantity = :qtyBefore AND refunded_amount = :amountBefore""")
				.param("qty", line.quantity())
				.param("amount", line.amount())
				.param("margin", margin)
				.param("subsidy", subsidy)
				.param("id", line.lineId())
				.param("order", order.id())
				.param("qtyBefore", row.refundedQuantity())
				.param("amountBefore", row.refundedAmount())
				.update();
			if (moved == 0) {
				throw DomainException.unprocessable("refund-too-large", "line " + line.lineId() + " has less left to refund");
			}
			// the same line twice in one refund: the next share builds on this one
			lines.put(row.id(), withRefund(row, line, margin, subsidy));
			marginShare += margin;
			subsidyShare += subsidy;
			infos.add(row.refunded(order.currency(), line.quantity(), line.amount(), margin, subsidy));
		}
		if (marginShare != 0 || subsidyShare != 0) {
			jdbc.sql("""
					UPDATE orders SET refunded_margin = refunded_margin + :margin, refunded_subsidy = refunded_subsidy + :subsidy
					WHERE id = :id""")
				.param("margin", marginShare)
				.param("subsidy", subsidyShare)
				.param("id", order.id())
				.update();
		}
		Instant now = clock.instant();
		Money total = order.money(amount);
		RefundView refund = payments.requestRefund(order.paymentIntentId(), reference, total, reason);
		store.record(order.id(), order.status(), order.status(), actor, "refund " + total.toDecimalString() + " requested (refund "
				+ refund.id() + ")", now);
		events.publishEvent(new OrderRefunded(order.id(), order.orderNo(), order.buyerId(), order.supplierId(), refund.id(),
				total, order.money(feeShare), order.money(amount - feeShare - marginShare + subsidyShare),
				order.money(marginShare), order.money(subsidyShare), infos, now));
		return refund;
	}

	private static LineRow withRefund(LineRow r, LineRefund refund, long margin, long subsidy) {
		return new LineRow(r.id(), r.orderId(), r.position(), r.skuId(), r.productId(), r.title(), r.specText(), r.imageUrl(),
				r.unitPrice(), r.quantity(), r.amount(), r.returnableWithoutReason(), r.nonReturnableConfirmed(),
				r.refundedQuantity() + refund.quantity(), r.refundedAmount() + refund.amount(), r.source(), r.listPrice(),
				r.discount(), r.platformDiscount(), r.supplierUnitPrice(), r.resellerId(), r.resellerMargin(),
				r.commissionBps(), r.priceSource(), r.refundedMargin() + margin, r.refundedSubsidy() + subsidy);
	}

	private static List<SkuQuantity> openUnits(List<LineRow> lines) {
		return lines.stream().filter(l -> l.openQuantity() > 0).map(LineRow::openUnits).toList();
	}

	/** Units and money of one order line to refund. */
	record LineRefund(long lineId, int quantity, long amount) {
	}
}
