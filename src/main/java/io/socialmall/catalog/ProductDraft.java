package io.socialmall.catalog;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * What a supplier enters for a product. Specs generate the SKUs: each SKU names one value of every spec.
 * @param returnableWithoutReason false flags the product "not returnable without reason"; buyers confirm
 *        that at checkout
 */
public record ProductDraft(
		@NotBlank @Size(max = 120) String title,
		@Size(max = 120) String titleEn,
		@Size(max = 5000) String description,
		Long categoryId,
		boolean returnableWithoutReason,
		@Valid @Size(max = 3) List<SpecDraft> specs,
		@Valid @NotEmpty @Size(max = 200) List<SkuDraft> skus) {

	public ProductDraft {
		specs = specs == null ? List.of() : specs;
	}
}
