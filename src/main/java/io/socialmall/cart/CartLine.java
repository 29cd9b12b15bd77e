package io.socialmall.cart;

import java.util.regex.Pattern;

import io.socialmall.core.DomainException;
import io.socialmall.core.Money;

/**
 * A cart line handed to checkout: the SKU, how many, the unit price when it was added and where the buyer
 * picked it ({@code source}, {@code null} for the plain product page).
 * @param source opaque to cart and checkout, e.g. {@code shop:123}, {@code flash:456}; the module that owns the
 *        prefix prices the line at checkout (see the ordering module's CheckoutParticipant)
 */
public record CartLine(long skuId, int quantity, Money addedPrice, String source) {

	/** At most 60 letters, digits and {@code : _ . -}, starting with a letter or digit. */
	private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:_.-]{0,59}");

	public CartLine {
		source = normaliseSource(source);
	}

	/** A line without a source. */
	public CartLine(long skuId, int quantity, Money addedPrice) {
		this(skuId, quantity, addedPrice, null);
	}

	/**
	 * A source as stored: {@code null} when blank.
	 * @throws DomainException {@code invalid-input} naming {@code source} when it is longer than 60 characters or
	 *         has other characters than letters, digits and {@code : _ . -}
	 */
	public static String normaliseSource(String source) {
		if (source == null || source.isBlank()) {
			return null;
		}
		String value = source.strip();
		if (!SOURCE.matcher(value).matches()) {
			throw DomainException.invalid("source", "at most 60 letters, digits and : _ . -");
		}
		return value;
	}
}
