package io.socialmall.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The descriptive fields of a product a supplier can change at any time (specs and SKUs are fixed once
 * created; prices, codes and stock change per SKU).
 * @param returnableWithoutReason false flags the product "not returnable without reason"
 */
public record ProductEdit(
		@NotBlank @Size(max = 120) String title,
		@Size(max = 120) String titleEn,
		@Size(max = 5000) String description,
		Long categoryId,
		boolean returnableWithoutReason) {
}
