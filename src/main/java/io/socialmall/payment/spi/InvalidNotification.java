package io.socialmall.payment.spi;

import org.springframework.http.HttpStatus;

import io.socialmall.core.DomainException;

/** A notification that did not verify (bad signature, stale, unreadable): refused, nothing changed. */
public class InvalidNotification extends DomainException {

	/** Signature or freshness did not check out (401). */
	public InvalidNotification(String code, String message) {
		this(HttpStatus.UNAUTHORIZED, code, message);
	}

	private InvalidNotification(HttpStatus status, String code, String message) {
		super(status, code, message);
	}

	/** Signed, but not something we can read (400). */
	public static InvalidNotification malformed(String message) {
		return new InvalidNotification(HttpStatus.BAD_REQUEST, "malformed-notification", message);
	}
}
