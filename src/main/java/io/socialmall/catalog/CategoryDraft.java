package io.socialmall.catalog;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What an operator enters for a category.
 * @param parentId the parent category, or null for a top-level category
 * @param position the order among its siblings (smaller first; 0 when left out)
 */
public record CategoryDraft(Long parentId, @NotBlank @Size(max = 40) String nameZh,
		@NotBlank @Size(max = 40) String nameEn, @Min(0) @Max(9999) Integer position) {

	public CategoryDraft {
		position = position == null ? 0 : position;
	}
}
