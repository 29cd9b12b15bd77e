package io.socialmall.core;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A business rule said no. Carries a stable machine-readable {@code code} (also the message key
 * {@code problem.<code>}), an HTTP status and, for bad input, the offending fields. Rendered as RFC 9457
 * problem details on the API and as a flash message on pages.
 */
public class DomainException extends RuntimeException {

	private final HttpStatus status;
	private final String code;
	private final List<FieldProblem> fields;

	public DomainException(HttpStatus status, String code, String message) {
		this(status, code, message, List.of());
	}

	public DomainException(HttpStatus status, String code, String message, List<FieldProblem> fields) {
		super(message);
		this.status = status;
		this.code = code;
		this.fields = List.copyOf(fields);
	}

	/** The thing does not exist, or the caller may not see it (we never reveal which). */
	public static DomainException notFound(String what) {
		return new DomainException(HttpStatus.NOT_FOUND, "not-found", what + " not found");
	}

	public static DomainException forbidden(String message) {
		return new DomainException(HttpStatus.FORBIDDEN, "forbidden", message);
	}

	/** The request is well-formed but conflicts with the current state. */
	public static DomainException conflict(String code, String message) {
		return new DomainException(HttpStatus.CONFLICT, code, message);
	}

	/** One field of the input is not acceptable. */
	public static DomainException invalid(String field, String reason) {
		return new DomainException(HttpStatus.BAD_REQUEST, "invalid-input", field + ": " + reason,
				List.of(new FieldProblem(field, reason)));
	}

	/** The input is valid but a business rule refuses it. */
	public static DomainException unprocessable(String code, String message) {
		return new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, code, message);
	}

	public HttpStatus status() {
		return status;
	}

	public String code() {
		return code;
	}

	public List<FieldProblem> fields() {
		return fields;
	}

	/** One field's problem: the field's name as the client sent it, and why it was refused. */
	public record FieldProblem(String field, String reason) {
	}
}
