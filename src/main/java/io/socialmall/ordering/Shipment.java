package io.socialmall.ordering;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** How a supplier shipped an order. */
public record Shipment(
		@NotBlank @Size(max = 40) @Pattern(regexp = AddressForm.PLAIN, message = AddressForm.PLAIN_MESSAGE) String carrier,
		@NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9-]+", message = "letters, digits or dashes") String trackingNumber) {
}
