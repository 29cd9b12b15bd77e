package io.socialmall.ordering.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.socialmall.core.Page;
import io.socialmall.core.PageRequest;
import io.socialmall.identity.CurrentUser;
import io.socialmall.ordering.AddressForm;
import io.socialmall.ordering.OrderStatus;
import io.socialmall.ordering.OrderSummary;
import io.socialmall.ordering.OrderView;
import io.socialmall.ordering.Orders;
import io.socialmall.ordering.Shipment;
import io.socialmall.ordering.ShippingRule;
import io.socialmall.ordering.ShippingRuleForm;
import io.socialmall.ordering.ShippingRules;

/**
 * Orders for buyers ({@code /api/v1/orders}), suppliers ({@code /api/v1/supplier/orders}) and operators
 * ({@code /api/v1/operator/orders}). Transitions are idempotent by state: repeating one answers the order as
 * it now is.
 */
@RestController
@RequestMapping("/api/v1")
class OrderApi {

	private final Orders orders;
	private final ShippingRules shipping;

	OrderApi(Orders orders, ShippingRules shipping) {
		this.orders = orders;
		this.shipping = shipping;
	}

	@GetMapping("/orders")
	Page<OrderSummary> mine(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) OrderStatus status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return orders.buyerOrders(user.id(), status, PageRequest.of(page, size, 20));
	}

	@GetMapping("/orders/{id}")
	OrderView mine(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return orders.buyerOrder(user.id(), id);
	}

	/** Cancels an unpaid order, or a paid one before shipment (the payment is refunded). */
	@PostMapping("/orders/{id}/cancellation")
	OrderView cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @RequestBody(required = false) Cancellation cancellation) {
		return orders.cancel(user.id(), id, cancellation == null ? null : cancellation.reason());
	}

	@PostMapping("/orders/{id}/receipt")
	OrderView receive(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return orders.confirmReceipt(user.id(), id);
	}

	/** A supplier's orders; {@code status=PAID} is the "to ship" list, oldest first. */
	@GetMapping("/supplier/orders")
	Page<OrderSummary> supplierOrders(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) OrderStatus status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return orders.supplierOrders(user.id(), status, PageRequest.of(page, size, 20));
	}

	@GetMapping("/supplier/orders/{id}")
	OrderView supplierOrder(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return orders.supplierOrder(user.id(), id);
	}

	@PostMapping("/supplier/orders/{id}/shipment")
	OrderView ship(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @Valid @RequestBody Shipment shipment) {
		return orders.ship(user.id(), id, shipment);
	}

	@GetMapping("/supplier/shipping-rule")
	ShippingRule shippingRule(@AuthenticationPrincipal CurrentUser user) {
		return shipping.rule(user.id());
	}

	@PutMapping("/supplier/shipping-rule")
	ShippingRule changeShippingRule(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody ShippingRuleForm form) {
		return shipping.change(user.id(), form);
	}

	@GetMapping("/operator/orders")
	Page<OrderSummary> allOrders(@RequestParam(required = false) OrderStatus status,
			@RequestParam(required = false) @Size(max = 24) String orderNo, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return orders.operatorOrders(status, orderNo, PageRequest.of(page, size, 20));
	}

	@GetMapping("/operator/orders/{id}")
	OrderView anyOrder(@PathVariable long id) {
		return orders.operatorOrder(id);
	}

	record Cancellation(@Size(max = 200) @Pattern(regexp = AddressForm.PLAIN, message = AddressForm.PLAIN_MESSAGE) String reason) {
	}
}
