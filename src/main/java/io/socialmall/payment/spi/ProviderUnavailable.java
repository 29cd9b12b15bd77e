package io.socialmall.payment.spi;

import org.springframework.http.HttpStatus;

import io.socialmall.core.DomainException;

/** The gateway did not answer or said it is down; nothing was opened, the buyer may try again later (503). */
public class ProviderUnavailable extends DomainException {

	public ProviderUnavailable(String provider, String message) {
		super(HttpStatus.SERVICE_UNAVAILABLE, "provider-unavailable", provider + " is not available now: " + message);
	}
}
