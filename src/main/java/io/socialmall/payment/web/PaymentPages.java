package io.socialmall.payment.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.socialmall.core.DomainException;
import io.socialmall.identity.CurrentUser;
import io.socialmall.payment.PaymentIntent;
import io.socialmall.payment.Payments;

/** The payer's view of a payment: processing until the provider's callback lands, then the outcome. */
@Controller
class PaymentPages {

	private final Payments payments;

	PaymentPages(Payments payments) {
		this.payments = payments;
	}

	@GetMapping("/payments/{id}")
	String payment(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("payment", own(user, id));
		return "payment/payment";
	}

	/** The status block alone, which the page polls while the payment is processing. */
	@GetMapping("/payments/{id}/status")
	String status(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("payment", own(user, id));
		return "payment/payment :: status";
	}

	@PostMapping("/payments/{id}/pay")
	String pay(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(defaultValue = "SANDBOX") String provider) {
		var redirect = payments.start(id, user.id(), provider);
		return "redirect:" + redirect.url();
	}

	private PaymentIntent own(CurrentUser user, long id) {
		return payments.find(id).filter(p -> p.payerId() == user.id()).orElseThrow(() -> DomainException.notFound("payment"));
	}
}
