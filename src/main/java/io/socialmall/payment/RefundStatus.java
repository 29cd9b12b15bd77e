package io.socialmall.payment;

/** REQUESTED (queued) → SUCCEEDED at the provider, or FAILED after retries (an operator looks at it). */
public enum RefundStatus {
	REQUESTED, SUCCEEDED, FAILED
}
