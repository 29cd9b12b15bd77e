package io.socialmall.ordering.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.socialmall.core.DomainException;
import io.socialmall.core.Ids;
import io.socialmall.ordering.AddressForm;
import io.socialmall.ordering.AddressView;
import io.socialmall.ordering.Addresses;

@Service
@Transactional
class AddressBook implements Addresses {

	static final int MAX_ADDRESSES = 20;

	private final JdbcClient jdbc;
	private final Clock clock;

	AddressBook(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public List<AddressView> list(long buyerId) {
		return jdbc.sql("SELECT * FROM addresses WHERE buyer_id = :buyer ORDER BY is_default DESC, created_at DESC, id DESC")
			.param("buyer", buyerId)
			.query((rs, n) -> address(rs))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public AddressView get(long buyerId, long addressId) {
		return jdbc.sql("SELECT * FROM addresses WHERE id = :id AND buyer_id = :buyer")
			.param("id", addressId)
			.param("buyer", buyerId)
			.query((rs, n) -> address(rs))
			.optional()
			.orElseThrow(() -> DomainException.notFound("address"));
	}

	@Override
	public AddressView add(long buyerId, AddressForm form) {
		Integer count = jdbc.sql("SELECT count(*) FROM addresses WHERE buyer_id = :buyer")
			.param("buyer", buyerId)
			.query(Integer.class)
			.single();
		if (count >= MAX_ADDRESSES) {
			throw DomainException.unprocessable("address-book-full",
					"an address book holds at most " + MAX_ADDRESSES + " addresses");
		}
		boolean makeDefault = form.isDefault() || count == 0;
		if (makeDefault) {
			clearDefault(buyerId);
		}
		long id = Ids.next();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO addresses (id, buyer_id, recipient, phone, province, city, district, street, postal_code,
				  is_default, created_at, updated_at)
				VALUES (:id, :buyer, :recipient, :phone, :province, :city, :district, :street, :postal, :default, :now, :now)""")
			.param("id", id)
			.param("buyer", buyerId)
			.params(columns(form))
			.param("default", makeDefault)
			.param("now", now)
			.update();
		return get(buyerId, id);
	}

	@Override
	public AddressView change(long buyerId, long addressId, AddressForm form) {
		AddressView current = get(buyerId, addressId);
		boolean makeDefault = form.isDefault() || current.isDefault();
		if (form.isDefault() && !current.isDefault()) {
			clearDefault(buyerId);
		}
		jdbc.sql("""
				UPDATE addresses SET recipient = :recipient, phone = :phone, province = :province, city = :city,
				  district = :district, street = :street, postal_code = :postal, is_default = :default, updated_at = :now
				WHERE id = :id AND buyer_id = :buyer""")
			.params(columns(form))
			.param("default", makeDefault)
			.param("now", clock.instant())
			.param("id", addressId)
			.param("buyer", buyerId)
			.update();
		return get(buyerId, addressId);
	}

	@Override
	public void delete(long buyerId, long addressId) {
		AddressView current = get(buyerId, addressId);
		jdbc.sql("DELETE FROM addresses WHERE id = :id AND buyer_id = :buyer")
			.param("id", addressId)
			.param("buyer", buyerId)
			.update();
		if (current.isDefault()) {
			// the newest remaining address takes over as default
			jdbc.sql("""
					UPDATE addresses SET is_default = TRUE WHERE id =
					  (SELECT id FROM addresses WHERE buyer_id = :buyer ORDER BY created_at DESC, id DESC LIMIT 1)""")
				.param("buyer", buyerId)
				.update();
		}
	}

	private void clearDefault(long buyerId) {
		jdbc.sql("UPDATE addresses SET is_default = FALSE WHERE buyer_id = :buyer AND is_default = TRUE")
			.param("buyer", buyerId)
			.update();
	}

	private static java.util.Map<String, Object> columns(AddressForm form) {
		var values = new java.util.HashMap<String, Object>();
		values.put("recipient", form.recipient().strip());
		values.put("phone", form.phone().strip());
		values.put("province", form.province().strip());
		values.put("city", form.city().strip());
		values.put("district", blankToNull(form.district()));
		values.put("street", form.street().strip());
		values.put("postal", blankToNull(form.postalCode()));
		return values;
	}

	static AddressView address(ResultSet rs) throws SQLException {
		return new AddressView(rs.getLong("id"), rs.getString("recipient"), rs.getString("phone"),
				rs.getString("province"), rs.getString("city"), rs.getString("district"), rs.getString("street"),
				rs.getString("postal_code"), rs.getBoolean("is_default"), rs.getTimestamp("created_at").toInstant());
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
