package io.socialmall.ordering;

import java.time.Instant;
import java.util.List;

import io.socialmall.core.Money;

/**
 * An order with its lines and history.
 * @param platformFee the platform's fee frozen at checkout; {@code null} in the buyer's view
 * @param supplierAmount what the supplier is owed ({@code total - platformFee}); {@code null} in the buyer's view
 * @param dueAt when the next automatic step happens: payment timeout (CREATED), automatic receipt (SHIPPED),
 *        end of the return window (RECEIVED)
 */
public record OrderView(long id, String orderNo, long checkoutId, long buyerId, long supplierId, OrderStatus status,
		Money goodsAmount, Money shippingFee, Money total, Money platformFee, Money supplierAmount,
		Money refundedAmount, long paymentIntentId, ShippingAddress shippingAddress, String carrier,
		String trackingNumber, String cancelReason, List<Line> lines, List<HistoryEntry> history, Instant createdAt,
		Instant paidAt, Instant shippedAt, Instant receivedAt, Instant completedAt, Instant cancelledAt,
		Instant dueAt) {

	public OrderView {
		lines = List.copyOf(lines);
		history = List.copyOf(history);
	}

	/** The address the order ships to, copied from the address book at checkout. */
	public record ShippingAddress(String name, String phone, String address) {
	}

	/**
	 * One frozen line.
	 * @param nonReturnableConfirmed the buyer confirmed at checkout that no-reason returns do not apply
	 * @param refundedQuantity units refunded so far (cancellation, returns)
	 */
	public record Line(long id, long skuId, long productId, String title, String specText, String imageUrl,
			Money unitPrice, int quantity, Money amount, boolean returnableWithoutReason,
			boolean nonReturnableConfirmed, int refundedQuantity, Money refundedAmount) {
	}

	/** One recorded transition: who moved the order from which state to which, and when. */
	public record HistoryEntry(OrderStatus from, OrderStatus to, String actor, Long actorId, String note,
			Instant at) {
	}
}
