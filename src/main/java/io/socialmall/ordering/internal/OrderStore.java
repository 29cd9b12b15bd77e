package io.socialmall.ordering.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.socialmall.core.Ids;
import io.socialmall.core.Page;
import io.socialmall.core.PageRequest;
import io.socialmall.ordering.OrderStatus;
import io.socialmall.ordering.OrderSummary;
import io.socialmall.ordering.OrderView;

/** The SQL of checkouts, orders, their lines and history. */
@Repository
class OrderStore {

	private static final String SUMMARY_COLUMNS = """
			id, order_no, checkout_id, buyer_id, supplier_id, status, currency, total, item_count, summary, created_at,
			due_at""";

	private final JdbcClient jdbc;
	private final NamedParameterJdbcTemplate batch;

	OrderStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	Optional<OrderRow> find(long orderId) {
		return jdbc.sql("SELECT * FROM orders WHERE id = :id").param("id", orderId).query((rs, n) -> OrderRow.of(rs)).optional();
	}

	List<OrderRow> byCheckout(long checkoutId) {
		return jdbc.sql("SELECT * FROM orders WHERE checkout_id = :checkout ORDER BY id")
			.param("checkout", checkoutId)
			.query((rs, n) -> OrderRow.of(rs))
			.list();
	}

	List<LineRow> lines(long orderId) {
		return lines(List.of(orderId));
	}

	List<LineRow> lines(Collection<Long> orderIds) {
		if (orderIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM order_lines WHERE order_id IN (:ids) ORDER BY order_id, position")
			.param("ids", orderIds)
			.query((rs, n) -> LineRow.of(rs))
			.list();
	}

	List<OrderView.HistoryEntry> history(long orderId) {
		return jdbc.sql("""
				SELECT from_status, to_status, actor, actor_id, note, occurred_at FROM order_events
				WHERE order_id = :id ORDER BY occurred_at, id""")
			.param("id", orderId)
			.query((rs, n) -> {
				String from = rs.getString(1);
				long actorId = rs.getLong(4);
				Long actor = rs.wasNull() ? null : actorId;
				return new OrderView.HistoryEntry(from == null ? null : OrderStatus.valueOf(from),
						OrderStatus.valueOf(rs.getString(2)), rs.getString(3), actor, rs.getString(5),
						rs.getTimestamp(6).toInstant());
			})
			.list();
	}

	Optional<CheckoutRow> checkout(long checkoutId) {
		return jdbc.sql("SELECT id, buyer_id, payment_intent_id, total, currency, created_at FROM checkouts WHERE id = :id")
			.param("id", checkoutId)
			.query((rs, n) -> new CheckoutRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
					rs.getTimestamp(6).toInstant()))
			.optional();
	}

	/**
	 * Moves an order from {@code from} to {@code to} with one conditional UPDATE; {@code set} adds columns and
	 * {@code guard} further conditions. False when the order was not in {@code from} (someone else moved it).
	 */
	boolean move(long orderId, OrderStatus from, OrderStatus to, String set, String guard, Map<String, ?> params) {
		var sql = "UPDATE orders SET status = :to" + (set.isEmpty() ? "" : ", " + set)
				+ " WHERE id = :id AND status = :from" + (guard.isEmpty() ? "" : " AND " + guard);
		return jdbc.sql(sql).params(params).param("to", to.name()).param("from", from.name()).param("id", orderId).update() == 1;
	}

	void record(long orderId, OrderStatus from, OrderStatus to, Actor actor, String note, Instant at) {
		jdbc.sql("""
				INSERT INTO order_events (id, order_id, from_status, to_status, actor, actor_id, note, occurred_at)
				VALUES (:id, :order, :from, :to, :actor, :actorId, :note, :at)""")
			.param("id", Ids.next())
			.param("order", orderId)
			.param("from", from == null ? null : from.name(), java.sql.Types.VARCHAR)
			.param("to", to.name())
			.param("actor", actor.kind())
			.param("actorId", actor.id(), java.sql.Types.BIGINT)
			.param("note", note, java.sql.Types.VARCHAR)
			.param("at", at)
			.update();
	}

	/** Writes a whole checkout (checkout, orders, lines, history) with one statement per table. */
	void insert(NewCheckout checkout) {
		jdbc.sql("""
				INSERT INTO checkouts (id, buyer_id, payment_intent_id, total, currency, created_at)
				VALUES (:id, :buyer, :intent, :total, :currency, :at)""")
			.param("id", checkout.id())
			.param("buyer", checkout.buyerId())
			.param("intent", checkout.paymentIntentId())
			.param("total", checkout.total())
			.param("currency", checkout.currency())
			.param("at", checkout.createdAt())
			.update();
		batch.batchUpdate("""
				INSERT INTO orders (id, order_no, checkout_id, buyer_id, supplier_id, status, currency, goods_amount,
				  shipping_fee, total, platform_fee_bps, platform_fee, supplier_amount, discount_amount, platform_discount,
				  supplier_discount, reseller_margin, payment_intent_id, item_count, summary, ship_name, ship_phone,
				  ship_address, due_at, created_at)
				VALUES (:id, :orderNo, :checkout, :buyer, :supplier, 'CREATED', :currency, :goods, :shipping, :total,
				  :bps, :fee, :supplierAmount, :discount, :platformDiscount, :supplierDiscount, :margin, :intent, :items,
				  :summary, :shipName, :shipPhone, :shipAddress, :due, :at)""",
				checkout.orders().stream().map(o -> (SqlParameterSource) new MapSqlParameterSource()
					.addValue("id", o.id())
					.addValue("orderNo", o.orderNo())
					.addValue("checkout", checkout.id())
					.addValue("buyer", checkout.buyerId())
					.addValue("supplier", o.supplierId())
					.addValue("currency", checkout.currency())
					.addValue("goods", o.goods())
					.addValue("shipping", o.shippingFee())
					.addValue("total", o.total())
					.addValue("bps", o.platformFeeBps())
					.addValue("fee", o.platformFee())
					.addValue("supplierAmount", o.supplierAmount())
					.addValue("discount", o.discount())
					.addValue("platformDiscount", o.platformDiscount())
					.addValue("supplierDiscount", o.supplierDiscount())
					.addValue("margin", o.resellerMargin())
					.addValue("intent", checkout.paymentIntentId())
					.addValue("items", o.lines().stream().mapToInt(NewLine::quantity).sum())
					.addValue("summary", o.summary())
					.addValue("shipName", checkout.shipName())
					.addValue("shipPhone", checkout.shipPhone())
					.addValue("shipAddress", checkout.shipAddress())
					.addValue("due", checkout.payBy())
					.addValue("at", checkout.createdAt())).toArray(SqlParameterSource[]::new));
		batch.batchUpdate("""
				INSERT INTO order_lines (id, order_id, position, sku_id, product_id, title, spec_text, image_url, unit_price,
				  quantity, amount, returnable_without_reason, non_returnable_confirmed, source, list_price, discount,
				  platform_discount, supplier_unit_price, reseller_id, reseller_margin, commission_bps, price_source)
				VALUES (:id, :order, :position, :sku, :product, :title, :spec, :image, :price, :qty, :amount, :returnable,
				  :confirmed, :source, :listPrice, :discount, :platformDiscount, :supplierUnitPrice, :reseller, :margin,
				  :bps, :priceSource)""",
				checkout.orders().stream().flatMap(o -> o.lines().stream().map(l -> (SqlParameterSource) new MapSqlParameterSource()
					.addValue("id", l.id())
					.addValue("order", o.id())
					.addValue("position", l.position())
					.addValue("sku", l.skuId())
					.addValue("product", l.productId())
					.addValue("title", l.title())
					.addValue("spec", l.specText(), java.sql.Types.VARCHAR)
					.addValue("image", l.imageUrl(), java.sql.Types.VARCHAR)
					.addValue("price", l.unitPrice())
					.addValue("qty", l.quantity())
					.addValue("amount", l.amount())
					.addValue("returnable", l.returnableWithoutReason())
					.addValue("confirmed", l.nonReturnableConfirmed())
					.addValue("source", l.source(), java.sql.Types.VARCHAR)
					.addValue("listPrice", l.listPrice())
					.addValue("discount", l.discount())
					.addValue("platformDiscount", l.platformDiscount())
					.addValue("supplierUnitPrice", l.supplierUnitPrice())
					.addValue("reseller", l.resellerId(), java.sql.Types.BIGINT)
					.addValue("margin", l.resellerMargin())
					.addValue("bps", l.commissionBps())
					.addValue("priceSource", l.priceSource()))).toArray(SqlParameterSource[]::new));
		// only checkouts with discounts pay for this statement
		List<SqlParameterSource> discounts = checkout.orders().stream().flatMap(o -> o.discounts().stream()
			.map(d -> (SqlParameterSource) new MapSqlParameterSource()
				.addValue("order", o.id())
				.addValue("ref", d.ref())
				.addValue("label", d.label())
				.addValue("funder", d.funder())
				.addValue("supplier", d.supplierId(), java.sql.Types.BIGINT)
				.addValue("amount", d.amount()))).toList();
		if (!discounts.isEmpty()) {
			batch.batchUpdate("""
					INSERT INTO order_discounts (order_id, ref, label, funder, supplier_id, amount)
					VALUES (:order, :ref, :label, :funder, :supplier, :amount)""",
					discounts.toArray(SqlParameterSource[]::new));
		}
		batch.batchUpdate("""
				INSERT INTO order_events (id, order_id, from_status, to_status, actor, actor_id, note, occurred_at)
				VALUES (:id, :order, NULL, 'CREATED', 'BUYER', :buyer, NULL, :at)""",
				checkout.orders().stream().map(o -> (SqlParameterSource) new MapSqlParameterSource()
					.addValue("id", Ids.next())
					.addValue("order", o.id())
					.addValue("buyer", checkout.buyerId())
					.addValue("at", checkout.createdAt())).toArray(SqlParameterSource[]::new));
	}

	/** Ids of orders in {@code status} whose automatic step is due, oldest first. */
	List<Long> due(OrderStatus status, Instant now, int limit, String guard) {
		return jdbc.sql("SELECT id FROM orders WHERE status = :status AND due_at <= :now" + (guard.isEmpty() ? "" : " AND " + guard)
				+ " ORDER BY due_at LIMIT :limit")
			.param("status", status.name())
			.param("now", now)
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	Page<OrderSummary> page(String where, Map<String, ?> params, String orderBy, PageRequest page) {
		List<OrderSummary> items = jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM orders WHERE " + where + " ORDER BY "
				+ orderBy + " LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> new OrderSummary(rs.getLong("id"), rs.getString("order_no"), rs.getLong("checkout_id"),
					rs.getLong("buyer_id"), rs.getLong("supplier_id"), OrderStatus.valueOf(rs.getString("status")),
					io.socialmall.core.Money.of(rs.getLong("total"), rs.getString("currency")), rs.getInt("item_count"),
					rs.getString("summary"), OrderRow.instant(rs, "created_at"), OrderRow.instant(rs, "due_at")))
			.list();
		long total = jdbc.sql("SELECT count(*) FROM orders WHERE " + where).params(params).query(Long.class).single();
		return Page.of(items, page, total);
	}

	static Map<String, Object> params(Object... keysAndValues) {
		Map<String, Object> params = new HashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			params.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return params;
	}

	/** A checkout row. */
	record CheckoutRow(long id, long buyerId, long paymentIntentId, long total, String currency, Instant createdAt) {
	}

	/** A checkout about to be written. */
	record NewCheckout(long id, long buyerId, long paymentIntentId, long total, String currency, String shipName,
			String shipPhone, String shipAddress, Instant createdAt, Instant payBy, List<NewOrder> orders) {
	}

	/** An order about to be written; {@code goods} is what its lines cost after discounts. */
	record NewOrder(long id, String orderNo, long supplierId, long goods, long shippingFee, long total,
			int platformFeeBps, long platformFee, long supplierAmount, long discount, long platformDiscount,
			long supplierDiscount, long resellerMargin, String summary, List<NewLine> lines, List<NewDiscount> discounts) {
	}

	record NewLine(long id, int position, long skuId, long productId, String title, String specText, String imageUrl,
			long unitPrice, int quantity, long amount, boolean returnableWithoutReason, boolean nonReturnableConfirmed,
			String source, long listPrice, long discount, long platformDiscount, long supplierUnitPrice, Long resellerId,
			long resellerMargin, int commissionBps, String priceSource) {
	}

	/** A discount's share of one order. */
	record NewDiscount(String ref, String label, String funder, Long supplierId, long amount) {
	}

	/** The discounts of an order as written at checkout. */
	List<NewDiscount> discounts(long orderId) {
		return jdbc.sql("SELECT ref, label, funder, supplier_id, amount FROM order_discounts WHERE order_id = :id ORDER BY ref")
			.param("id", orderId)
			.query((rs, n) -> {
				long supplier = rs.getLong(4);
				return new NewDiscount(rs.getString(1), rs.getString(2), rs.getString(3), rs.wasNull() ? null : supplier,
						rs.getLong(5));
			})
			.list();
	}
}
