package io.socialmall.ordering.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

import io.socialmall.core.Money;
import io.socialmall.inventory.SkuQuantity;
import io.socialmall.ordering.OrderLineInfo;
import io.socialmall.ordering.OrderView;

/** One row of {@code order_lines}, with what checkout froze on it (docs/social-commerce.md). */
record LineRow(long id, long orderId, int position, long skuId, long productId, String title, String specText,
		String imageUrl, long unitPrice, int quantity, long amount, boolean returnableWithoutReason,
		boolean nonReturnableConfirmed, int refundedQuantity, long refundedAmount, String source, long listPrice,
		long discount, long platformDiscount, long supplierUnitPrice, Long resellerId, long resellerMargin,
		int commissionBps, String priceSource, long refundedMargin, long refundedSubsidy) {

	/** Units not refunded yet (still sold, or still reserved). */
	int openQuantity() {
		return quantity - refundedQuantity;
	}

	SkuQuantity openUnits() {
		return new SkuQuantity(skuId, openQuantity());
	}

	OrderLineInfo info(String currency) {
		return new OrderLineInfo(id, productId, skuId, quantity, Money.of(unitPrice, currency), Money.of(amount, currency),
				Money.of(listPrice, currency), Money.of(discount, currency), Money.of(supplierUnitPrice, currency), resellerId,
				Money.of(resellerMargin, currency), Money.of(platformDiscount, currency), commissionBps, priceSource, source);
	}

	/** What one refund of this line gives back: units, amount, and the margin and subsidy shares. */
	OrderLineInfo refunded(String currency, int refundQuantity, long refundAmount, long marginShare, long subsidyShare) {
		return new OrderLineInfo(id, productId, skuId, refundQuantity, Money.of(unitPrice, currency),
				Money.of(refundAmount, currency), Money.of(listPrice, currency), Money.of(discount, currency),
				Money.of(supplierUnitPrice, currency), resellerId, Money.of(marginShare, currency),
				Money.of(subsidyShare, currency), commissionBps, priceSource, source);
	}

	/** The line as its buyer ({@code withSplit} false: no supplier price or margin) or the trade sees it. */
	OrderView.Line view(String currency, boolean withSplit) {
		return new OrderView.Line(id, skuId, productId, title, specText, imageUrl, Money.of(unitPrice, currency), quantity,
				Money.of(amount, currency), returnableWithoutReason, nonReturnableConfirmed, refundedQuantity,
				Money.of(refundedAmount, currency), Money.of(listPrice, currency), Money.of(discount, currency), source,
				priceSource, resellerId, withSplit ? Money.of(supplierUnitPrice, currency) : null,
				withSplit ? Money.of(resellerMargin, currency) : null, withSplit ? commissionBps : null);
	}

	static LineRow of(ResultSet rs) throws SQLException {
		long reseller = rs.getLong("reseller_id");
		Long resellerId = rs.wasNull() ? null : reseller;
		return new LineRow(rs.getLong("id"), rs.getLong("order_id"), rs.getInt("position"), rs.getLong("sku_id"),
				rs.getLong("product_id"), rs.getString("title"), rs.getString("spec_text"), rs.getString("image_url"),
				rs.getLong("unit_price"), rs.getInt("quantity"), rs.getLong("amount"),
				rs.getBoolean("returnable_without_reason"), rs.getBoolean("non_returnable_confirmed"),
				rs.getInt("refunded_quantity"), rs.getLong("refunded_amount"), rs.getString("source"),
				rs.getLong("list_price"), rs.getLong("discount"), rs.getLong("platform_discount"),
				rs.getLong("supplier_unit_price"), resellerId, rs.getLong("reseller_margin"), rs.getInt("commission_bps"),
				rs.getString("price_source"), rs.getLong("refunded_margin"), rs.getLong("refunded_subsidy"));
	}
}
