package io.socialmall.ordering.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.socialmall.core.Money;
import io.socialmall.ordering.ShippingRule;
import io.socialmall.ordering.ShippingRuleForm;
import io.socialmall.ordering.ShippingRules;

@Service
@Transactional
class ShippingRuleService implements ShippingRules {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final ShippingRule platformDefault;

	ShippingRuleService(JdbcClient jdbc, Clock clock, OrderingProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.platformDefault = new ShippingRule(Money.cny(properties.defaultShippingFee()),
				properties.defaultFreeShippingOver() > 0 ? Money.cny(properties.defaultFreeShippingOver()) : null, false);
	}

	@Override
	@Transactional(readOnly = true)
	public ShippingRule rule(long supplierId) {
		return rules(List.of(supplierId)).get(supplierId);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, ShippingRule> rules(Collection<Long> supplierIds) {
		Map<Long, ShippingRule> rules = new HashMap<>();
		if (supplierIds.isEmpty()) {
			return rules;
		}
		jdbc.sql("SELECT supplier_id, flat_fee, free_over, currency FROM shipping_rules WHERE supplier_id IN (:ids)")
			.param("ids", supplierIds)
			.query(rs -> {
				long freeOver = rs.getLong(3);
				boolean never = rs.wasNull();
				String currency = rs.getString(4);
				rules.put(rs.getLong(1), new ShippingRule(Money.of(rs.getLong(2), currency),
						never ? null : Money.of(freeOver, currency), true));
			});
		supplierIds.forEach(id -> rules.putIfAbsent(id, platformDefault));
		return rules;
	}

	@Override
	public ShippingRule change(long supplierId, ShippingRuleForm form) {
		var now = clock.instant();
		int updated = jdbc.sql("UPDATE shipping_rules SET flat_fee = :fee, free_over = :free, updated_at = :now WHERE supplier_id = :id")
			.param("fee", form.flatFee())
			.param("free", form.freeOver(), java.sql.Types.BIGINT)
			.param("now", now)
			.param("id", supplierId)
			.update();
		if (updated == 0) {
			int inserted = jdbc.sql("""
					INSERT INTO shipping_rules (supplier_id, flat_fee, free_over, currency, updated_at)
					VALUES (:id, :fee, :free, 'CNY', :now) ON CONFLICT DO NOTHING""")
				.param("id", supplierId)
				.param("fee", form.flatFee())
				.param("free", form.freeOver(), java.sql.Types.BIGINT)
				.param("now", now)
				.update();
			if (inserted == 0) {
				// a concurrent first save won the insert; ours is the later word
				return change(supplierId, form);
			}
		}
		return rule(supplierId);
	}
}
