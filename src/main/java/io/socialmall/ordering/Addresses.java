package io.socialmall.ordering;

import java.util.List;

/**
 * Each buyer's address book. A buyer reaches only their own addresses; anyone else's is "not found".
 */
public interface Addresses {

	/** The buyer's addresses, the default first. */
	List<AddressView> list(long buyerId);

	AddressView get(long buyerId, long addressId);

	/**
	 * Adds an address; the first one, or one marked default, becomes the default.
	 * @throws io.socialmall.core.DomainException {@code address-book-full} (422) past the limit per buyer
	 */
	AddressView add(long buyerId, AddressForm form);

	AddressView change(long buyerId, long addressId, AddressForm form);

	void delete(long buyerId, long addressId);
}
