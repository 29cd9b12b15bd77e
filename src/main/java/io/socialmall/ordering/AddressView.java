package io.socialmall.ordering;

import java.time.Instant;

/** One of a buyer's shipping addresses. */
public record AddressView(long id, String recipient, String phone, String province, String city, String district,
		String street, String postalCode, boolean isDefault, Instant createdAt) {

	/** The address on one line, as an order keeps it. */
	public String oneLine() {
		StringBuilder text = new StringBuilder().append(province).append(' ').append(city);
		if (district != null && !district.isBlank()) {
			text.append(' ').append(district);
		}
		text.append(' ').append(street);
		if (postalCode != null && !postalCode.isBlank()) {
			text.append(' ').append(postalCode);
		}
		return text.toString();
	}

	public AddressForm toForm() {
		return new AddressForm(recipient, phone, province, city, district, street, postalCode, isDefault);
	}
}
