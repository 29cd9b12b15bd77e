package io.socialmall.catalog;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** A spec attribute and its values, e.g. colour: red, blue. SKUs are its combinations. */
public record SpecDraft(@NotBlank @Size(max = 20) String name,
		@NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 30) String> values) {

	/**
	 * Every combination of one value per spec, in spec order with the first spec varying slowest: colour
	 * (red, blue) × size (S, M) gives red/S, red/M, blue/S, blue/M. No specs give one empty combination.
	 */
	public static List<List<String>> combinations(List<SpecDraft> specs) {
		List<List<String>> result = new ArrayList<>();
		result.add(List.of());
		for (SpecDraft spec : specs) {
			List<List<String>> next = new ArrayList<>();
			for (List<String> prefix : result) {
				for (String value : spec.values()) {
					List<String> combination = new ArrayList<>(prefix);
					combination.add(value.strip());
					next.add(List.copyOf(combination));
				}
			}
			result = next;
		}
		return result;
	}
}
