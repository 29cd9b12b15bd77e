package io.socialmall.payment.sandbox;

import java.time.Instant;

import io.socialmall.core.Money;

/** One checkout on the sandbox gateway's payment page. */
public record SandboxSession(String token, String merchantOrderNo, String merchantName, Money amount,
		String description, String returnUrl, Status status, String transactionId, Instant expiresAt,
		boolean expired) {

	public enum Status {
		OPEN, PAID, DECLINED
	}

	/** Whether the buyer can still approve or decline. */
	public boolean open() {
		return status == Status.OPEN && !expired;
	}
}
