package io.socialmall.identity.web;

import jakarta.servlet.http.HttpServletRequest;
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
import io.socialmall.identity.Accounts;
import io.socialmall.identity.CurrentUser;
import io.socialmall.identity.Registration;
import io.socialmall.identity.Sessions;
import io.socialmall.identity.SupplierApplication;
import io.socialmall.identity.SupplierView;

@Controller
class AccountPages {

	private final Accounts accounts;
	private final Sessions sessions;

	AccountPages(Accounts accounts, Sessions sessions) {
		this.accounts = accounts;
		this.sessions = sessions;
	}

	@GetMapping("/login")
	String login() {
		return "identity/login";
	}

	@GetMapping("/register")
	String registerForm(Model model) {
		model.addAttribute("registration", new Registration("", "", ""));
		return "identity/register";
	}

	@PostMapping("/register")
	String register(@Valid @ModelAttribute("registration") Registration registration, BindingResult errors,
			@RequestParam(required = false) String next, HttpServletRequest request, HttpServletResponse response) {
		if (errors.hasErrors()) {
			return "identity/register";
		}
		try {
			var account = accounts.register(registration);
			sessions.signIn(account.id(), request, response);
		}
		catch (DomainException e) {
			e.fields().forEach(f -> errors.rejectValue(f.field(), e.code(), f.reason()));
			if (e.fields().isEmpty()) {
				errors.reject(e.code(), e.getMessage());
			}
			return "identity/register";
		}
		return "redirect:" + safeNext(next);
	}

	@GetMapping("/account")
	String account(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("account", accounts.find(user.id()).orElseThrow(() -> DomainException.notFound("account")));
		model.addAttribute("tokens", accounts.tokens(user.id()));
		model.addAttribute("supplier", accounts.supplier(user.id()).orElse(null));
		return "identity/account";
	}

	@PostMapping("/account/tokens")
	String createToken(@AuthenticationPrincipal CurrentUser user, @RequestParam String name, RedirectAttributes flash) {
		var token = accounts.createToken(user.id(), name);
		flash.addFlashAttribute("newToken", token.token());
		return "redirect:/account";
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revokeToken(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes flash) {
		accounts.revokeToken(user.id(), id);
		flash.addFlashAttribute("message", "token.revoked");
		return "redirect:/account";
	}

	@GetMapping("/supplier/apply")
	String applyForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("application", new SupplierApplication("", "", "", ""));
		model.addAttribute("supplier", accounts.supplier(user.id()).orElse(null));
		return "identity/supplier-apply";
	}

	@PostMapping("/supplier/apply")
	String apply(@AuthenticationPrincipal CurrentUser user,
			@Valid @ModelAttribute("application") SupplierApplication application, BindingResult errors, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
		if (errors.hasErrors()) {
			model.addAttribute("supplier", accounts.supplier(user.id()).orElse(null));
			return "identity/supplier-apply";
		}
		accounts.applyAsSupplier(user.id(), application);
		sessions.signIn(user.id(), request, response);
		flash.addFlashAttribute("message", "supplier.applied");
		return "redirect:/supplier/apply";
	}

	@GetMapping("/operator/suppliers")
	String suppliers(@RequestParam(defaultValue = "PENDING") SupplierView.Status status, Model model) {
		model.addAttribute("status", status);
		model.addAttribute("suppliers", accounts.suppliers(status));
		return "identity/operator-suppliers";
	}

	@PostMapping("/operator/suppliers/{id}/verify")
	String verify(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes flash) {
		accounts.verifySupplier(user.id(), id);
		flash.addFlashAttribute("message", "supplier.verified");
		return "redirect:/operator/suppliers";
	}

	@PostMapping("/operator/suppliers/{id}/reject")
	String reject(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam String reason,
			RedirectAttributes flash) {
		accounts.rejectSupplier(user.id(), id, reason);
		flash.addFlashAttribute("message", "supplier.rejected");
		return "redirect:/operator/suppliers";
	}

	/** Only a path on this site, so a crafted link cannot send someone elsewhere after registering. */
	static String safeNext(String next) {
		if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
			return "/";
		}
		return next;
	}
}
