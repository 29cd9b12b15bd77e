package io.socialmall.payment.web;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.socialmall.core.DomainException;
import io.socialmall.core.IdempotentCommands;
import io.socialmall.core.Page;
import io.socialmall.core.PageRequest;
import io.socialmall.identity.CurrentUser;
import io.socialmall.payment.PaymentIntent;
import io.socialmall.payment.PaymentRedirect;
import io.socialmall.payment.Payments;
import io.socialmall.payment.RefundStatus;
import io.socialmall.payment.RefundView;
import io.socialmall.payment.internal.PaymentCallbacks;
import io.socialmall.payment.internal.RefundAdministration;
import io.socialmall.payment.spi.NotificationRequest;

@RestController
@RequestMapping("/api/v1")
class PaymentApi {

	private final Payments payments;
	private final PaymentCallbacks callbacks;
	private final RefundAdministration refunds;
	private final IdempotentCommands idempotent;

	PaymentApi(Payments payments, PaymentCallbacks callbacks, RefundAdministration refunds,
			IdempotentCommands idempotent) {
		this.payments = payments;
		this.callbacks = callbacks;
		this.refunds = refunds;
		this.idempotent = idempotent;
	}

	/** Starts paying with a provider; answers where to send the buyer. Needs an Idempotency-Key. */
	@PostMapping("/payments/{id}/start")
	PaymentRedirect start(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@Valid @RequestBody StartPayment request, HttpServletResponse response) {
		var outcome = idempotent.run("payment-start", user.id(), key, List.of(id, request), PaymentRedirect.class,
				() -> payments.start(id, user.id(), request.provider(), request.returnPath()));
		if (outcome.replayed()) {
			response.setHeader("Idempotent-Replayed", "true");
		}
		return outcome.value();
	}

	@GetMapping("/payments/{id}")
	PaymentIntent payment(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return visible(user, id);
	}

	@GetMapping("/payments/{id}/refunds")
	List<RefundView> refunds(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return payments.refunds(visible(user, id).id());
	}

	/**
	 * Where payment providers post their notifications (no sign-in: the provider's signature is the proof).
	 * 2xx means we have it and the provider may stop retrying, for replays too; anything refused changes nothing.
	 */
	@PostMapping("/payments/callbacks/{provider}")
	Map<String, String> callback(@PathVariable String provider, @RequestBody(required = false) byte[] body,
			HttpServletRequest request) {
		Map<String, String> headers = new HashMap<>();
		for (String name : Collections.list(request.getHeaderNames())) {
			headers.put(name, request.getHeader(name));
		}
		var effect = callbacks.receive(provider, new NotificationRequest(headers, body));
		return Map.of("result", effect.name());
	}

	@GetMapping("/operator/refunds")
	Page<RefundView> operatorRefunds(@RequestParam(defaultValue = "FAILED") RefundStatus status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return refunds.list(status, PageRequest.of(page, size, 20));
	}

	/** Sends a failed refund to the provider again (same idempotency key at the provider). */
	@PostMapping("/operator/refunds/{id}/retry")
	RefundView retryRefund(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return refunds.retry(user.id(), id);
	}

	private PaymentIntent visible(CurrentUser user, long id) {
		return payments.find(id)
			.filter(p -> p.payerId() == user.id() || user.isOperator())
			.orElseThrow(() -> DomainException.notFound("payment"));
	}

	/**
	 * @param provider e.g. {@code SANDBOX}
	 * @param returnPath a path on this site the buyer comes back to; optional
	 */
	record StartPayment(@NotBlank @Size(max = 20) String provider, @Size(max = 300) String returnPath) {
	}
}
