package io.socialmall.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class MoneyTests {

	@Property
	void allocationAddsUpExactly(@ForAll @LongRange(min = -10_000_000, max = 10_000_000) long amount,
			@ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 100_000) Integer> weights) {
		long total = weights.stream().mapToLong(Integer::longValue).sum();
		if (total == 0) {
			return;
		}
		var parts = Money.cny(amount).allocate(weights.stream().map(Integer::longValue).toList());
		assertThat(parts.stream().mapToLong(Money::amount).sum()).isEqualTo(amount);
		for (int i = 0; i < parts.size(); i++) {
			double exact = (double) amount * weights.get(i) / total;
			assertThat(Math.abs(parts.get(i).amount() - exact)).isLessThan(1.0 + 1e-9);
		}
	}

	@Property
	void proportionNeverExceedsTheWhole(@ForAll @LongRange(min = 0, max = 1_000_000_000) long amount,
			@ForAll @IntRange(min = 1, max = 1000) int denominator, @ForAll @IntRange(min = 0, max = 1000) int numerator) {
		if (numerator > denominator) {
			return;
		}
		long part = Money.cny(amount).proportion(numerator, denominator).amount();
		assertThat(part).isBetween(0L, amount);
	}

	@org.junit.jupiter.api.Test
	void refusesToMixCurrencies() {
		assertThatThrownBy(() -> Money.cny(1).plus(Money.of(1, "USD"))).isInstanceOf(IllegalArgumentException.class);
	}

	@org.junit.jupiter.api.Test
	void parsesTypedAmountsIntoFen() {
		assertThat(MoneyParsing.toFen("12.3", "price")).isEqualTo(1230);
		assertThat(MoneyParsing.toFen(" 7 ", "price")).isEqualTo(700);
		assertThatThrownBy(() -> MoneyParsing.toFen("1.234", "price")).isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> MoneyParsing.toFen("abc", "price")).isInstanceOf(DomainException.class);
	}

	@org.junit.jupiter.api.Test
	void idsAreUniqueAndIncreasing() {
		long previous = 0;
		for (int i = 0; i < 100_000; i++) {
			long id = Ids.next();
			assertThat(id).isGreaterThan(previous).isLessThan(1L << 53);
			previous = id;
		}
	}
}
