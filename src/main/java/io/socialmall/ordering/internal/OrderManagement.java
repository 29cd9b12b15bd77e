package io.socialmall.ordering.internal;

import java.util.List;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.socialmall.core.DomainException;
import io.socialmall.core.Page;
import io.socialmall.core.PageRequest;
import io.socialmall.ordering.OrderStatus;
import io.socialmall.ordering.OrderSummary;
import io.socialmall.ordering.OrderView;
import io.socialmall.ordering.Orders;
import io.socialmall.ordering.Shipment;

@Service
@Transactional
class OrderManagement implements Orders {

	/** How often a command looks again after losing a race to another transition. */
	private static final int ATTEMPTS = 3;

	private final OrderStore store;
	private final OrderTransitions transitions;

	OrderManagement(OrderStore store, OrderTransitions transitions) {
		this.store = store;
		this.transitions = transitions;
	}

	@Override
	@Transactional(readOnly = true)
	public Page<OrderSummary> buyerOrders(long buyerId, OrderStatus status, PageRequest page) {
		return store.page("buyer_id = :owner" + (status == null ? "" : " AND status = :status"),
				OrderStore.params("owner", buyerId, "status", status == null ? null : status.name()),
				"created_at DESC, id DESC", page);
	}

	@Override
	@Transactional(readOnly = true)
	public OrderView buyerOrder(long buyerId, long orderId) {
		return view(order(orderId, o -> o.buyerId() == buyerId), false);
	}

	@Override
	public OrderView cancel(long buyerId, long orderId, String reason) {
		String why = reason == null || reason.isBlank() ? "cancelled by the buyer" : reason.strip();
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			OrderRow order = order(orderId, o -> o.buyerId() == buyerId);
			boolean moved = switch (order.status()) {
				case CANCELLED -> true;
				case CREATED -> transitions.cancelUnpaid(order, Actor.buyer(buyerId), why, false);
				case PAID -> transitions.cancelPaid(order, Actor.buyer(buyerId), why);
				default -> throw DomainException.conflict("not-cancellable",
						"an order that has been shipped cannot be cancelled; ask for a return instead");
			};
			if (moved) {
				return buyerOrder(buyerId, orderId);
			}
		}
		throw DomainException.conflict("order-busy", "the order changed while cancelling; look at it and try again");
	}

	@Override
	public OrderView confirmReceipt(long buyerId, long orderId) {
		OrderRow order = order(orderId, o -> o.buyerId() == buyerId);
		if (order.status() == OrderStatus.SHIPPED) {
			transitions.receive(order, Actor.buyer(buyerId), false);
			order = order(orderId, o -> true);
		}
		if (order.status() != OrderStatus.RECEIVED && order.status() != OrderStatus.COMPLETED) {
			throw DomainException.conflict("not-shipped", "only a shipped order can be confirmed as received");
		}
		return view(order, false);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<OrderSummary> supplierOrders(long supplierId, OrderStatus status, PageRequest page) {
		return store.page("supplier_id = :owner" + (status == null ? "" : " AND status = :status"),
				OrderStore.params("owner", supplierId, "status", status == null ? null : status.name()),
				status == OrderStatus.PAID ? "paid_at, id" : "created_at DESC, id DESC", page);
	}

	@Override
	@Transactional(readOnly = true)
	public OrderView supplierOrder(long supplierId, long orderId) {
		return view(order(orderId, o -> o.supplierId() == supplierId), true);
	}

	@Override
	public OrderView ship(long supplierId, long orderId, Shipment shipment) {
		OrderRow order = order(orderId, o -> o.supplierId() == supplierId);
		if (order.status() == OrderStatus.PAID) {
			transitions.ship(order, Actor.supplier(supplierId), shipment);
			order = order(orderId, o -> true);
		}
		if (order.status() == OrderStatus.SHIPPED && shipment.trackingNumber().strip().equals(order.trackingNo())
				&& shipment.carrier().strip().equals(order.carrier())) {
			return view(order, true);
		}
		if (order.status() == OrderStatus.CANCELLED) {
			throw DomainException.conflict("order-cancelled", "the buyer cancelled this order; do not ship it");
		}
		throw DomainException.conflict("not-shippable", "only a paid order can be shipped; this one is " + order.status());
	}

	@Override
	@Transactional(readOnly = true)
	public Page<OrderSummary> operatorOrders(OrderStatus status, String orderNo, PageRequest page) {
		StringBuilder where = new StringBuilder("1 = 1");
		if (status != null) {
			where.append(" AND status = :status");
		}
		boolean byNumber = orderNo != null && !orderNo.isBlank();
		if (byNumber) {
			where.append(" AND order_no = :orderNo");
		}
		return store.page(where.toString(), OrderStore.params("status", status == null ? null : status.name(), "orderNo",
				byNumber ? orderNo.strip() : null), "created_at DESC, id DESC", page);
	}

	@Override
	@Transactional(readOnly = true)
	public OrderView operatorOrder(long orderId) {
		return view(order(orderId, o -> true), true);
	}

	private OrderRow order(long orderId, Predicate<OrderRow> visible) {
		return store.find(orderId).filter(visible).orElseThrow(() -> DomainException.notFound("order"));
	}

	private OrderView view(OrderRow o, boolean withFees) {
		List<OrderView.Line> lines = store.lines(o.id()).stream().map(l -> l.view(o.currency(), withFees)).toList();
		return new OrderView(o.id(), o.orderNo(), o.checkoutId(), o.buyerId(), o.supplierId(), o.status(),
				o.money(o.goodsAmount()), o.money(o.shippingFee()), o.money(o.total()),
				withFees ? o.money(o.platformFee()) : null, withFees ? o.money(o.supplierAmount()) : null,
				o.money(o.refundedAmount()), o.paymentIntentId(),
				new OrderView.ShippingAddress(o.shipName(), o.shipPhone(), o.shipAddress()), o.carrier(), o.trackingNo(),
				o.cancelReason(), lines, store.history(o.id()), o.createdAt(), o.paidAt(), o.shippedAt(), o.receivedAt(),
				o.completedAt(), o.cancelledAt(), o.dueAt(), o.money(o.discountAmount()),
				withFees ? o.money(o.resellerMargin()) : null, withFees ? o.money(o.platformDiscount()) : null);
	}
}
