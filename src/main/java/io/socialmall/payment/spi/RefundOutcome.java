package io.socialmall.payment.spi;

/** What a gateway answered to a refund. */
public record RefundOutcome(Status status, String providerRefundId, String message) {

	public enum Status {
		/** The money is on its way back to the payer. */
		SUCCEEDED,
		/** The gateway refused for good (e.g. more than was paid); retrying will not help. */
		REJECTED,
		/** Not done, maybe not even received (gateway down, timeout): try again later with the same key. */
		RETRY
	}

	public static RefundOutcome succeeded(String providerRefundId) {
		return new RefundOutcome(Status.SUCCEEDED, providerRefundId, null);
	}

	public static RefundOutcome rejected(String message) {
		return new RefundOutcome(Status.REJECTED, null, message);
	}

	public static RefundOutcome retry(String message) {
		return new RefundOutcome(Status.RETRY, null, message);
	}
}
