package io.socialmall.cart;

import java.util.Collection;
import java.util.List;

/**
 * Carts of guests and members. A guest cart is created by the first {@link #add} without a token and is
 * found by its opaque token afterwards; a member has one cart. Quantities are checked against stock and the
 * SKU must be on sale when it is added or raised (checkout reserves the stock for real). Another person's
 * cart is never reachable: members reach only their own, guests only the cart of the token they hold.
 */
public interface Carts {

	/** The owner's cart; an unknown or missing guest token is an empty cart without a token. */
	CartView view(CartOwner owner);

	/**
	 * Adds units of a SKU (to the line if it is already there). A guest without a cart gets a new one; its
	 * token is in the result.
	 * @throws io.socialmall.core.DomainException {@code invalid-input} (400) for an unknown SKU or a quantity
	 *         out of range, {@code not-purchasable} (409) if the SKU is not on sale, {@code insufficient-stock}
	 *         (409) if fewer units are available, {@code cart-full} (422) past the line limit
	 */
	CartView add(CartOwner owner, long skuId, int quantity);

	/**
	 * Changes a line's quantity and/or whether it is selected for checkout ({@code null} leaves it as is).
	 * @throws io.socialmall.core.DomainException {@code not-found} (404) if the line is not in the owner's cart
	 */
	CartView update(CartOwner owner, long skuId, Integer quantity, Boolean selected);

	/** Removes a line; {@code not-found} (404) if it is not in the owner's cart. */
	CartView remove(CartOwner owner, long skuId);

	/**
	 * Moves the guest cart of {@code guestToken} into the member's cart (quantities of the same SKU add up,
	 * capped at the line maximum) and deletes the guest cart. Idempotent: an unknown token changes nothing.
	 * @return whether a guest cart was merged
	 */
	boolean merge(String guestToken, long memberId);

	/**
	 * The member's lines to check out: those of {@code skuIds}, or every selected line when it is empty.
	 * @throws io.socialmall.core.DomainException {@code invalid-input} naming {@code skuIds} if one is not in the cart
	 */
	List<CartLine> checkoutLines(long memberId, Collection<Long> skuIds);

	/** Removes checked-out lines in the caller's transaction (checkout commits them away with the orders). */
	void removeCheckedOut(long memberId, Collection<Long> skuIds);
}
