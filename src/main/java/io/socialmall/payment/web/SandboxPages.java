package io.socialmall.payment.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import io.socialmall.core.DomainException;
import io.socialmall.payment.sandbox.SandboxGateway;
import io.socialmall.payment.sandbox.SandboxSession;

/**
 * The sandbox gateway's payment page. It plays the gateway's part: the buyer approves or declines here,
 * then goes back to the shop, which learns the outcome only from the gateway's signed notification.
 */
@Controller
@ConditionalOnProperty(name = "socialmall.payment.sandbox.enabled", havingValue = "true", matchIfMissing = true)
class SandboxPages {

	private final SandboxGateway gateway;

	SandboxPages(SandboxGateway gateway) {
		this.gateway = gateway;
	}

	@GetMapping("/sandbox/pay/{token}")
	String page(@PathVariable String token, Model model) {
		model.addAttribute("checkout", session(token));
		return "payment/sandbox-pay";
	}

	@PostMapping("/sandbox/pay/{token}/approve")
	String approve(@PathVariable String token, Model model) {
		return after(gateway.approve(session(token).token()), model);
	}

	@PostMapping("/sandbox/pay/{token}/decline")
	String decline(@PathVariable String token, Model model) {
		return after(gateway.decline(session(token).token()), model);
	}

	private String after(SandboxSession session, Model model) {
		if (session.open()) {
			model.addAttribute("checkout", session);
			return "payment/sandbox-pay";
		}
		if (session.status() == SandboxSession.Status.OPEN) {
			// expired before the buyer decided: stay on the gateway's page, which says so
			return "redirect:/sandbox/pay/" + session.token();
		}
		// the return URL is a path on this site, checked when the payment was started
		return "redirect:" + session.returnUrl();
	}

	private SandboxSession session(String token) {
		if (token.length() > 40) {
			throw DomainException.notFound("payment session");
		}
		return gateway.session(token).orElseThrow(() -> DomainException.notFound("payment session"));
	}
}
