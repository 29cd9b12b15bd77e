package io.socialmall.ordering.internal;

import io.socialmall.core.Money;

/**
 * The part of an order's platform fee that a refund gives back. Computed on the cumulative refunded amount,
 * {@code round(fee × refunded / total)} minus what earlier refunds gave back, so that: every share is between
 * 0 and the refund itself (the supplier never gives back less than nothing), the shares never add up to
 * more than the fee, and refunding the whole order gives back exactly the whole fee, however it was split.
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

	/** The fee given back once {@code refunded} of the order's total has been refunded. */
	static long cumulative(long platformFee, long total, long refunded) {
		return Money.of(platformFee, Money.CNY).proportion(refunded, total).amount();
	}
}
