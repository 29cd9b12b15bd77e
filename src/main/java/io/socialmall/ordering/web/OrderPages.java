package io.socialmall.ordering.web;


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
import io.socialmall.core.MoneyParsing;
import io.socialmall.core.Page;
import io.socialmall.core.PageRequest;
import io.socialmall.identity.Accounts;
import io.socialmall.identity.CurrentUser;
import io.socialmall.identity.SupplierView;
import io.socialmall.ordering.OrderStatus;
import io.socialmall.ordering.OrderSummary;
import io.socialmall.ordering.OrderView;
import io.socialmall.ordering.Orders;
import io.socialmall.ordering.Shipment;
import io.socialmall.ordering.ShippingRuleForm;
import io.socialmall.ordering.ShippingRules;

/**
 * Order pages: the buyer's orders ({@code /orders}), the supplier's ({@code /supplier/orders}, "to ship"
 * first) and the operator's ({@code /operator/orders}). One detail template serves all three; the viewer
 * decides which actions it offers.
 */
@Controller
class OrderPages {

	private final Orders orders;
	private final ShippingRules shipping;
	private final Accounts accounts;
	private final PageMessages messages;

	OrderPages(Orders orders, ShippingRules shipping, Accounts accounts, PageMessages messages) {
		this.orders = orders;
		this.shipping = shipping;
		this.accounts = accounts;
		this.messages = messages;
	}

	@GetMapping("/orders")
	String mine(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) OrderStatus status,
			@RequestParam(required = false) Integer page, Model model) {
		return list(model, "buyer", status, orders.buyerOrders(user.id(), status, PageRequest.of(page, 20, 20)));
	}

	@GetMapping("/orders/{id}")
	String mine(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		return detail(model, "buyer", orders.buyerOrder(user.id(), id));
	}

	@PostMapping("/orders/{id}/cancel")
	String cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) String reason, RedirectAttributes flash) {
		String why = reason == null || reason.isBlank() ? null : reason.strip();
		if (why != null && (why.length() > 200 || !why.matches(io.socialmall.ordering.AddressForm.PLAIN))) {
			flash.addFlashAttribute("error", messages.problem(DomainException.invalid("reason", "too long or not plain text")));
			return "redirect:/orders/" + id;
		}
		return act(flash, "order.cancelled", "/orders/" + id, () -> orders.cancel(user.id(), id, why));
	}

	@PostMapping("/orders/{id}/receive")
	String receive(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes flash) {
		return act(flash, "order.received", "/orders/" + id, () -> orders.confirmReceipt(user.id(), id));
	}

	@GetMapping("/supplier/orders")
	String supplierOrders(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "to-ship") String tab,
			@RequestParam(required = false) Integer page, Model model) {
		OrderStatus status = "to-ship".equals(tab) ? OrderStatus.PAID : null;
		model.addAttribute("tab", status == null ? "all" : "to-ship");
		return list(model, "supplier", status, orders.supplierOrders(user.id(), status, PageRequest.of(page, 20, 20)));
	}

	@GetMapping("/supplier/orders/{id}")
	String supplierOrder(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		return detail(model, "supplier", orders.supplierOrder(user.id(), id));
	}

	@PostMapping("/supplier/orders/{id}/ship")
	String ship(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@Valid @ModelAttribute Shipment shipment, BindingResult errors, RedirectAttributes flash) {
		if (errors.hasErrors()) {
			orders.supplierOrder(user.id(), id);
			var first = errors.getFieldErrors().get(0);
			flash.addFlashAttribute("error", first.getField() + ": " + first.getDefaultMessage());
			return "redirect:/supplier/orders/" + id;
		}
		return act(flash, "order.shipped", "/supplier/orders/" + id, () -> orders.ship(user.id(), id, shipment));
	}

	@GetMapping("/supplier/shipping")
	String shippingRule(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("rule", shipping.rule(user.id()));
		return "ordering/supplier-shipping";
	}

	@PostMapping("/supplier/shipping")
	String changeShippingRule(@AuthenticationPrincipal CurrentUser user, @RequestParam String flatFee,
			@RequestParam(required = false) String freeOver, RedirectAttributes flash) {
		return act(flash, "shipping.saved", "/supplier/shipping", () -> {
			long fee = MoneyParsing.toFen(flatFee, "flatFee");
			Long free = freeOver == null || freeOver.isBlank() ? null : MoneyParsing.toFen(freeOver, "freeOver");
			if (fee < 0 || fee > 100_000) {
				throw DomainException.invalid("flatFee", "between 0 and 1000.00");
			}
			if (free != null && (free < 1 || free > 100_000_000)) {
				throw DomainException.invalid("freeOver", "between 0.01 and 1000000.00, or empty");
			}
			shipping.change(user.id(), new ShippingRuleForm(fee, free));
		});
	}

	@GetMapping("/operator/orders")
	String allOrders(@RequestParam(required = false) OrderStatus status, @RequestParam(required = false) String orderNo,
			@RequestParam(required = false) Integer page, Model model) {
		String number = orderNo == null || orderNo.isBlank() ? null : orderNo.strip();
		if (number != null && number.length() > 24) {
			throw DomainException.invalid("orderNo", "at most 24 characters");
		}
		model.addAttribute("orderNo", number);
		return list(model, "operator", status, orders.operatorOrders(status, number, PageRequest.of(page, 20, 20)));
	}

	@GetMapping("/operator/orders/{id}")
	String anyOrder(@PathVariable long id, Model model) {
		return detail(model, "operator", orders.operatorOrder(id));
	}

	private String list(Model model, String viewer, OrderStatus status, Page<OrderSummary> page) {
		model.addAttribute("viewer", viewer);
		model.addAttribute("base", base(viewer));
		model.addAttribute("status", status);
		model.addAttribute("statuses", OrderStatus.values());
		model.addAttribute("orders", page);
		return "ordering/orders";
	}

	private String detail(Model model, String viewer, OrderView order) {
		model.addAttribute("viewer", viewer);
		model.addAttribute("base", base(viewer));
		model.addAttribute("order", order);
		model.addAttribute("supplier", accounts.supplier(order.supplierId()).map(SupplierView::businessName).orElse(""));
		return "ordering/order";
	}

	private static String base(String viewer) {
		return switch (viewer) {
			case "supplier" -> "/supplier/orders";
			case "operator" -> "/operator/orders";
			default -> "/orders";
		};
	}

	private String act(RedirectAttributes flash, String message, String back, Runnable action) {
		try {
			action.run();
			flash.addFlashAttribute("message", message);
		}
		catch (DomainException e) {
			if (e.status().value() == 404) {
				throw e;
			}
			flash.addFlashAttribute("error", messages.problem(e));
		}
		return "redirect:" + back;
	}
}
