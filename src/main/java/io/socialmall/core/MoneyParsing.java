package io.socialmall.core;

import java.math.BigDecimal;

/**
 * Reads amounts typed by people ("12.3", "12.30", "12") into minor units, refusing anything that is not an
 * exact amount of fen.
 */
public final class MoneyParsing {

	private MoneyParsing() {
	}

	public static long toFen(String text, String field) {
		if (text == null || text.isBlank()) {
			throw DomainException.invalid(field, "is required");
		}
		try {
			BigDecimal value = new BigDecimal(text.trim());
			if (value.scale() > 2) {
				throw DomainException.invalid(field, "at most two decimal places");
			}
			return value.movePointRight(2).longValueExact();
		}
		catch (NumberFormatException | ArithmeticException e) {
			throw DomainException.invalid(field, "not an amount");
		}
	}
}
