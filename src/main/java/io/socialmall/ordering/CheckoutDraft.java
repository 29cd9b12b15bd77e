package io.socialmall.ordering;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import io.socialmall.catalog.SkuSnapshot;
import io.socialmall.core.Money;

/**
 * A checkout being priced, handed to every {@link CheckoutParticipant}. It holds the buyer, the checkout time,
 * the coupon ids the buyer chose and the lines. A line starts at the catalog price, owes the supplier the
 * catalog price, names no reseller and has no commission rate; participants change that per line and add
 * discounts per checkout. Ordering then splits each discount over its eligible lines ({@link Money#allocate}):
 * a platform discount in proportion to their price, a supplier discount in proportion to what the supplier
 * is owed for them. So every line knows what was actually paid for it, and ordering freezes all of
 * it on the order lines (later price or rate changes never rewrite them).
 * <p>
 * Rules ordering enforces once every participant has run (breaking one is a programming error and fails the
 * checkout): the supplier unit price is at most the unit price charged; a line whose unit price is above its
 * supplier unit price (a margin) names a reseller; a supplier-funded discount only covers lines of that
 * supplier and never more than the supplier is owed for them; no line is discounted below zero and every
 * order keeps something to pay for its goods (otherwise {@code discount-too-large}, 422).
 */
public final class CheckoutDraft {

	/** Who pays for a discount: the platform (a subsidy) or the supplier of the discounted lines. */
	public enum Funder {
		PLATFORM, SUPPLIER
	}

	private static final Pattern PRICE_SOURCE = Pattern.compile("[a-z][a-z0-9-]{0,19}");

	private final long buyerId;
	private final Instant at;
	private final List<Long> couponIds;
	private final boolean preview;
	private final List<Line> lines;
	private final List<Discount> discounts = new ArrayList<>();

	private CheckoutDraft(long buyerId, Instant at, List<Long> couponIds, boolean preview, List<Item> items) {
		this.buyerId = buyerId;
		this.at = Objects.requireNonNull(at, "at");
		this.couponIds = List.copyOf(couponIds);
		this.preview = preview;
		List<Line> built = new ArrayList<>(items.size());
		for (Item item : items) {
			built.add(new Line(built.size(), item.sku(), item.quantity(), item.source()));
		}
		this.lines = List.copyOf(built);
	}

	/** Ordering makes the draft of a checkout or a preview; participants only receive it. */
	public static CheckoutDraft of(long buyerId, Instant at, List<Long> couponIds, boolean preview, List<Item> items) {
		return new CheckoutDraft(buyerId, at, couponIds, preview, items);
	}

	public long buyerId() {
		return buyerId;
	}

	/** When the checkout happens (the injected clock): compare validity windows with this, not the wall clock. */
	public Instant at() {
		return at;
	}

	/** The coupons the buyer chose ({@code CheckoutRequest.couponIds}); empty for none. */
	public List<Long> couponIds() {
		return couponIds;
	}

	/** True for a preview: participants must not write anything, and {@link CheckoutParticipant#placed} never follows. */
	public boolean preview() {
		return preview;
	}

	/** The lines, by index. */
	public List<Line> lines() {
		return lines;
	}

	public Line line(int index) {
		return lines.get(index);
	}

	/** The lines whose source starts with {@code prefix}, e.g. {@code shop:}. */
	public List<Line> linesFrom(String prefix) {
		return lines.stream().filter(l -> l.source() != null && l.source().startsWith(prefix)).toList();
	}

	public List<Discount> discounts() {
		return List.copyOf(discounts);
	}

	/**
	 * Adds a discount on some lines of this checkout; ordering splits it over them in proportion to their
	 * price (unit price times quantity), or for a supplier discount to what the supplier is owed for them.
	 * @param ref what it is, unique within the checkout, e.g. {@code coupon:42} (1 to 60 characters)
	 * @param label what the buyer sees, e.g. a coupon's name (1 to 60 characters)
	 * @param funder who pays for it
	 * @param supplierId the supplier paying for a {@link Funder#SUPPLIER} discount; {@code null} for the platform
	 * @param amount more than zero, in the lines' currency
	 * @param eligibleLines indexes of the lines it applies to (at least one)
	 * @throws IllegalArgumentException when any of these does not hold
	 */
	public void addDiscount(String ref, String label, Funder funder, Long supplierId, Money amount,
			Collection<Integer> eligibleLines) {
		if (ref == null || ref.isBlank() || ref.length() > 60) {
			throw new IllegalArgumentException("ref must be 1 to 60 characters");
		}
		if (discounts.stream().anyMatch(d -> d.ref().equals(ref))) {
			throw new IllegalArgumentException("discount " + ref + " was added already");
		}
		if (label == null || label.isBlank() || label.length() > 60) {
			throw new IllegalArgumentException("label must be 1 to 60 characters");
		}
		Objects.requireNonNull(funder, "funder");
		if ((funder == Funder.SUPPLIER) != (supplierId != null)) {
			throw new IllegalArgumentException("a supplier discount names its supplier, a platform discount none");
		}
		if (amount == null || amount.amount() <= 0) {
			throw new IllegalArgumentException("a discount is more than zero");
		}
		if (eligibleLines == null || eligibleLines.isEmpty()) {
			throw new IllegalArgumentException("a discount applies to at least one line");
		}
		List<Integer> indexes = List.copyOf(new LinkedHashSet<>(eligibleLines));
		for (int index : indexes) {
			if (index < 0 || index >= lines.size()) {
				throw new IllegalArgumentException("no line " + index);
			}
			Line line = lines.get(index);
			if (!line.listPrice().currency().equals(amount.currency())) {
				throw new IllegalArgumentException("discount in " + amount.currency() + " on a line in " + line.listPrice().currency());
			}
			if (supplierId != null && line.supplierId() != supplierId) {
				throw new IllegalArgumentException("supplier " + supplierId + " cannot pay for a discount on line " + index
						+ " of supplier " + line.supplierId());
			}
		}
		discounts.add(new Discount(ref.strip(), label.strip(), funder, supplierId, amount, indexes));
	}

	/** A line as ordering makes it: the SKU as it is now, how many, and where the buyer picked it. */
	public record Item(SkuSnapshot sku, int quantity, String source) {
	}

	/**
	 * A discount of the checkout.
	 * @param lineIndexes the lines it is split over
	 */
	public record Discount(String ref, String label, Funder funder, Long supplierId, Money amount,
			List<Integer> lineIndexes) {

		public Discount {
			lineIndexes = List.copyOf(lineIndexes);
		}
	}

	/** One line of the checkout and what participants decided about it. */
	public static final class Line {

		private final int index;
		private final SkuSnapshot sku;
		private final int quantity;
		private final String source;
		private Money unitPrice;
		private String priceSource = "catalog";
		private Money supplierUnitPrice;
		private Long resellerId;
		private int commissionBps;

		Line(int index, SkuSnapshot sku, int quantity, String source) {
			this.index = index;
			this.sku = Objects.requireNonNull(sku, "sku");
			if (quantity < 1) {
				throw new IllegalArgumentException("quantity must be positive");
			}
			this.quantity = quantity;
			this.source = source;
			this.unitPrice = sku.price();
		}

		public int index() {
			return index;
		}

		/** The SKU as the catalog has it now (title, supplier, catalog price). */
		public SkuSnapshot sku() {
			return sku;
		}

		public long skuId() {
			return sku.skuId();
		}

		public long productId() {
			return sku.productId();
		}

		public long supplierId() {
			return sku.supplierId();
		}

		public int quantity() {
			return quantity;
		}

		/** Where the buyer picked the SKU, e.g. {@code shop:123}; {@code null} for the product page. */
		public String source() {
			return source;
		}

		/** The catalog price now: what the line shows as its list price. */
		public Money listPrice() {
			return sku.price();
		}

		/** What the buyer is charged per unit (before discounts). */
		public Money unitPrice() {
			return unitPrice;
		}

		/** Why the line costs what it does: {@code catalog} unless a participant said otherwise. */
		public String priceSource() {
			return priceSource;
		}

		/** What the supplier is owed per unit: the catalog price unless a participant set it. */
		public Money supplierUnitPrice() {
			return supplierUnitPrice == null ? sku.price() : supplierUnitPrice;
		}

		/** The reseller the line is sold through, or {@code null}. */
		public Long resellerId() {
			return resellerId;
		}

		/** The commission rate frozen on the line, in basis points (0: none). */
		public int commissionBps() {
			return commissionBps;
		}

		/** Unit price times quantity, before discounts. */
		public Money subtotal() {
			return unitPrice.times(quantity);
		}

		/** The reseller's margin: (unit price minus supplier unit price) times quantity. */
		public Money margin() {
			return unitPrice.minus(supplierUnitPrice()).times(quantity);
		}

		/**
		 * Charges the buyer {@code unitPrice} per unit.
		 * @param priceSource why, e.g. {@code shop}, {@code flash}, {@code group}, {@code bargain} (lower-case
		 *        letters, digits and dashes, at most 20)
		 */
		public Line charge(Money unitPrice, String priceSource) {
			if (unitPrice == null || unitPrice.amount() <= 0 || !unitPrice.currency().equals(sku.price().currency())) {
				throw new IllegalArgumentException("a unit price is more than zero, in " + sku.price().currency());
			}
			if (priceSource == null || !PRICE_SOURCE.matcher(priceSource).matches()) {
				throw new IllegalArgumentException("price source: lower-case letters, digits and dashes, at most 20");
			}
			this.unitPrice = unitPrice;
			this.priceSource = priceSource;
			return this;
		}

		/** Sets what the supplier is owed per unit (for a shop sale it stays the catalog price). */
		public Line supplierUnitPrice(Money price) {
			if (price == null || price.amount() <= 0 || !price.currency().equals(sku.price().currency())) {
				throw new IllegalArgumentException("a supplier unit price is more than zero, in " + sku.price().currency());
			}
			this.supplierUnitPrice = price;
			return this;
		}

		/** Names the reseller the line is sold through; the margin is theirs. */
		public Line reseller(long resellerId) {
			if (resellerId <= 0) {
				throw new IllegalArgumentException("no such reseller " + resellerId);
			}
			this.resellerId = resellerId;
			return this;
		}

		/** Freezes the commission rate of the line, in basis points of what is paid for it (0 to 10000). */
		public Line commissionBps(int bps) {
			if (bps < 0 || bps > 10_000) {
				throw new IllegalArgumentException("a commission rate is 0 to 10000 basis points");
			}
			this.commissionBps = bps;
			return this;
		}
	}
}
