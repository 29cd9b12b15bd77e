package io.socialmall.payment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import io.socialmall.core.Money;
import io.socialmall.payment.PaymentIntent;
import io.socialmall.payment.PaymentStatus;
import io.socialmall.payment.RefundStatus;
import io.socialmall.payment.RefundView;

/** Reading the payment tables into API records. */
final class PaymentRows {

	static final String INTENT_COLUMNS = """
			id, reference, payer_id, amount, currency, status, provider, provider_txn_id, description, created_at,
			succeeded_at, refunded_amount""";

	static final String REFUND_COLUMNS = """
			id, payment_intent_id, reference, amount, currency, status, reason, requested_at, completed_at""";

	private PaymentRows() {
	}

	static PaymentIntent intent(ResultSet rs, int row) throws SQLException {
		return new PaymentIntent(rs.getLong("id"), rs.getString("reference"), rs.getLong("payer_id"),
				Money.of(rs.getLong("amount"), rs.getString("currency")), PaymentStatus.valueOf(rs.getString("status")),
				rs.getString("provider"), rs.getString("provider_txn_id"), rs.getString("description"),
				instant(rs, "created_at"), instant(rs, "succeeded_at"));
	}

	static RefundView refund(ResultSet rs, int row) throws SQLException {
		return new RefundView(rs.getLong("id"), rs.getLong("payment_intent_id"), rs.getString("reference"),
				Money.of(rs.getLong("amount"), rs.getString("currency")), RefundStatus.valueOf(rs.getString("status")),
				rs.getString("reason"), instant(rs, "requested_at"), instant(rs, "completed_at"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
