package io.socialmall.cart;

import java.util.Collection;
import java.util.List;

/**
 * Carts of guests and members. A guest cart is created by the first {@link #add} without a token and is
 * found by its opaque token afterwards; a member has one cart. Quantities are checked against stock and the
 * SKU must be on sale when it is added or raised (checkout reserves the stock for real). Another person's
 * cart is never reachable: members reach only their own, guests only the cart of the token they hold.
 * A line is a SKU together with its source (where the buyer picked it, see {@link CartLine#source()});
 * methods without a source mean the line without one.
 */
public interface Carts {

	/** The owner's cart; an unknown or missing guest token is an empty cart without a token. */
	CartView view(CartOwner owner);

	/** Adds units of a SKU without a source; see {@link #add(CartOwner, long, int, String)}. */
	default CartView add(CartOwner owner, long skuId, int quantity) {
		return add(owner, skuId, quantity, null);
	}

	/**
	 * Adds units of a SKU from a source (to the line of that SKU and source if it is already there). A guest
	 * without a cart gets a new one; its token is in the result.
	 * @param source where the buyer picked the SKU, e.g. {@code shop:123}; {@code null} or blank for none
	 * @throws io.socialmall.core.DomainException {@code invalid-input} (400) for an unknown SKU, a quantity out of
	 *         range or a malformed source, {@code not-purchasable} (409) if the SKU is not on sale,
	 *         {@code insufficient-stock} (409) if fewer units are available, {@code cart-full} (422) past the
	 *         line limit
	 */
	CartView add(CartOwner owner, long skuId, int quantity, String source);

	/** Changes the line of the SKU without a source; see {@link #update(CartOwner, long, String, Integer, Boolean)}. */
	default CartView update(CartOwner owner, long skuId, Integer quantity, Boolean selected) {
		return update(owner, skuId, null, quantity, selected);
	}

	/**
	 * Changes a line's quantity and/or whether it is selected for checkout ({@code null} leaves it as is).
	 * @throws io.socialmall.core.DomainException {@code not-found} (404) if the line is not in the owner's cart
	 */
	CartView update(CartOwner owner, long skuId, String source, Integer quantity, Boolean selected);

	/** Removes the line of the SKU without a source. */
	default CartView remove(CartOwner owner, long skuId) {
		return remove(owner, skuId, null);
	}

	/** Removes a line; {@code not-found} (404) if it is not in the owner's cart. */
	CartView remove(CartOwner owner, long skuId, String source);

	/**
	 * Moves the guest cart of {@code guestToken} into the member's cart (quantities of the same line add up,
	 * capped at the line maximum) and deletes the guest cart. Idempotent: an unknown token changes nothing.
	 * @return whether a guest cart was merged
	 */
	boolean merge(String guestToken, long memberId);

	/**
	 * The member's lines to check out: every line of the SKUs in {@code skuIds} (whatever their source), or
	 * every selected line when it is empty.
	 * @throws io.socialmall.core.DomainException {@code invalid-input} naming {@code skuIds} if one is not in the cart
	 */
	List<CartLine> checkoutLines(long memberId, Collection<Long> skuIds);

	/** Removes every line of these SKUs in the caller's transaction (checkout commits them away with the orders). */
	void removeCheckedOut(long memberId, Collection<Long> skuIds);

	/** Removes exactly these checked-out lines (SKU and source) in the caller's transaction. */
	void removeCheckedOutLines(long memberId, Collection<CartLine> lines);
}
