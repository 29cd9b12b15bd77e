package io.socialmall.ordering;

import io.socialmall.core.Page;
import io.socialmall.core.PageRequest;

/**
 * Orders as buyers, suppliers and operators see and move them. A buyer reaches only their own orders and a
 * supplier only orders for its goods; anything else is "not found". Every transition is idempotent: asking
 * for the state the order is already in changes nothing.
 */
public interface Orders {

	Page<OrderSummary> buyerOrders(long buyerId, OrderStatus status, PageRequest page);

	OrderView buyerOrder(long buyerId, long orderId);

	/**
	 * The buyer cancels: before payment the reserved stock is released; after payment and before shipment the
	 * units go back to stock and the order's payment is refunded.
	 * @throws io.socialmall.core.DomainException {@code not-cancellable} (409) once shipped
	 */
	OrderView cancel(long buyerId, long orderId, String reason);

	/** The buyer confirms receipt of a shipped order; the return window starts. */
	OrderView confirmReceipt(long buyerId, long orderId);

	Page<OrderSummary> supplierOrders(long supplierId, OrderStatus status, PageRequest page);

	OrderView supplierOrder(long supplierId, long orderId);

	/** The supplier hands a paid order to a carrier. */
	OrderView ship(long supplierId, long orderId, Shipment shipment);

	/** Every order, optionally of one status or one order number. */
	Page<OrderSummary> operatorOrders(OrderStatus status, String orderNo, PageRequest page);

	OrderView operatorOrder(long orderId);
}
