package io.socialmall.ordering;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * What a buyer checks out: cart lines, or (buy now) SKUs straight from a product page.
 * @param addressId one of the buyer's addresses
 * @param skuIds the cart lines to check out (every line of these SKUs, whatever their source); empty or
 *        missing (and no {@code items}): every selected line
 * @param items buy now: SKUs and quantities to order without the cart (the cart is left as it is); not
 *        together with {@code skuIds}
 * @param confirmNonReturnable SKUs flagged no return without reason that the buyer confirms knowingly; every
 *        such SKU in the checkout must be listed
 * @param expectedTotal optional: the total (fen) the buyer was shown; if prices moved since, the checkout is
 *        refused with {@code price-changed} instead of charging a price the buyer did not see
 * @param couponIds coupons the buyer chose; the promotion module's {@link CheckoutParticipant} applies them
 */
public record CheckoutRequest(
		@NotNull Long addressId,
		@Size(max = 100) List<@NotNull Long> skuIds,
		@Size(max = 100) List<@Valid @NotNull Item> items,
		@Size(max = 100) List<@NotNull Long> confirmNonReturnable,
		@PositiveOrZero Long expectedTotal,
		@Size(max = 10) List<@NotNull Long> couponIds) {

	public CheckoutRequest {
		skuIds = skuIds == null ? List.of() : List.copyOf(skuIds);
		items = items == null ? List.of() : List.copyOf(items);
		confirmNonReturnable = confirmNonReturnable == null ? List.of() : List.copyOf(confirmNonReturnable);
		couponIds = couponIds == null ? List.of() : List.copyOf(couponIds);
	}

	/** A checkout without coupons. */
	public CheckoutRequest(Long addressId, List<Long> skuIds, List<Item> items, List<Long> confirmNonReturnable,
			Long expectedTotal) {
		this(addressId, skuIds, items, confirmNonReturnable, expectedTotal, List.of());
	}

	/** Checks out the cart's lines (all selected ones when {@code skuIds} is empty). */
	public static CheckoutRequest fromCart(long addressId, List<Long> skuIds, List<Long> confirmNonReturnable,
			Long expectedTotal) {
		return new CheckoutRequest(addressId, skuIds, List.of(), confirmNonReturnable, expectedTotal, List.of());
	}

	/** Checks out the cart's lines with coupons. */
	public static CheckoutRequest fromCart(long addressId, List<Long> skuIds, List<Long> confirmNonReturnable,
			Long expectedTotal, List<Long> couponIds) {
		return new CheckoutRequest(addressId, skuIds, List.of(), confirmNonReturnable, expectedTotal, couponIds);
	}

	/**
	 * Buy now: units of a SKU.
	 * @param source where the buyer picked it, e.g. {@code shop:123} or {@code flash:7} (optional, at most 60
	 *        characters); each SKU and source once
	 */
	public record Item(@NotNull Long skuId, @NotNull @Min(1) @Max(999) Integer quantity, @Size(max = 60) String source) {

		/** Units of a SKU from the product page. */
		public Item(Long skuId, Integer quantity) {
			this(skuId, quantity, null);
		}
	}
}
