package io.socialmall.ordering.internal;

import io.socialmall.core.Money;

/**
 * The parts of an order's split that a refund gives back. Computed on the cumulative refunded amount,
 * {@code round(part × refunded / whole)} minus what earlier refunds gave back, so that: every share is
 * between 0 and what is left of the part, the shares never add up to more than the part, and refunding the
 * whole gives back exactly the whole part, however it was split. The platform fee follows the order's
 * total; a line's reseller margin and platform subsidy follow what was paid for that line.
 */
final class FeeShares {

	private FeeShares() {
	}

	/**
	 * @param platformFee the order's fee
	 * @param total the order's total
	 * @param refundedBefore amount refunded by earlier refunds
	 * @param feeRefundedBefore fee given back by earlier refunds
	 * @param amount this refund
	 * @return the fee this refund gives back
	 */
	static long share(long platformFee, long total, long refundedBefore, long feeRefundedBefore, long amount) {
		if (amount <= 0 || refundedBefore < 0 || refundedBefore + amount > total) {
			throw new IllegalArgumentException("refund of " + amount + " after " + refundedBefore + " of " + total);
		}
		return cumulative(platformFee, total, refundedBefore + amount) - feeRefundedBefore;
	}

	/**
	 * The part of a line's margin or subsidy that refunding {@code amount} (and {@code quantity} units) of the
	 * line gives back. A line that cost nothing (fully discounted) gives its parts back with its units instead.
	 * @param part the line's margin or subsidy
	 * @param partBefore what earlier refunds of the line gave back of it
	 */
	static long lineShare(long part, long lineAmount, int lineQuantity, long refundedBefore, int refundedQuantityBefore,
			long partBefore, long amount, int quantity) {
		if (amount < 0 || quantity < 0 || refundedBefore + amount > lineAmount || refundedQuantityBefore + quantity > lineQuantity) {
			throw new IllegalArgumentException("refund of " + amount + " (" + quantity + " units) after " + refundedBefore
					+ " of " + lineAmount);
		}
		if (lineAmount > 0) {
			return cumulative(part, lineAmount, refundedBefore + amount) - partBefore;
		}
		return cumulative(part, lineQuantity, refundedQuantityBefore + quantity) - partBefore;
	}

	/** The fee given back once {@code refunded} of the order's total has been refunded. */
	static long cumulative(long platformFee, long total, long refunded) {
		return Money.of(platformFee, Money.CNY).proportion(refunded, total).amount();
	}
}
