package io.socialmall.ordering.web;

import java.util.List;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.socialmall.core.DomainException;
import io.socialmall.identity.CurrentUser;
import io.socialmall.ordering.AddressView;
import io.socialmall.ordering.Addresses;
import io.socialmall.ordering.CheckoutPreview;
import io.socialmall.ordering.CheckoutRequest;
import io.socialmall.ordering.Checkouts;

/**
 * Checkout in two steps: review (address, one group per supplier with its shipping, the no-return
 * confirmations, totals) and submit, then the pay step that sends the buyer to the payment provider. The
 * review page carries an idempotency key, so a double submit places one checkout.
 */
@Controller
class CheckoutPages {

	private final Checkouts checkouts;
	private final Addresses addresses;
	private final PageMessages messages;

	CheckoutPages(Checkouts checkouts, Addresses addresses, PageMessages messages) {
		this.checkouts = checkouts;
		this.addresses = addresses;
		this.messages = messages;
	}

	@GetMapping("/checkout")
	String review(@AuthenticationPrincipal CurrentUser user, Model model) {
		CheckoutPreview preview = checkouts.preview(user.id(), List.of());
		List<AddressView> book = addresses.list(user.id());
		model.addAttribute("preview", preview);
		model.addAttribute("addresses", book);
		model.addAttribute("addressId", book.isEmpty() ? null : book.get(0).id());
		model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
		return "ordering/checkout";
	}

	@PostMapping("/checkout")
	String place(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long addressId,
			@RequestParam(name = "skuIds", required = false) List<Long> skuIds,
			@RequestParam(name = "confirm", required = false) List<Long> confirm,
			@RequestParam(required = false) Long expectedTotal, @RequestParam String idempotencyKey,
			RedirectAttributes flash) {
		if (addressId == null) {
			flash.addFlashAttribute("message", "checkout.chooseAddress");
			return "redirect:/checkout";
		}
		try {
			var outcome = checkouts.checkout(user.id(), idempotencyKey,
					CheckoutRequest.fromCart(addressId, skuIds, confirm, expectedTotal));
			return "redirect:/checkout/" + outcome.value().id() + "/pay";
		}
		catch (DomainException e) {
			if (e.status().value() == 404) {
				throw e;
			}
			flash.addFlashAttribute("error", messages.problem(e));
			return "redirect:/checkout";
		}
	}

	@GetMapping("/checkout/{id}/pay")
	String payPage(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("checkout", checkouts.get(user.id(), id));
		return "ordering/pay";
	}

	@PostMapping("/checkout/{id}/pay")
	String pay(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes flash) {
		try {
			return "redirect:" + checkouts.startPayment(user.id(), id, null).url();
		}
		catch (DomainException e) {
			if (e.status().value() == 404) {
				throw e;
			}
			flash.addFlashAttribute("error", messages.problem(e));
			return "redirect:/checkout/" + id + "/pay";
		}
	}
}
