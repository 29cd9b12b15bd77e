package io.socialmall.ordering.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.socialmall.core.IdempotentCommands;
import io.socialmall.ordering.CheckoutPreview;
import io.socialmall.ordering.CheckoutRequest;
import io.socialmall.ordering.CheckoutView;
import io.socialmall.ordering.Checkouts;
import io.socialmall.identity.CurrentUser;
import io.socialmall.payment.PaymentRedirect;

@RestController
@RequestMapping("/api/v1/checkouts")
class CheckoutApi {

	static final String REPLAYED = "Idempotent-Replayed";

	private final Checkouts checkouts;
	private final IdempotentCommands idempotent;

	CheckoutApi(Checkouts checkouts, IdempotentCommands idempotent) {
		this.checkouts = checkouts;
		this.idempotent = idempotent;
	}

	/**
	 * What checking out the selected cart lines (or {@code skuIds}) with the chosen coupons would cost now,
	 * grouped by supplier.
	 */
	@GetMapping("/preview")
	CheckoutPreview preview(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) List<Long> skuIds, @RequestParam(required = false) List<Long> couponIds) {
		if (couponIds != null && couponIds.size() > 10) {
			throw io.socialmall.core.DomainException.invalid("couponIds", "at most 10");
		}
		return checkouts.preview(user.id(), skuIds == null ? List.of() : skuIds, couponIds == null ? List.of() : couponIds);
	}

	/**
	 * Places one order per supplier and one payment intent; send an {@code Idempotency-Key} so a retry cannot
	 * order twice.
	 */
	@PostMapping
	ResponseEntity<CheckoutView> checkout(@AuthenticationPrincipal CurrentUser user,
			@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@Valid @RequestBody CheckoutRequest request) {
		var outcome = checkouts.checkout(user.id(), key, request);
		return ResponseEntity.created(URI.create("/api/v1/checkouts/" + outcome.value().id()))
			.header(REPLAYED, String.valueOf(outcome.replayed()))
			.body(outcome.value());
	}

	@GetMapping("/{id}")
	CheckoutView checkout(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return checkouts.get(user.id(), id);
	}

	/** Starts paying the checkout and answers where to send the buyer. */
	@PostMapping("/{id}/payment")
	ResponseEntity<PaymentRedirect> pay(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@Valid @RequestBody(required = false) PaymentStart start) {
		String provider = start == null ? null : start.provider();
		var outcome = idempotent.run("checkout-payment", user.id(), key, new PaymentStartKey(id, provider),
				PaymentRedirect.class, () -> checkouts.startPayment(user.id(), id, provider));
		return ResponseEntity.status(HttpStatus.OK).header(REPLAYED, String.valueOf(outcome.replayed())).body(outcome.value());
	}

	record PaymentStart(@Pattern(regexp = "[a-z0-9-]{1,30}", message = "a provider name such as sandbox") String provider) {
	}

	record PaymentStartKey(long checkoutId, String provider) {
	}
}
