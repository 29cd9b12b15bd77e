package io.socialmall.ordering.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class FeeSharesTests {

	/**
	 * Any order (fee on goods at up to 100%, shipping on top) refunded in any number of pieces: each fee share
	 * lies between 0 and its refund, and once the whole total is refunded the shares add up to the fee.
	 */
	@Property
	void feeSharesNeverExceedTheirRefundAndAddUpToTheFee(@ForAll @LongRange(min = 1, max = 10_000_000) long goods,
			@ForAll @LongRange(min = 0, max = 5_000) long shipping, @ForAll @IntRange(min = 0, max = 10_000) int bps,
			@ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 1000) Integer> weights) {
		long total = goods + shipping;
		long fee = io.socialmall.core.Money.cny(goods).proportion(bps, 10_000).amount();
		var pieces = io.socialmall.core.Money.cny(total).allocate(weights.stream().map(Integer::longValue).toList());
		long refunded = 0;
		long feeRefunded = 0;
		for (var piece : pieces) {
			long amount = piece.amount();
			if (amount == 0) {
				continue;
			}
			long share = FeeShares.share(fee, total, refunded, feeRefunded, amount);
			assertThat(share).isBetween(0L, amount);
			refunded += amount;
			feeRefunded += share;
			assertThat(feeRefunded).isBetween(0L, fee);
		}
		assertThat(refunded).isEqualTo(total);
		assertThat(feeRefunded).isEqualTo(fee);
	}

	@Property
	void aPartialRefundGivesBackItsProportionOfTheFee(@ForAll @LongRange(min = 100, max = 1_000_000) long total,
			@ForAll @IntRange(min = 1, max = 99) int percent) {
		long fee = total / 20;
		long amount = total * percent / 100;
		if (amount == 0) {
			return;
		}
		long share = FeeShares.share(fee, total, 0, 0, amount);
		assertThat(Math.abs(share * total - fee * amount)).isLessThanOrEqualTo(total);
	}

	/**
	 * A line's margin (or subsidy) given back by refunds of the line in any pieces: each share lies between 0
	 * and what is left of it, and once the whole line is refunded the shares add up to the whole part. A line
	 * that cost nothing gives its part back with its units.
	 */
	@Property
	void lineSharesAddUpToTheWholePart(@ForAll @LongRange(min = 0, max = 1_000_000) long lineAmount,
			@ForAll @IntRange(min = 1, max = 50) int quantity, @ForAll @LongRange(min = 0, max = 1_000_000) long part,
			@ForAll @Size(min = 1, max = 8) List<@IntRange(min = 1, max = 1000) Integer> weights) {
		var amounts = io.socialmall.core.Money.cny(lineAmount).allocate(weights.stream().map(Integer::longValue).toList());
		var units = io.socialmall.core.Money.cny(quantity).allocate(weights.stream().map(Integer::longValue).toList());
		long refunded = 0;
		int refundedUnits = 0;
		long given = 0;
		for (int i = 0; i < amounts.size(); i++) {
			long amount = amounts.get(i).amount();
			int qty = (int) units.get(i).amount();
			long share = FeeShares.lineShare(part, lineAmount, quantity, refunded, refundedUnits, given, amount, qty);
			assertThat(share).isBetween(0L, part - given);
			refunded += amount;
			refundedUnits += qty;
			given += share;
		}
		assertThat(given).isEqualTo(part);
	}
}
