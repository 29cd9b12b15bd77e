package io.socialmall.ordering.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.socialmall.core.DomainException;
import io.socialmall.identity.CurrentUser;
import io.socialmall.ordering.AddressForm;
import io.socialmall.ordering.Addresses;

/** The buyer's address book; the checkout page links here to add an address and come back. */
@Controller
class AddressPages {

	private final Addresses addresses;
	private final PageMessages messages;

	AddressPages(Addresses addresses, PageMessages messages) {
		this.addresses = addresses;
		this.messages = messages;
	}

	@GetMapping("/addresses")
	String list(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("addresses", addresses.list(user.id()));
		return "ordering/addresses";
	}

	@GetMapping("/addresses/new")
	String newForm(@RequestParam(required = false) String next, Model model) {
		return form(model, null, AddressForm.empty(), next);
	}

	@PostMapping("/addresses")
	String add(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("address") AddressForm form,
			BindingResult errors, @RequestParam(required = false) String next, Model model, HttpServletResponse response,
			RedirectAttributes flash) {
		if (errors.hasErrors()) {
			response.setStatus(400);
			model.addAttribute("errors", PageMessages.fieldErrors(errors));
			return form(model, null, form, next);
		}
		try {
			addresses.add(user.id(), form);
		}
		catch (DomainException e) {
			flash.addFlashAttribute("error", messages.problem(e));
			return "redirect:/addresses";
		}
		flash.addFlashAttribute("message", "address.saved");
		return "redirect:" + safeNext(next, "/addresses");
	}

	@GetMapping("/addresses/{id}/edit")
	String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		return form(model, id, addresses.get(user.id(), id).toForm(), null);
	}

	@PostMapping("/addresses/{id}")
	String change(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute("address") AddressForm form, BindingResult errors, Model model,
			HttpServletResponse response, RedirectAttributes flash) {
		addresses.get(user.id(), id);
		if (errors.hasErrors()) {
			response.setStatus(400);
			model.addAttribute("errors", PageMessages.fieldErrors(errors));
			return form(model, id, form, null);
		}
		addresses.change(user.id(), id, form);
		flash.addFlashAttribute("message", "address.saved");
		return "redirect:/addresses";
	}

	@PostMapping("/addresses/{id}/delete")
	String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes flash) {
		addresses.delete(user.id(), id);
		flash.addFlashAttribute("message", "address.deleted");
		return "redirect:/addresses";
	}

	private static String form(Model model, Long id, AddressForm form, String next) {
		model.addAttribute("addressId", id);
		model.addAttribute("address", form);
		model.addAttribute("next", safeNext(next, null));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", java.util.Map.of());
		}
		return "ordering/address-form";
	}

	/** Only a path on this site, so a crafted link cannot send the buyer elsewhere. */
	static String safeNext(String next, String fallback) {
		if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
			return fallback;
		}
		return next;
	}
}
