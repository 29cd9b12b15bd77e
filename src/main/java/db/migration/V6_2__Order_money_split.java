package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops the check {@code supplier_amount = total - platform_fee} of V6: with reseller margins and platform
 * subsidies the supplier's amount is {@code total - platform_fee - reseller_margin + platform_discount}
 * (constraint {@code orders_money_split}, V6_1). The old check has no name of its own, and H2 and PostgreSQL
 * name it differently, so it is found in the standard information schema by what it says. Written in Java
 * because plain SQL cannot drop a constraint whose name it does not know on both databases.
 */
public class V6_2__Order_money_split extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		List<String> names = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("""
						SELECT tc.constraint_name, cc.check_clause
						FROM information_schema.table_constraints tc
						JOIN information_schema.check_constraints cc
						  ON cc.constraint_schema = tc.constraint_schema AND cc.constraint_name = tc.constraint_name
						WHERE LOWER(tc.table_name) = 'orders' AND tc.constraint_type = 'CHECK'
						  AND tc.table_schema = CURRENT_SCHEMA""")) {
			while (rs.next()) {
				String name = rs.getString(1);
				String clause = rs.getString(2).toLowerCase(Locale.ROOT).replace("\"", "");
				if (clause.contains("supplier_amount") && clause.contains("platform_fee") && !clause.contains("reseller_margin")) {
					names.add(name);
				}
			}
		}
		if (names.size() != 1) {
			throw new IllegalStateException("expected one check of supplier_amount = total - platform_fee on orders, found " + names);
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("ALTER TABLE orders DROP CONSTRAINT \"" + names.get(0).replace("\"", "\"\"") + "\"");
		}
	}
}
