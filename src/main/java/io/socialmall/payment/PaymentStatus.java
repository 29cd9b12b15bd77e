package io.socialmall.payment;

/** CREATED → PENDING (the buyer is at the provider) → SUCCEEDED or FAILED; CANCELLED if abandoned. */
public enum PaymentStatus {
	CREATED, PENDING, SUCCEEDED, FAILED, CANCELLED
}
