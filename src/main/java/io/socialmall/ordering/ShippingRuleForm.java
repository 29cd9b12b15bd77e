package io.socialmall.ordering;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A supplier's shipping rule in fen: the flat fee, and the goods total from which it is free (empty: never). */
public record ShippingRuleForm(@NotNull @Min(0) @Max(100_000) Long flatFee, @Min(1) @Max(100_000_000) Long freeOver) {
}
