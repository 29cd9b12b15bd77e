package io.socialmall.cart.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.socialmall.cart.CartOwner;
import io.socialmall.cart.CartView;
import io.socialmall.cart.Carts;
import io.socialmall.core.DomainException;
import io.socialmall.identity.CurrentUser;

/**
 * The cart page. Guests keep their cart's token in a cookie; product pages post add-to-cart forms
 * ({@code skuId}, {@code quantity}, optional {@code source} such as {@code shop:123}) to {@code POST /cart/items}.
 */
@Controller
class CartPages {

	private final Carts carts;
	private final MessageSource messages;

	CartPages(Carts carts, MessageSource messages) {
		this.carts = carts;
		this.messages = messages;
	}

	@GetMapping("/cart")
	String cart(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request, Model model) {
		model.addAttribute("cart", carts.view(owner(user, request)));
		model.addAttribute("guest", user == null);
		return "cart/cart";
	}

	@PostMapping("/cart/items")
	String add(@AuthenticationPrincipal CurrentUser user, @RequestParam long skuId,
			@RequestParam(defaultValue = "1") int quantity, @RequestParam(required = false) String source,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
		return change(flash, "cart.added", () -> {
			CartView cart = carts.add(owner(user, request), skuId, quantity, source);
			if (user == null && cart.token() != null && !cart.token().equals(CartCookie.token(request))) {
				CartCookie.set(request, response, cart.token());
			}
		});
	}

	@PostMapping("/cart/items/{skuId}")
	String quantity(@AuthenticationPrincipal CurrentUser user, @PathVariable long skuId, @RequestParam int quantity,
			@RequestParam(required = false) String source, HttpServletRequest request, RedirectAttributes flash) {
		return change(flash, "cart.updated", () -> carts.update(owner(user, request), skuId, source, quantity, null));
	}

	@PostMapping("/cart/items/{skuId}/selection")
	String select(@AuthenticationPrincipal CurrentUser user, @PathVariable long skuId, @RequestParam boolean selected,
			@RequestParam(required = false) String source, HttpServletRequest request, RedirectAttributes flash) {
		return change(flash, null, () -> carts.update(owner(user, request), skuId, source, null, selected));
	}

	@PostMapping("/cart/items/{skuId}/delete")
	String remove(@AuthenticationPrincipal CurrentUser user, @PathVariable long skuId,
			@RequestParam(required = false) String source, HttpServletRequest request, RedirectAttributes flash) {
		return change(flash, "cart.removed", () -> carts.remove(owner(user, request), skuId, source));
	}

	private String change(RedirectAttributes flash, String message, Runnable action) {
		try {
			action.run();
			if (message != null) {
				flash.addFlashAttribute("message", message);
			}
		}
		catch (DomainException e) {
			if (e.status().value() == 404) {
				throw e;
			}
			flash.addFlashAttribute("error", messages.getMessage("problem." + e.code(), null, e.getMessage(),
					LocaleContextHolder.getLocale()));
		}
		return "redirect:/cart";
	}

	private static CartOwner owner(CurrentUser user, HttpServletRequest request) {
		return user != null ? CartOwner.member(user.id()) : CartOwner.guest(CartCookie.token(request));
	}
}
