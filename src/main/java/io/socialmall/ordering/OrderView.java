package io.socialmall.ordering;

import java.time.Instant;
import java.util.List;

import io.socialmall.core.Money;

/**
 * An order with its lines and history.
 * @param platformFee the platform's fee frozen at checkout; {@code null} in the buyer's view
 * @param supplierAmount what the supplier is owed ({@code total - platformFee - resellerMargin + platformSubsidy});
 *        {@code null} in the buyer's view
 * @param discount all discounts on the order (goods amount is after them)
 * @param resellerMargin what resellers earn on its lines; {@code null} in the buyer's view
 * @param platformSubsidy the discounts the platform pays for; {@code null} in the buyer's view
 * @param dueAt when the next automatic step happens: payment timeout (CREATED), automatic receipt (SHIPPED),
 *        end of the return window (RECEIVED)
 */
public record OrderView(long id, String orderNo, long checkoutId, long buyerId, long supplierId, OrderStatus status,
		Money goodsAmount, Money shippingFee, Money total, Money platformFee, Money supplierAmount,
		Money refundedAmount, long paymentIntentId, ShippingAddress shippingAddress, String carrier,
		String trackingNumber, String cancelReason, List<Line> lines, List<HistoryEntry> history, Instant createdAt,
		Instant paidAt, Instant shippedAt, Instant receivedAt, Instant completedAt, Instant cancelledAt,
		Instant dueAt, Money discount, Money resellerMargin, Money platformSubsidy) {

	public OrderView {
		lines = List.copyOf(lines);
		history = List.copyOf(history);
	}

	/** The address the order ships to, copied from the address book at checkout. */
	public record ShippingAddress(String name, String phone, String address) {
	}

	/**
	 * One frozen line.
	 * @param unitPrice charged per unit, before discounts
	 * @param amount paid for the line: unit price times quantity less {@code discount}
	 * @param nonReturnableConfirmed the buyer confirmed at checkout that no-reason returns do not apply
	 * @param refundedQuantity units refunded so far (cancellation, returns)
	 * @param listPrice the catalog price at checkout
	 * @param source where the buyer picked the SKU, e.g. {@code shop:123}
	 * @param priceSource why it cost what it did: {@code catalog}, {@code shop}, ...
	 * @param resellerId the reseller it was sold through, or {@code null}
	 * @param supplierUnitPrice what the supplier is owed per unit; {@code null} in the buyer's view
	 * @param resellerMargin the reseller's margin; {@code null} in the buyer's view
	 * @param commissionBps the commission rate frozen at checkout; {@code null} in the buyer's view
	 */
	public record Line(long id, long skuId, long productId, String title, String specText, String imageUrl,
			Money unitPrice, int quantity, Money amount, boolean returnableWithoutReason,
			boolean nonReturnableConfirmed, int refundedQuantity, Money refundedAmount, Money listPrice, Money discount,
			String source, String priceSource, Long resellerId, Money supplierUnitPrice, Money resellerMargin,
			Integer commissionBps) {
	}

	/** One recorded transition: who moved the order from which state to which, and when. */
	public record HistoryEntry(OrderStatus from, OrderStatus to, String actor, Long actorId, String note,
			Instant at) {
	}
}
