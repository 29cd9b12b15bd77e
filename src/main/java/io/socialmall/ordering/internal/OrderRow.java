package io.socialmall.ordering.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import io.socialmall.core.Money;
import io.socialmall.ordering.OrderStatus;
import io.socialmall.ordering.OrderSummary;

/** One row of {@code orders}, as the state machine reads it. */
record OrderRow(long id, String orderNo, long checkoutId, long buyerId, long supplierId, OrderStatus status,
		String currency, long goodsAmount, long shippingFee, long total, long platformFee, long supplierAmount,
		long refundedAmount, long refundedFee, long paymentIntentId, int itemCount, String summary, String shipName,
		String shipPhone, String shipAddress, String carrier, String trackingNo, String cancelReason,
		int afterSalesOpen, Instant dueAt, Instant createdAt, Instant paidAt, Instant shippedAt, Instant receivedAt,
		Instant completedAt, Instant cancelledAt, long discountAmount, long platformDiscount, long supplierDiscount,
		long resellerMargin, long refundedMargin, long refundedSubsidy) {

	OrderRow withStatus(OrderStatus newStatus) {
		return new OrderRow(id, orderNo, checkoutId, buyerId, supplierId, newStatus, currency, goodsAmount, shippingFee,
				total, platformFee, supplierAmount, refundedAmount, refundedFee, paymentIntentId, itemCount, summary, shipName,
				shipPhone, shipAddress, carrier, trackingNo, cancelReason, afterSalesOpen, dueAt, createdAt, paidAt, shippedAt,
				receivedAt, completedAt, cancelledAt, discountAmount, platformDiscount, supplierDiscount, resellerMargin,
				refundedMargin, refundedSubsidy);
	}

	Money money(long amount) {
		return Money.of(amount, currency);
	}

	OrderSummary summaryView() {
		return new OrderSummary(id, orderNo, checkoutId, buyerId, supplierId, status, money(total), itemCount, summary,
				createdAt, dueAt);
	}

	static OrderRow of(ResultSet rs) throws SQLException {
		return new OrderRow(rs.getLong("id"), rs.getString("order_no"), rs.getLong("checkout_id"), rs.getLong("buyer_id"),
				rs.getLong("supplier_id"), OrderStatus.valueOf(rs.getString("status")), rs.getString("currency"),
				rs.getLong("goods_amount"), rs.getLong("shipping_fee"), rs.getLong("total"), rs.getLong("platform_fee"),
				rs.getLong("supplier_amount"), rs.getLong("refunded_amount"), rs.getLong("refunded_fee"),
				rs.getLong("payment_intent_id"), rs.getInt("item_count"), rs.getString("summary"), rs.getString("ship_name"),
				rs.getString("ship_phone"), rs.getString("ship_address"), rs.getString("carrier"), rs.getString("tracking_no"),
				rs.getString("cancel_reason"), rs.getInt("after_sales_open"), instant(rs, "due_at"),
				instant(rs, "created_at"), instant(rs, "paid_at"), instant(rs, "shipped_at"), instant(rs, "received_at"),
				instant(rs, "completed_at"), instant(rs, "cancelled_at"), rs.getLong("discount_amount"),
				rs.getLong("platform_discount"), rs.getLong("supplier_discount"), rs.getLong("reseller_margin"),
				rs.getLong("refunded_margin"), rs.getLong("refunded_subsidy"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
