package io.socialmall.core;

import java.util.Currency;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An amount of money in integer minor units (fen for CNY) of one currency. Never a floating point.
 */
public record Money(long amount, String currency) implements Comparable<Money> {

	public static final String CNY = "CNY";

	public Money {
		Objects.requireNonNull(currency, "currency");
		Currency.getInstance(currency);
	}

	public static Money of(long amount, String currency) {
		return new Money(amount, currency);
	}

	public static Money cny(long fen) {
		return new Money(fen, CNY);
	}

	public static Money zero(String currency) {
		return new Money(0, currency);
	}

	public Money plus(Money other) {
		requireSameCurrency(other);
		return new Money(Math.addExact(amount, other.amount), currency);
	}

	public Money minus(Money other) {
		requireSameCurrency(other);
		return new Money(Math.subtractExact(amount, other.amount), currency);
	}

	public Money times(long quantity) {
		return new Money(Math.multiplyExact(amount, quantity), currency);
	}

	public Money negate() {
		return new Money(Math.negateExact(amount), currency);
	}

	@JsonIgnore
	public boolean isZero() {
		return amount == 0;
	}

	@JsonIgnore
	public boolean isNegative() {
		return amount < 0;
	}

	/**
	 * This amount times {@code numerator / denominator}, rounded half up, without floating point.
	 */
	public Money proportion(long numerator, long denominator) {
		if (denominator <= 0) {
			throw new IllegalArgumentException("denominator must be positive");
		}
		var product = java.math.BigInteger.valueOf(amount).multiply(java.math.BigInteger.valueOf(numerator));
		var divided = new java.math.BigDecimal(product).divide(java.math.BigDecimal.valueOf(denominator), 0,
				java.math.RoundingMode.HALF_UP);
		return new Money(divided.longValueExact(), currency);
	}

	/**
	 * Splits this amount over the weights so that the parts add up exactly to this amount (largest remainder).
	 */
	public List<Money> allocate(List<Long> weights) {
		long total = weights.stream().mapToLong(Long::longValue).sum();
		if (weights.isEmpty()) {
			return List.of();
		}
		if (total <= 0) {
			throw new IllegalArgumentException("weights must add up to a positive number");
		}
		long[] parts = new long[weights.size()];
		long[] remainders = new long[weights.size()];
		long allocated = 0;
		for (int i = 0; i < parts.length; i++) {
			var share = java.math.BigInteger.valueOf(amount).multiply(java.math.BigInteger.valueOf(weights.get(i)));
			var qr = share.divideAndRemainder(java.math.BigInteger.valueOf(total));
			parts[i] = qr[0].longValueExact();
			remainders[i] = qr[1].longValueExact();
			allocated += parts[i];
		}
		long left = amount - allocated;
		while (left != 0) {
			int best = 0;
			for (int i = 1; i < parts.length; i++) {
				if (Math.abs(remainders[i]) > Math.abs(remainders[best])) {
					best = i;
				}
			}
			long step = Long.signum(left);
			parts[best] += step;
			remainders[best] = 0;
			left -= step;
		}
		return java.util.Arrays.stream(parts).mapToObj(p -> new Money(p, currency)).toList();
	}

	private void requireSameCurrency(Money other) {
		if (!currency.equals(other.currency)) {
			throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
		}
	}

	@Override
	public int compareTo(Money other) {
		requireSameCurrency(other);
		return Long.compare(amount, other.amount);
	}

	/** Plain decimal text such as {@code 12.30}, for display and CSV. */
	public String toDecimalString() {
		int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
		return java.math.BigDecimal.valueOf(amount, digits).toPlainString();
	}

	@Override
	public String toString() {
		return currency + " " + toDecimalString();
	}
}
