package io.socialmall.cart;

import java.util.Collection;
import java.util.Map;

import io.socialmall.core.Money;

/**
 * Prices cart lines that carry a source (see {@link CartLine#source()}) for showing the cart, so a line
 * picked in a reseller's shop shows the shop's price rather than the catalog price. Implemented by the
 * modules that own a source prefix (shops, promotions), as Spring beans; the cart asks them only when it has
 * lines with a source. Checkout prices the lines again, for real, through the ordering module's
 * CheckoutParticipant.
 */
public interface CartLinePricing {

	/**
	 * The unit price now of each line this implementation owns and can price; lines it does not own or cannot
	 * price (a closed shop, say) are left out and show the catalog price.
	 * @param memberId the signed-in buyer, or {@code null} for a guest
	 */
	Map<SourcedSku, Money> unitPrices(Long memberId, Collection<SourcedSku> lines);

	/** A SKU picked from a source. */
	record SourcedSku(long skuId, String source) {
	}
}
