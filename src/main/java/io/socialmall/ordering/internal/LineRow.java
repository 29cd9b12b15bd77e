package io.socialmall.ordering.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

import io.socialmall.core.Money;
import io.socialmall.inventory.SkuQuantity;
import io.socialmall.ordering.OrderLineInfo;
import io.socialmall.ordering.OrderView;

/** One row of {@code order_lines}. */
record LineRow(long id, long orderId, int position, long skuId, long productId, String title, String specText,
		String imageUrl, long unitPrice, int quantity, long amount, boolean returnableWithoutReason,
		boolean nonReturnableConfirmed, int refundedQuantity, long refundedAmount) {

	/** Units not refunded yet (still sold, or still reserved). */
	int openQuantity() {
		return quantity - refundedQuantity;
	}

	SkuQuantity openUnits() {
		return new SkuQuantity(skuId, openQuantity());
	}

	OrderLineInfo info(String currency) {
		return new OrderLineInfo(id, productId, skuId, quantity, Money.of(unitPrice, currency), Money.of(amount, currency));
	}

	OrderView.Line view(String currency) {
		return new OrderView.Line(id, skuId, productId, title, specText, imageUrl, Money.of(unitPrice, currency), quantity,
				Money.of(amount, currency), returnableWithoutReason, nonReturnableConfirmed, refundedQuantity,
				Money.of(refundedAmount, currency));
	}

	static LineRow of(ResultSet rs) throws SQLException {
		return new LineRow(rs.getLong("id"), rs.getLong("order_id"), rs.getInt("position"), rs.getLong("sku_id"),
				rs.getLong("product_id"), rs.getString("title"), rs.getString("spec_text"), rs.getString("image_url"),
				rs.getLong("unit_price"), rs.getInt("quantity"), rs.getLong("amount"),
				rs.getBoolean("returnable_without_reason"), rs.getBoolean("non_returnable_confirmed"),
				rs.getInt("refunded_quantity"), rs.getLong("refunded_amount"));
	}
}
