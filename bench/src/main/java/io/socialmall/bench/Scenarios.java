package io.socialmall.bench;

/**
 * The scenarios that run against PostgreSQL: browse, search, checkout and hot item. They need the
 * storefront's ordering and payment APIs.
 */
final class Scenarios {

	private Scenarios() {
	}

	static void runDatabaseScenarios(Bench.Context context) throws Exception {
		var report = context.report();
		var anchor = PgBench.run(context.database(), context.options().scale().pgbenchScale(),
				context.options().scale().checkoutClients(), context.options().scale().pgbenchSeconds());
		report.commands.add(anchor.command());
		report.figure("anchor", "pgbench TPC-B tps (" + anchor.clients() + " clients)", anchor.tps(), "tx/s", null, null,
				"1 durable commit per transaction");
		report.figure("anchor", "order ceiling: 0.5 × pgbench (2 commits per order)", anchor.tps() / 2, "orders/s",
				null, null, null);
	}
}
