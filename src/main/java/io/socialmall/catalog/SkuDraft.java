package io.socialmall.catalog;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One SKU: a value for each spec (in the specs' order), its price in fen, its starting stock and an
 * optional code.
 */
public record SkuDraft(@NotNull @Size(max = 3) List<@NotNull String> specValues,
		@NotNull @Min(1) @Max(100_000_000) Long price,
		@Min(0) @Max(1_000_000) int stock,
		@Size(max = 40) @Pattern(regexp = "[A-Za-z0-9._-]*", message = "letters, digits, dot, dash or underscore") String code) {
}
