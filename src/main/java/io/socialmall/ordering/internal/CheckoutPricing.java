package io.socialmall.ordering.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.socialmall.core.DomainException;
import io.socialmall.core.Money;
import io.socialmall.ordering.CheckoutDraft;
import io.socialmall.ordering.CheckoutDraft.Discount;
import io.socialmall.ordering.CheckoutDraft.Funder;
import io.socialmall.ordering.CheckoutDraft.Line;
import io.socialmall.ordering.CheckoutParticipant;
import io.socialmall.ordering.PlacedCheckout;
import io.socialmall.ordering.ShippingRule;

/**
 * Runs the {@link CheckoutParticipant}s over a draft and computes the money of each future order from what
 * they decided (docs/social-commerce.md, section Money split of an order). All in integer minor units, exact:
 * each discount is split over its lines by {@link Money#allocate}, so the lines' shares add up to it.
 */
@Component
class CheckoutPricing {

	private final List<CheckoutParticipant> participants;

	CheckoutPricing(ObjectProvider<CheckoutParticipant> participants) {
		this.participants = participants.orderedStream().toList();
	}

	/** Lets every participant price the draft, then splits the discounts over the lines. */
	Priced price(CheckoutDraft draft) {
		for (CheckoutParticipant participant : participants) {
			participant.price(draft);
		}
		return split(draft);
	}

	/** Tells every participant where the draft's lines went (same transaction). */
	void placed(CheckoutDraft draft, PlacedCheckout placed) {
		for (CheckoutParticipant participant : participants) {
			participant.placed(draft, placed);
		}
	}

	/** Checks what the participants decided and splits the discounts; no participant runs here. */
	static Priced split(CheckoutDraft draft) {
		List<Line> lines = draft.lines();
		int n = lines.size();
		for (Line line : lines) {
			if (line.supplierUnitPrice().compareTo(line.unitPrice()) > 0) {
				throw new IllegalStateException("line " + line.index() + " owes the supplier " + line.supplierUnitPrice()
						+ " per unit but charges only " + line.unitPrice());
			}
			if (!line.margin().isZero() && line.resellerId() == null) {
				throw new IllegalStateException("line " + line.index() + " has a margin of " + line.margin() + " but no reseller");
			}
		}
		long[] platform = new long[n];
		long[] supplier = new long[n];
		List<Split> splits = new ArrayList<>();
		for (Discount discount : draft.discounts()) {
			List<Long> weights = discount.lineIndexes().stream().map(i -> weight(lines.get(i), discount.funder())).toList();
			List<Money> parts = discount.amount().allocate(weights);
			Map<Integer, Long> byLine = new LinkedHashMap<>();
			for (int k = 0; k < parts.size(); k++) {
				int index = discount.lineIndexes().get(k);
				long part = parts.get(k).amount();
				byLine.put(index, part);
				if (discount.funder() == Funder.PLATFORM) {
					platform[index] += part;
				}
				else {
					supplier[index] += part;
				}
			}
			splits.add(new Split(discount, byLine));
		}
		List<PricedLine> priced = new ArrayList<>(n);
		for (Line line : lines) {
			int i = line.index();
			long subtotal = line.subtotal().amount();
			if (platform[i] + supplier[i] > subtotal) {
				throw tooLarge("the discounts on " + line.sku().title() + " are more than it costs");
			}
			if (supplier[i] > line.supplierUnitPrice().times(line.quantity()).amount()) {
				throw tooLarge("the supplier's discount on " + line.sku().title() + " is more than the supplier is paid for it");
			}
			priced.add(new PricedLine(line, platform[i] + supplier[i], platform[i], supplier[i]));
		}
		return new Priced(priced, splits);
	}

	/**
	 * What a discount is split by: a platform discount by the lines' price (unit price times quantity), a
	 * supplier discount by what the supplier is owed for them, so it never takes more from a line than the
	 * supplier gets for it (the two are the same on lines without a reseller's margin).
	 */
	static long weight(Line line, Funder funder) {
		return funder == Funder.PLATFORM ? line.subtotal().amount() : line.supplierUnitPrice().times(line.quantity()).amount();
	}

	/**
	 * The money of one order from its priced lines: {@code total = goods + shipping} where goods is what the
	 * lines cost after discounts; {@code platformFee = round(bps * (supplier subtotal - supplier-funded
	 * discounts))}; {@code supplierAmount = total - platformFee - margin + platformDiscount}.
	 * @throws DomainException {@code discount-too-large} when the discounts leave nothing to pay for the goods
	 */
	static OrderMoney money(List<PricedLine> lines, ShippingRule rule, int platformFeeBps) {
		long goods = 0;
		long discount = 0;
		long platformDiscount = 0;
		long supplierDiscount = 0;
		long margin = 0;
		long feeBase = 0;
		for (PricedLine line : lines) {
			goods = Math.addExact(goods, line.amount());
			discount += line.discount();
			platformDiscount += line.platformDiscount();
			supplierDiscount += line.supplierDiscount();
			margin = Math.addExact(margin, line.margin());
			feeBase = Math.addExact(feeBase, line.supplierSubtotal() - line.supplierDiscount());
		}
		if (goods <= 0) {
			throw tooLarge("the discounts leave nothing to pay for an order's goods");
		}
		long shipping = rule.feeFor(Money.cny(goods)).amount();
		long total = Math.addExact(goods, shipping);
		long fee = Money.cny(feeBase).proportion(platformFeeBps, 10_000).amount();
		long supplierAmount = total - fee - margin + platformDiscount;
		return new OrderMoney(goods, shipping, total, discount, platformDiscount, supplierDiscount, margin, fee, supplierAmount);
	}

	private static DomainException tooLarge(String message) {
		return new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "discount-too-large", message);
	}

	/** The draft after pricing: its lines with their discount shares, and each discount's split. */
	record Priced(List<PricedLine> lines, List<Split> splits) {

		/** The lines by supplier (one order each), suppliers in id order, lines in draft order. */
		Map<Long, List<PricedLine>> bySupplier() {
			Map<Long, List<PricedLine>> groups = new TreeMap<>();
			for (PricedLine line : lines) {
				groups.computeIfAbsent(line.line().supplierId(), id -> new ArrayList<>()).add(line);
			}
			return groups;
		}

		long discount() {
			return lines.stream().mapToLong(PricedLine::discount).sum();
		}
	}

	/** One discount and its part on each line (by index). */
	record Split(Discount discount, Map<Integer, Long> byLine) {

		/** Its part on the given lines. */
		long on(List<PricedLine> lines) {
			return lines.stream().mapToLong(l -> byLine.getOrDefault(l.line().index(), 0L)).sum();
		}
	}

	/** A line with its share of the discounts, split by who pays for them. */
	record PricedLine(Line line, long discount, long platformDiscount, long supplierDiscount) {

		long subtotal() {
			return line.subtotal().amount();
		}

		/** What the buyer pays for the line. */
		long amount() {
			return subtotal() - discount;
		}

		long supplierSubtotal() {
			return line.supplierUnitPrice().times(line.quantity()).amount();
		}

		long margin() {
			return line.margin().amount();
		}
	}

	/** The frozen money of one order. */
	record OrderMoney(long goods, long shipping, long total, long discount, long platformDiscount,
			long supplierDiscount, long margin, long platformFee, long supplierAmount) {
	}
}
