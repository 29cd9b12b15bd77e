package io.socialmall.core.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import jakarta.servlet.http.HttpServletResponse;

import io.socialmall.core.DomainException;

/**
 * Errors on pages become a friendly page in the visitor's language instead of a stack trace.
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

	private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

	@ExceptionHandler(DomainException.class)
	String domain(DomainException e, Model model, HttpServletResponse response) {
		return render(e.status(), e.code(), e.getMessage(), model, response);
	}

	@ExceptionHandler(AccessDeniedException.class)
	String denied(AccessDeniedException e, Model model, HttpServletResponse response) {
		return render(HttpStatus.FORBIDDEN, "forbidden", e.getMessage(), model, response);
	}

	static String render(HttpStatus status, String code, String detail, Model model, HttpServletResponse response) {
		if (status.is5xxServerError()) {
			log.error("page error {}: {}", code, detail);
		}
		response.setStatus(status.value());
		model.addAttribute("status", status.value());
		model.addAttribute("code", code);
		model.addAttribute("detail", detail);
		return "error";
	}
}
