package io.socialmall.ordering;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a buyer types for a shipping address. Text may not contain angle brackets or control characters
 * (names and streets never need them, and they are the usual way to smuggle markup).
 * {@code isDefault} may be left out (false).
 */
public record AddressForm(
		@NotBlank @Size(max = 40) @Pattern(regexp = PLAIN, message = PLAIN_MESSAGE) String recipient,
		@NotBlank @Pattern(regexp = "\\+?[0-9][0-9 -]{4,18}", message = "5 to 20 digits, spaces or dashes") String phone,
		@NotBlank @Size(max = 40) @Pattern(regexp = PLAIN, message = PLAIN_MESSAGE) String province,
		@NotBlank @Size(max = 40) @Pattern(regexp = PLAIN, message = PLAIN_MESSAGE) String city,
		@Size(max = 40) @Pattern(regexp = PLAIN, message = PLAIN_MESSAGE) String district,
		@NotBlank @Size(max = 200) @Pattern(regexp = PLAIN, message = PLAIN_MESSAGE) String street,
		@Size(max = 10) @Pattern(regexp = "[0-9A-Za-z -]*", message = "digits, letters, spaces or dashes") String postalCode,
		Boolean isDefault) {

	public AddressForm {
		isDefault = Boolean.TRUE.equals(isDefault);
	}

	/** No angle brackets, no control characters. */
	public static final String PLAIN = "[^<>\\p{Cntrl}]*";

	public static final String PLAIN_MESSAGE = "must not contain < > or control characters";

	public static AddressForm empty() {
		return new AddressForm("", "", "", "", "", "", "", false);
	}
}
