package io.socialmall.ordering;

/**
 * CREATED (stock reserved, waiting for payment) → PAID → SHIPPED → RECEIVED → COMPLETED; CANCELLED from
 * CREATED (buyer or payment timeout) or from PAID before shipment (buyer; the payment is refunded).
 */
public enum OrderStatus {
	CREATED, PAID, SHIPPED, RECEIVED, COMPLETED, CANCELLED;

	public boolean cancellableByBuyer() {
		return this == CREATED || this == PAID;
	}
}
