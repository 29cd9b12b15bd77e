package io.socialmall.ordering.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

import io.socialmall.core.DomainException;

/** Turns refusals into text for the visitor's language on the ordering pages. */
@Component
class PageMessages {

	private final MessageSource messages;

	PageMessages(MessageSource messages) {
		this.messages = messages;
	}

	/** The localised {@code problem.<code>} text, or the exception's own message when there is none. */
	String problem(DomainException e) {
		return messages.getMessage("problem." + e.code(), null, e.getMessage(), LocaleContextHolder.getLocale());
	}

	/** Field name → first error message, for forms that show errors beside their fields. */
	static Map<String, String> fieldErrors(BindingResult result) {
		Map<String, String> errors = new LinkedHashMap<>();
		result.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), e.getDefaultMessage() == null ? "invalid"
				: e.getDefaultMessage()));
		return errors;
	}
}
