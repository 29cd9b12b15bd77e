package io.socialmall.core.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import io.socialmall.core.DomainException;
import io.socialmall.core.DomainException.FieldProblem;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.core.JacksonException;

/**
 * Every error of a REST controller as RFC 9457 problem details with a stable {@code code} and, for bad
 * input, an {@code errors} list naming each field and its reason.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	@ExceptionHandler(DomainException.class)
	ResponseEntity<Object> domain(DomainException e) {
		return problem(e.status(), e.code(), e.getMessage(), e.fields());
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Object> denied(AccessDeniedException e) {
		return problem(HttpStatus.FORBIDDEN, "forbidden", "you may not do this", List.of());
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Object> integrity(DataIntegrityViolationException e) {
		log.warn("integrity violation: {}", e.getMostSpecificCause().getMessage());
		return problem(HttpStatus.CONFLICT, "conflict", "the request conflicts with existing data", List.of());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception e) {
		log.error("unexpected error", e);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
				"something went wrong on our side; nothing was changed", List.of());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-input", e.getName() + ": not a valid value",
				List.of(new FieldProblem(e.getName(), "not a valid value")));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> fields = new ArrayList<>();
		for (FieldError error : e.getBindingResult().getFieldErrors()) {
			fields.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
		}
		e.getBindingResult().getGlobalErrors()
			.forEach(error -> fields.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
		return problem(HttpStatus.BAD_REQUEST, "invalid-input", "the request has invalid fields", fields);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> fields = new ArrayList<>();
		e.getParameterValidationResults().forEach(result -> result.getResolvableErrors()
			.forEach(error -> fields.add(new FieldProblem(result.getMethodParameter().getParameterName(),
					error.getDefaultMessage()))));
		return problem(HttpStatus.BAD_REQUEST, "invalid-input", "the request has invalid fields", fields);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = e.getMostSpecificCause();
		if (cause instanceof JacksonException mismatch && !(cause instanceof tools.jackson.core.exc.StreamReadException
				&& !(cause instanceof tools.jackson.core.exc.InputCoercionException)) && !mismatch.getPath().isEmpty()) {
			String field = mismatch.getPath()
				.stream()
				.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
				.reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
				.orElse("body");
			String reason = mismatch instanceof InvalidFormatException ? "has the wrong type or format"
					: mismatch instanceof tools.jackson.core.exc.InputCoercionException ? "is out of range"
							: "is missing or has the wrong type";
			return problem(HttpStatus.BAD_REQUEST, "invalid-input", field + " " + reason,
					List.of(new FieldProblem(field, reason)));
		}
		if (cause instanceof JacksonException) {
			return problem(HttpStatus.BAD_REQUEST, "malformed-json", "the request body is not valid JSON",
					List.of(new FieldProblem("body", "not valid JSON")));
		}
		return problem(HttpStatus.BAD_REQUEST, "malformed-body", "the request body could not be read",
				List.of(new FieldProblem("body", "missing or unreadable")));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(HttpStatus.BAD_REQUEST, "invalid-input", e.getParameterName() + " is required",
				List.of(new FieldProblem(e.getParameterName(), "is required")));
	}

	@Override
	protected ResponseEntity<Object> handleServletRequestBindingException(
			org.springframework.web.bind.ServletRequestBindingException e, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		if (e instanceof MissingRequestHeaderException missing) {
			return problem(HttpStatus.BAD_REQUEST, "invalid-input", missing.getHeaderName() + " header is required",
					List.of(new FieldProblem(missing.getHeaderName(), "is required")));
		}
		return problem(HttpStatus.BAD_REQUEST, "invalid-input", e.getMessage(), List.of());
	}

	@Override
	protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", e.getMessage(), List.of());
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return problem(HttpStatus.NOT_FOUND, "not-found", "no such resource", List.of());
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "the upload is too large",
				List.of(new FieldProblem("file", "too large")));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (body instanceof ProblemDetail detail && detail.getProperties() != null
				&& detail.getProperties().containsKey("code")) {
			return super.handleExceptionInternal(e, body, headers, status, request);
		}
		String code = HttpStatus.resolve(status.value()) == null ? "error"
				: HttpStatus.valueOf(status.value()).name().toLowerCase().replace('_', '-');
		return problem(HttpStatus.valueOf(status.value()), code, e.getMessage(), List.of());
	}

	static ResponseEntity<Object> problem(HttpStatus status, String code, String detail, List<FieldProblem> fields) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("https://socialmall.io/problems/" + code));
		problem.setTitle(status.getReasonPhrase());
		problem.setProperty("code", code);
		if (!fields.isEmpty()) {
			problem.setProperty("errors",
					fields.stream().map(f -> Map.of("field", f.field(), "reason", f.reason())).toList());
		}
		return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}
}
