package io.socialmall.ordering;

import java.time.Instant;
import java.util.List;

import io.socialmall.core.Money;

/**
 * An order was paid. Published inside the payment's transaction.
 * @param total goods + shipping, what the buyer paid for this order
 * @param shippingFee the part of {@code total} that is shipping
 * @param platformFee the platform's fee, frozen when the order was created
 * @param supplierAmount what the supplier is owed: {@code total - platformFee}
 */
public record OrderPaid(long orderId, String orderNo, long buyerId, long supplierId, long paymentIntentId,
		Money total, Money shippingFee, Money platformFee, Money supplierAmount, List<OrderLineInfo> lines, Instant at) {
}
