package io.socialmall.ordering;

import java.util.Collection;
import java.util.Map;

/** Suppliers' shipping rules, with a configurable platform default for suppliers who set none. */
public interface ShippingRules {

	ShippingRule rule(long supplierId);

	/** The rules of several suppliers in one query (defaults filled in). */
	Map<Long, ShippingRule> rules(Collection<Long> supplierIds);

	/** A supplier sets its own rule (applies to later checkouts; existing orders keep their fee). */
	ShippingRule change(long supplierId, ShippingRuleForm form);
}
