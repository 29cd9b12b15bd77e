package io.socialmall.ordering.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.socialmall.catalog.SkuSnapshot;
import io.socialmall.core.DomainException;
import io.socialmall.core.Money;
import io.socialmall.ordering.CheckoutDraft;
import io.socialmall.ordering.CheckoutDraft.Funder;
import io.socialmall.ordering.ShippingRule;
import io.socialmall.ordering.internal.CheckoutPricing.OrderMoney;
import io.socialmall.ordering.internal.CheckoutPricing.Priced;
import io.socialmall.ordering.internal.CheckoutPricing.PricedLine;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The money of checkouts priced by participants, over random lines, margins and discounts: every discount
 * is split over its lines exactly and in proportion, and every order's split obeys the equations of
 * docs/social-commerce.md.
 */
class CheckoutPricingTests {

	private static final ShippingRule SHIPPING = new ShippingRule(Money.cny(1000), Money.cny(9900), false);

	@Property(tries = 500)
	void discountsAreSplitExactlyInProportionAndEveryOrderAddsUp(@ForAll Random random,
			@ForAll @IntRange(min = 1, max = 8) int lineCount, @ForAll @IntRange(min = 0, max = 4) int discountCount,
			@ForAll @IntRange(min = 0, max = 2000) int bps) {
		List<CheckoutDraft.Item> items = new ArrayList<>();
		for (int i = 0; i < lineCount; i++) {
			long supplier = 1 + random.nextInt(2);
			items.add(new CheckoutDraft.Item(sku(i, supplier, 100 + random.nextInt(50_000)), 1 + random.nextInt(5),
					random.nextBoolean() ? "shop:" + i : null));
		}
		CheckoutDraft draft = CheckoutDraft.of(7, Instant.EPOCH, List.of(), false, items);
		for (var line : draft.linesFrom("shop:")) {
			line.charge(line.listPrice().plus(Money.cny(random.nextInt(3000))), "shop").reseller(99).commissionBps(random.nextInt(3000));
		}
		for (int d = 0; d < discountCount; d++) {
			boolean platform = random.nextBoolean();
			long supplier = 1 + random.nextInt(2);
			List<Integer> eligible = new ArrayList<>();
			for (var line : draft.lines()) {
				if ((platform || line.supplierId() == supplier) && random.nextInt(3) > 0) {
					eligible.add(line.index());
				}
			}
			if (eligible.isEmpty()) {
				continue;
			}
			// small enough that no line can be discounted below zero (or below what its supplier is owed for a
			// supplier discount), whatever the rounding
			long room = eligible.stream().mapToLong(i -> draft.line(i).supplierUnitPrice().times(draft.line(i).quantity()).amount())
				.sum() / (discountCount + 1);
			long amount = 1 + (long) (random.nextDouble() * (room - 1));
			draft.addDiscount("d" + d, "Discount " + d, platform ? Funder.PLATFORM : Funder.SUPPLIER, platform ? null : supplier,
					Money.cny(amount), eligible);
		}

		Priced priced = CheckoutPricing.split(draft);

		for (var split : priced.splits()) {
			var discount = split.discount();
			assertThat(split.byLine().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(discount.amount().amount());
			long weights = discount.lineIndexes().stream().mapToLong(i -> CheckoutPricing.weight(draft.line(i), discount.funder())).sum();
			split.byLine().forEach((index, part) -> {
				long weight = CheckoutPricing.weight(draft.line(index), discount.funder());
				// within one fen of the exact proportion
				assertThat(Math.abs(part * weights - discount.amount().amount() * weight)).isLessThan(weights);
			});
		}
		long discounts = draft.discounts().stream().mapToLong(d -> d.amount().amount()).sum();
		assertThat(priced.discount()).isEqualTo(discounts);
		long allGoods = 0;
		for (Map.Entry<Long, List<PricedLine>> order : priced.bySupplier().entrySet()) {
			OrderMoney money = CheckoutPricing.money(order.getValue(), SHIPPING, bps);
			long supplierSubtotal = 0;
			long supplierDiscount = 0;
			long margin = 0;
			long subsidy = 0;
			for (PricedLine line : order.getValue()) {
				assertThat(line.amount()).isBetween(0L, line.subtotal());
				assertThat(line.discount()).isEqualTo(line.platformDiscount() + line.supplierDiscount());
				supplierSubtotal += line.supplierSubtotal();
				supplierDiscount += line.supplierDiscount();
				margin += line.margin();
				subsidy += line.platformDiscount();
			}
			assertThat(money.total()).isEqualTo(money.goods() + money.shipping());
			assertThat(money.platformFee()).isEqualTo(Money.cny(supplierSubtotal - supplierDiscount).proportion(bps, 10_000).amount());
			assertThat(money.supplierAmount()).isEqualTo(money.total() - money.platformFee() - money.margin() + money.platformDiscount());
			// the same, from the supplier's side: what it is owed for its goods, less its own discounts and the fee
			assertThat(money.supplierAmount()).isEqualTo(supplierSubtotal - supplierDiscount + money.shipping() - money.platformFee());
			assertThat(money.supplierAmount()).isNotNegative();
			assertThat(money.margin()).isEqualTo(margin);
			assertThat(money.platformDiscount()).isEqualTo(subsidy);
			allGoods += money.goods();
		}
		long listTotal = draft.lines().stream().mapToLong(l -> l.subtotal().amount()).sum();
		assertThat(allGoods).isEqualTo(listTotal - discounts);
	}

	@Example
	void aMarginNeedsAResellerAndTheSupplierIsNeverOwedMoreThanTheUnitPrice() {
		CheckoutDraft margin = CheckoutDraft.of(1, Instant.EPOCH, List.of(), false,
				List.of(new CheckoutDraft.Item(sku(1, 1, 1000), 1, null)));
		margin.line(0).charge(Money.cny(1500), "shop");
		assertThatThrownBy(() -> CheckoutPricing.split(margin)).isInstanceOf(IllegalStateException.class).hasMessageContaining("no reseller");

		CheckoutDraft below = CheckoutDraft.of(1, Instant.EPOCH, List.of(), false,
				List.of(new CheckoutDraft.Item(sku(1, 1, 1000), 1, null)));
		below.line(0).charge(Money.cny(800), "flash");
		assertThatThrownBy(() -> CheckoutPricing.split(below)).isInstanceOf(IllegalStateException.class);
		below.line(0).supplierUnitPrice(Money.cny(800));
		assertThat(CheckoutPricing.split(below).lines().get(0).margin()).isZero();
	}

	@Example
	void aSupplierDiscountFollowsWhatTheSupplierIsOwedNotTheRetailPrice() {
		CheckoutDraft draft = CheckoutDraft.of(1, Instant.EPOCH, List.of(), false,
				List.of(new CheckoutDraft.Item(sku(1, 1, 100), 1, "shop:1"), new CheckoutDraft.Item(sku(2, 1, 900), 1, null)));
		draft.line(0).charge(Money.cny(3100), "shop").reseller(5);
		draft.addDiscount("s", "S", Funder.SUPPLIER, 1L, Money.cny(500), List.of(0, 1));
		draft.addDiscount("p", "P", Funder.PLATFORM, null, Money.cny(400), List.of(0, 1));
		Priced priced = CheckoutPricing.split(draft);
		// supplier: 500 over 100:900; platform: 400 over 3100:900
		assertThat(priced.lines().get(0).supplierDiscount()).isEqualTo(50);
		assertThat(priced.lines().get(1).supplierDiscount()).isEqualTo(450);
		assertThat(priced.lines().get(0).platformDiscount()).isEqualTo(310);
		assertThat(priced.lines().get(1).platformDiscount()).isEqualTo(90);
	}

	@Example
	void badDiscountsAreRefused() {
		CheckoutDraft draft = CheckoutDraft.of(1, Instant.EPOCH, List.of(), false,
				List.of(new CheckoutDraft.Item(sku(1, 1, 1000), 1, null), new CheckoutDraft.Item(sku(2, 2, 1000), 1, null)));
		assertThatThrownBy(() -> draft.addDiscount("s", "S", Funder.SUPPLIER, 1L, Money.cny(10), List.of(0, 1)))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot pay");
		assertThatThrownBy(() -> draft.addDiscount("p", "P", Funder.PLATFORM, null, Money.cny(0), List.of(0)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> draft.addDiscount("p", "P", Funder.PLATFORM, null, Money.cny(1), List.of(5)))
			.isInstanceOf(IllegalArgumentException.class);
		draft.addDiscount("p", "P", Funder.PLATFORM, null, Money.cny(2001), List.of(0, 1));
		assertThatThrownBy(() -> draft.addDiscount("p", "P again", Funder.PLATFORM, null, Money.cny(1), List.of(0)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> CheckoutPricing.split(draft)).isInstanceOf(DomainException.class)
			.satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo("discount-too-large"));
	}

	private static SkuSnapshot sku(long id, long supplier, long price) {
		return new SkuSnapshot(id, id, supplier, "SKU " + id, "", Money.cny(price), null, true, true, null);
	}
}
