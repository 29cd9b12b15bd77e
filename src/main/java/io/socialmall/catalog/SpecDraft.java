package io.socialmall.catalog;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** A spec attribute and its values, e.g. colour: red, blue. SKUs are its combinations. */
public record SpecDraft(@NotBlank @Size(max = 20) String name,
		@NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 30) String> values) {
}
