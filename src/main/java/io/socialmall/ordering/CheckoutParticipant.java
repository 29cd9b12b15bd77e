package io.socialmall.ordering;

/**
 * The checkout pricing extension point. Ordering knows neither shops nor promotions: modules that do (they
 * depend on ordering, never the reverse) implement this interface as a Spring bean and ordering calls every
 * implementation, in {@link org.springframework.core.annotation.Order} order, for each checkout and each
 * preview of one. A participant looks at the lines whose {@link CheckoutDraft.Line#source() source} it owns
 * (for example {@code shop:123}) and at the coupon ids the buyer chose, and leaves everything else alone;
 * when no participant changes anything the checkout costs not one statement more.
 */
public interface CheckoutParticipant {

	/**
	 * Prices the draft: may set line prices, name the reseller, freeze the commission rate, add discounts, or
	 * refuse the checkout by throwing a {@link io.socialmall.core.DomainException}. Runs for the preview
	 * ({@link CheckoutDraft#preview()} is true: it must not write anything) and inside the checkout
	 * transaction, before anything is written.
	 */
	void price(CheckoutDraft draft);

	/**
	 * The checkout, its orders and lines exist (same transaction, not for previews): record what must be
	 * held, such as a redeemed coupon, a flash-sale quota taken or a group seat. Throwing rolls the whole
	 * checkout back.
	 */
	default void placed(CheckoutDraft draft, PlacedCheckout placed) {
	}
}
