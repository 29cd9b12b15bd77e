package io.socialmall.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A request to sell on the platform; an operator verifies it before the supplier's products go on sale. */
public record SupplierApplication(
		@NotBlank @Size(max = 100) String businessName,
		@NotBlank @Pattern(regexp = "[0-9A-Z]{8,30}", message = "8 to 30 digits or capital letters") String licenseNumber,
		@Size(max = 30) String contactPhone,
		@Size(max = 200) String businessAddress) {
}
