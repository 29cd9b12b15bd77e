package io.socialmall.cart.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.socialmall.cart.CartOwner;
import io.socialmall.cart.CartView;
import io.socialmall.cart.Carts;
import io.socialmall.core.DomainException;
import io.socialmall.identity.CurrentUser;

/**
 * The cart over the API. A line is a SKU and its optional source ({@code ?source=} on the line's paths). Guests send the token of their cart in {@code X-Cart-Token} (the first add answers
 * with it); members are known by their bearer token, and a guest token sent with a bearer token is merged
 * into the member's cart on that request.
 */
@RestController
@RequestMapping("/api/v1/cart")
class CartApi {

	static final String TOKEN_HEADER = "X-Cart-Token";

	private final Carts carts;

	CartApi(Carts carts) {
		this.carts = carts;
	}

	@GetMapping
	CartView cart(@AuthenticationPrincipal CurrentUser user,
			@RequestHeader(name = TOKEN_HEADER, required = false) String token, HttpServletResponse response) {
		return answer(carts.view(owner(user, token)), response);
	}

	@PostMapping("/items")
	CartView add(@AuthenticationPrincipal CurrentUser user, @RequestHeader(name = TOKEN_HEADER, required = false) String token,
			@Valid @RequestBody NewItem item, HttpServletResponse response) {
		return answer(carts.add(owner(user, token), item.skuId(), item.quantity(), item.source()), response);
	}

	@PatchMapping("/items/{skuId}")
	CartView update(@AuthenticationPrincipal CurrentUser user,
			@RequestHeader(name = TOKEN_HEADER, required = false) String token, @PathVariable long skuId,
			@RequestParam(required = false) String source, @Valid @RequestBody ItemChange change,
			HttpServletResponse response) {
		if (change.quantity() == null && change.selected() == null) {
			throw DomainException.invalid("quantity", "send quantity, selected or both");
		}
		return answer(carts.update(owner(user, token), skuId, source, change.quantity(), change.selected()), response);
	}

	@DeleteMapping("/items/{skuId}")
	CartView remove(@AuthenticationPrincipal CurrentUser user,
			@RequestHeader(name = TOKEN_HEADER, required = false) String token, @PathVariable long skuId,
			@RequestParam(required = false) String source, HttpServletResponse response) {
		return answer(carts.remove(owner(user, token), skuId, source), response);
	}

	/** Merges a guest cart into the signed-in member's cart explicitly (also happens on any request with both). */
	@PostMapping("/merge")
	CartView merge(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody Merge merge) {
		if (user == null) {
			throw new DomainException(HttpStatus.UNAUTHORIZED, "unauthenticated", "sign in to merge a guest cart");
		}
		carts.merge(merge.token(), user.id());
		return carts.view(CartOwner.member(user.id()));
	}

	private static CartOwner owner(CurrentUser user, String token) {
		return user != null ? CartOwner.member(user.id()) : CartOwner.guest(token);
	}

	private static CartView answer(CartView cart, HttpServletResponse response) {
		if (cart.token() != null) {
			response.setHeader(TOKEN_HEADER, cart.token());
		}
		return cart;
	}

	/** @param source where the buyer picked the SKU, e.g. {@code shop:123}; the same SKU from two sources is two lines */
	record NewItem(@NotNull Long skuId, @NotNull @Min(1) Integer quantity, @Size(max = 60) String source) {
	}

	record ItemChange(@Min(1) Integer quantity, Boolean selected) {
	}

	record Merge(@NotBlank @Size(max = 100) String token) {
	}
}
